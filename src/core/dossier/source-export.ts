import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { cslItemOf, firstSeenIn, type CslItem } from './citation';
import type { DossierExport } from './dossier-service';
import type { DossierContent } from './model';

/**
 * A dossier's sources for a reference manager (Zotero, and anything that reads CSL-JSON, BibTeX or
 * RIS). Each item is the source's CSL-JSON as the dossier cites it (cslItemOf: the one definition of
 * a source's reference), with a citation key and a note naming the Casefile file and its SHA-256, so
 * that the file can be found again from the reference. BibTeX and RIS are written by citation-js
 * from that item; it is given objects, never text or a URL, so it has nothing to fetch.
 */
export const SOURCE_FORMATS = ['csl-json', 'bibtex', 'ris'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A source's CSL-JSON item as exported. */
export type SourceItem = CslItem & { 'citation-key': string; note: string };

const FILE_TYPES: Record<SourceFormat, { extension: string; mediaType: string }> = {
  'csl-json': { extension: 'csl.json', mediaType: 'application/vnd.citationstyles.csl+json' },
  bibtex: { extension: 'bib', mediaType: 'application/x-bibtex' },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems' },
};

// citation-js's BibTeX writer drops every letter outside ASCII unless told otherwise (a Cyrillic
// title came out blank); with that off it escapes nothing, so latex() below does the escaping.
plugins.config.get('@bibtex').format.asciiOnly = false;

/** The items of every source the content cites, in order of first citation; a source no longer in the archive is left out and said. */
export function sourceItemsOf(content: DossierContent): { items: SourceItem[]; warnings: string[] } {
  const items: SourceItem[] = [];
  const warnings: string[] = [];
  const keys = new Set<string>();
  for (const { doc } of content.sources) {
    if (!('sha256' in doc)) {
      warnings.push(`${doc.id} is no longer in the archive: it has no reference to export`);
      continue;
    }
    const key = uniqueKey(citationKeyOf(doc.id), keys);
    items.push({ ...cslItemOf(doc, firstSeenIn(content, doc.id)), 'citation-key': key, note: `Casefile file: ${doc.id}; SHA-256: ${doc.sha256}` });
  }
  return { items, warnings };
}

/** The sources of `content` as a file in `format`, named after `baseName`. */
export function sourcesFile(content: DossierContent, format: SourceFormat, baseName: string): DossierExport {
  const { items, warnings } = sourceItemsOf(content);
  const text = format === 'csl-json' ? `${JSON.stringify(items, null, 2)}\n` : format === 'bibtex' ? bibtexOf(items) : risOf(items);
  const { extension, mediaType } = FILE_TYPES[format];
  return { fileName: `${baseName}.sources.${extension}`, mediaType, bytes: new TextEncoder().encode(text), warnings };
}

/**
 * BibTeX: the note goes in `annote` (Zotero imports it as a note; bibliography styles don't print
 * it), the byline as one name in braces, as written. Plain BibTeX has no field for a web page's
 * site or the language (citation-js puts a @misc's date of access in `note`): those are in the
 * CSL-JSON and RIS exports.
 */
function bibtexOf(items: SourceItem[]): string {
  if (items.length === 0) return '';
  const entries = items.map(({ note, ...item }) => ({
    ...item,
    title: latex(item.title),
    ...(item['container-title'] ? { 'container-title': latex(item['container-title']) } : {}),
    ...(item.author ? { author: item.author.map((name) => ({ literal: latex(name.literal) })) } : {}),
    annote: latex(note),
  }));
  return new Cite(entries).format('bibtex', { format: 'text' });
}

/** Text as a BibTeX value: the characters TeX treats as commands or groups, escaped. */
function latex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) =>
    char === '\\' ? '\\textbackslash{}' : char === '~' ? '\\textasciitilde{}' : char === '^' ? '\\textasciicircum{}' : `\\${char}`,
  );
}

type RisRecord = Record<string, string | string[] | undefined>;

/** RIS: citation-js's records (the RIS specification's tables), completed for Zotero, one tag a line. */
function risOf(items: SourceItem[]): string {
  if (items.length === 0) return '';
  const records = new Cite(items).format('ris', { format: 'object', spec: 'mixed' });
  return `${records.map((record, i) => risText(completedForZotero(record, items[i]))).join('\n\n')}\n`;
}

/**
 * The RIS specification gives a newspaper article no AU (its author is a "reporter" there) and no
 * full date (DA), and a web page no T2 (the site) and its date of access in M1 rather than Y2, so
 * citation-js writes them so; Zotero reads AU, DA, T2 and Y2 for every type, so they are added where missing.
 */
function completedForZotero(record: RisRecord, item: SourceItem): RisRecord {
  return {
    ...record,
    AU: record.AU ?? item.author?.map((name) => name.literal),
    DA: record.DA ?? risDate(item.issued),
    T2: record.T2 ?? item['container-title'],
    Y2: record.Y2 ?? risDate(item.accessed),
  };
}

function risDate(date: CslItem['issued']): string | undefined {
  return date && `${date['date-parts'][0].join('/')}/`;
}

/**
 * One record, a tag a line. Written here rather than by citation-js's RIS text writer, which breaks
 * values every 70 characters: a reader joins the pieces with a space, so a long URL or title came back changed.
 */
function risText(record: RisRecord): string {
  const { TY, ...tags } = record;
  const lines = [`TY  - ${String(TY)}`];
  for (const [tag, value] of Object.entries(tags)) {
    if (value === undefined) continue;
    for (const one of [value].flat()) lines.push(`${tag}  - ${one.replace(/\s*[\r\n]+\s*/g, ' ')}`);
  }
  lines.push('ER  - ');
  return lines.join('\n');
}

/** A BibTeX key from the file's name: ASCII letters and digits, underscores between. */
function citationKeyOf(docId: string): string {
  const key = docId
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return key || 'source';
}

function uniqueKey(key: string, taken: Set<string>): string {
  let unique = key;
  for (let n = 2; taken.has(unique); n++) unique = `${key}_${n}`;
  taken.add(unique);
  return unique;
}
