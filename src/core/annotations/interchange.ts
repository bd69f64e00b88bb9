import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { CasefileError } from '../errors';
import { Annotation, HighlightColor, type AnchoredAnnotation } from './model';

/**
 * Annotations in and out of Casefile: W3C Web Annotation JSON-LD (an AnnotationCollection, note and
 * tags as TextualBody with purpose commenting / tagging, colour as the target's styleClass), and
 * Markdown and CSV for people and spreadsheets. Every tag is written out: dropping tags on export is
 * what researchers complain about in other tools.
 */
export const EXPORT_FORMATS = ['jsonld', 'md', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const GROUPINGS = ['document', 'tag', 'color'] as const;
export type Grouping = (typeof GROUPINGS)[number];

const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our own terms (the source's hash, the detached flag) live under this prefix. */
const CASEFILE_CONTEXT = { casefile: 'urn:casefile:vocabulary#' };

export interface DocumentLabel {
  title: string;
}

export function toJsonLd(annotations: readonly AnchoredAnnotation[], label: string): object {
  return {
    '@context': [W3C_CONTEXT, CASEFILE_CONTEXT],
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map((a) => ({
        id: `urn:uuid:${a.id}`,
        type: 'Annotation',
        motivation: a.note.trim() === '' ? 'highlighting' : 'commenting',
        created: a.created,
        modified: a.modified,
        ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
        body: [
          ...(a.note.trim() === '' ? [] : [{ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/markdown' }]),
          ...a.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
        ],
        target: {
          type: 'SpecificResource',
          source: a.target.docId,
          styleClass: a.color,
          'casefile:docSha256': a.target.docSha256,
          'casefile:status': a.status,
          ...(a.detached ? { 'casefile:detached': true } : {}),
          selector: [
            { type: 'TextQuoteSelector', ...a.target.quote },
            { type: 'TextPositionSelector', ...a.target.position },
          ],
        },
      })),
    },
  };
}

const TextualBody = z.object({ type: z.literal('TextualBody'), purpose: z.string().optional(), value: z.string() });
const Selector = z.union([
  z.object({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().default(''), suffix: z.string().default('') }),
  z.object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().positive() }),
  z.object({ type: z.string() }).loose(),
]);
const W3cAnnotation = z.object({
  id: z.string().min(1),
  type: z.union([z.literal('Annotation'), z.array(z.string())]).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  creator: z.union([z.string(), z.object({ name: z.string().optional() }).loose()]).optional(),
  body: z.union([TextualBody, z.array(z.union([TextualBody, z.object({}).loose()]))]).optional(),
  target: z
    .object({
      source: z.string().min(1),
      styleClass: z.string().optional(),
      'casefile:docSha256': z.string().optional(),
      'casefile:detached': z.boolean().optional(),
      selector: z.union([Selector, z.array(Selector)]),
    })
    .loose(),
});

export interface ImportProblem {
  index: number;
  message: string;
}

/**
 * Reads annotations from W3C JSON-LD: an AnnotationCollection (its first page's items), an
 * AnnotationPage, a single Annotation, or an array of them. Items that cannot be used are reported,
 * not dropped silently. Ids that are not `urn:uuid:` (other tools') map to a stable UUID, so a
 * second import of the same file merges instead of duplicating.
 */
export function fromJsonLd(json: unknown): { annotations: Annotation[]; problems: ImportProblem[] } {
  const items = itemsOf(json);
  const annotations: Annotation[] = [];
  const problems: ImportProblem[] = [];
  items.forEach((item, index) => {
    const parsed = W3cAnnotation.safeParse(item);
    if (!parsed.success) {
      problems.push({ index, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`).slice(0, 3).join('; ') });
      return;
    }
    const converted = toAnnotation(parsed.data);
    if (typeof converted === 'string') problems.push({ index, message: converted });
    else annotations.push(converted);
  });
  return { annotations, problems };
}

function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) throw new CasefileError('invalid-argument', 'the file holds no annotations (expected W3C Web Annotation JSON-LD)');
  const record = json as Record<string, unknown>;
  const first = record.first as Record<string, unknown> | undefined;
  if (Array.isArray(first?.items)) return first.items;
  if (Array.isArray(record.items)) return record.items;
  if (record.type === 'Annotation' || record.target) return [json];
  throw new CasefileError('invalid-argument', 'the file holds no annotations (expected an AnnotationCollection, AnnotationPage or Annotation)');
}

function toAnnotation(item: z.infer<typeof W3cAnnotation>): Annotation | string {
  const selectors = [item.target.selector].flat();
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix: string; suffix: string } | undefined;
  const position = selectors.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number } | undefined;
  if (!quote) return 'no TextQuoteSelector: Casefile anchors by the quoted words';
  const bodies = [item.body ?? []].flat().filter((b): b is z.infer<typeof TextualBody> => (b as { type?: string }).type === 'TextualBody');
  const color = HighlightColor.safeParse(item.target.styleClass);
  const stamp = new Date(0).toISOString();
  const candidate = {
    id: uuidFor(item.id),
    target: {
      docId: item.target.source,
      docSha256: item.target['casefile:docSha256'] ?? '0'.repeat(64),
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: position && position.end > position.start ? position : { start: 0, end: quote.exact.length },
    },
    note: bodies.filter((b) => b.purpose === 'commenting' || b.purpose === undefined).map((b) => b.value).join('\n\n'),
    tags: [...new Set(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value.trim()).filter((t) => t !== ''))],
    color: color.success ? color.data : 'yellow',
    author: typeof item.creator === 'string' ? item.creator : (item.creator?.name ?? ''),
    created: validDate(item.created) ?? stamp,
    modified: validDate(item.modified) ?? validDate(item.created) ?? stamp,
    ...(item.target['casefile:detached'] ? { detached: true } : {}),
  };
  const parsed = Annotation.safeParse(candidate);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; ');
}

function uuidFor(id: string): string {
  const match = /^urn:uuid:([0-9a-f-]{36})$/i.exec(id);
  if (match) return match[1].toLowerCase();
  // A name-based UUID (version 5 layout over SHA-256): the same foreign id gives the same UUID.
  const hex = createHash('sha256').update(`casefile-import:${id}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function validDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A row of the people-readable exports. */
export interface ExportRow {
  annotation: AnchoredAnnotation;
  title: string;
}

export const CSV_COLUMNS = ['created', 'document', 'title', 'quote', 'note', 'tags', 'colour', 'status', 'start', 'end', 'id', 'author', 'modified'] as const;

/** Groups rows by document, tag (a row appears under each of its tags; untagged last) or colour. */
export function groupRows(rows: readonly ExportRow[], by: Grouping): Array<{ group: string; rows: ExportRow[] }> {
  const groups = new Map<string, ExportRow[]>();
  const add = (key: string, row: ExportRow) => groups.set(key, [...(groups.get(key) ?? []), row]);
  for (const row of rows) {
    const a = row.annotation;
    if (by === 'document') add(a.target.docId, row);
    else if (by === 'color') add(a.color, row);
    else if (a.tags.length === 0) add('', row);
    else for (const tag of a.tags) add(tag, row);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([group, list]) => ({ group, rows: list.sort((x, y) => x.annotation.target.docId.localeCompare(y.annotation.target.docId) || (x.annotation.current?.start ?? 0) - (y.annotation.current?.start ?? 0)) }));
}

export function toCsv(rows: readonly ExportRow[], by: Grouping): string {
  const records = groupRows(rows, by).flatMap(({ group, rows: list }) =>
    list.map(({ annotation: a, title }) => [
      group,
      a.created,
      a.target.docId,
      title,
      a.target.quote.exact,
      a.note,
      a.tags.join('; '),
      a.color,
      a.status,
      a.current?.start ?? '',
      a.current?.end ?? '',
      a.id,
      a.author,
      a.modified,
    ].map(defuseFormula)),
  );
  return stringify(records, { header: true, columns: [`group (${by})`, ...CSV_COLUMNS], bom: true });
}

/**
 * A spreadsheet runs a cell starting with = + - @ as a formula, also after leading spaces or line
 * breaks (which an import may strip) and in full-width form (＝ ＋ － ＠, which an East Asian
 * spreadsheet may read as the ASCII sign); a leading tab or CR is how such a cell is smuggled past a
 * first-character check. Quoted text must stay text: such a cell gets a leading apostrophe.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

function defuseFormula(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

export function toMarkdown(rows: readonly ExportRow[], by: Grouping, heading: string): string {
  const lines = [`# ${heading}`, ''];
  for (const { group, rows: list } of groupRows(rows, by)) {
    const name =
      by === 'document'
        ? `${escapeMarkdown(list[0]?.title ?? group)} (\`${group}\`)`
        : by === 'tag'
          ? group === ''
            ? 'Untagged'
            : `#${escapeMarkdown(group)}`
          : `Colour: ${group}`;
    lines.push(`## ${name}`, '');
    for (const { annotation: a, title } of list) {
      lines.push(...a.target.quote.exact.split('\n').map((line) => `> ${escapeMarkdown(line)}`), '');
      if (a.note.trim() !== '') lines.push(markdownNote(a.note), '');
      const where = a.current ? `characters ${a.current.start}–${a.current.end}` : 'not found in the current text';
      const facts = [
        by === 'document' ? null : `${escapeMarkdown(title)} (\`${a.target.docId}\`)`,
        where,
        `status: ${a.status}`,
        `colour: ${a.color}`,
        a.tags.length > 0 ? `tags: ${a.tags.map((t) => `#${escapeMarkdown(t)}`).join(' ')}` : null,
        a.author ? `by ${escapeMarkdown(a.author)}` : null,
        `created ${a.created}`,
      ].filter((f) => f !== null);
      lines.push(`*${facts.join(' · ')}*`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * A note (or commentary) in Markdown output. The user's Markdown is kept (emphasis, lists), but
 * nothing in it can become raw HTML, a link or an image (a request to some server when the file is
 * viewed), or an entity that spells `javascript:`: backslashes, brackets and ampersands are escaped
 * and `<` is written `&lt;`.
 */
export function markdownNote(text: string): string {
  return text
    .trim()
    .replace(/[\\[\]&]/g, '\\$&')
    .replace(/</g, '&lt;');
}

/**
 * Source text shown exactly as written when the Markdown is rendered: CommonMark backslash escapes
 * for inline markup, and for what would start a block at the beginning of a line (a heading, list,
 * quote, rule or setext underline; leading spaces that would make code).
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>&|~#!]/g, '\\$&')
        .replace(/^(\s*)([-+=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2')
        .replace(/^ +/, (spaces) => '&#32;'.repeat(spaces.length)),
    )
    .join('\n');
}
