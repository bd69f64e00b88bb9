import { stringify } from 'csv-stringify/sync';
import type { AnchoredAnnotation } from './model';

export { toJsonLd } from './w3c-export';
export { fromJsonLd, type ImportProblem } from './w3c-import';

/**
 * Annotations in and out of Casefile: W3C Web Annotation JSON-LD (w3c-export.ts, w3c-import.ts),
 * and Markdown and CSV for people and spreadsheets. Every tag is written out: dropping tags on
 * export is what researchers complain about in other tools.
 */
export const EXPORT_FORMATS = ['jsonld', 'md', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const GROUPINGS = ['document', 'tag', 'color'] as const;
export type Grouping = (typeof GROUPINGS)[number];

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

export function defuseFormula(value: string | number): string | number {
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
