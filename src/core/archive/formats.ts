import { parse as parseYaml } from 'yaml';
import { CasefileError } from '../errors';
import { decodeBytes } from './decode';
import { extractDocx } from './docx-text';
import { statedFrom, type Extracted, type StatedMetadata } from './extracted';
import { extractHtml } from './html-text';
import { extractPdf } from './pdf-text';

export { ReadLimitError, StatedMetadata, statedFrom, type Extracted } from './extracted';
export { loadReader } from './pdf-text';

/** Formats the archive reads, by extension. */
export const FORMATS = ['txt', 'md', 'html', 'htm', 'pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The text and stated metadata of a file, by format. Deterministic: the same bytes always give the
 * same text. Markup is never rendered and scripts never run: HTML is parsed by linkedom (no script
 * engine) and reduced to text; PDFs are read by pdfjs-dist with evaluation disabled.
 */
export async function extract(format: Format, bytes: Uint8Array): Promise<Extracted> {
  if (format === 'pdf') return extractPdf(bytes);
  if (format === 'docx') return extractDocx(bytes);
  const decoded = decodeBytes(bytes);
  if (decoded.kind === 'binary') throw new CasefileError('invalid-argument', { text: decoded.reason, code: decoded.reasonCode });
  if (format === 'md') return { ...frontMatter(decoded.text), encoding: decoded.encoding, pages: null, note: null };
  if (format === 'html' || format === 'htm') return { ...extractHtml(decoded.text), encoding: decoded.encoding, pages: null };
  return { text: decoded.text, encoding: decoded.encoding, stated: {}, pages: null, note: null };
}

/** YAML front matter between `---` lines at the very top; the text is what follows it. */
function frontMatter(source: string): { text: string; stated: StatedMetadata } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { text: source, stated: {} };
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch {
    // Not YAML after all: the block is text like the rest.
    return { text: source, stated: {} };
  }
  return { text: source.slice(match[0].length), stated: statedFrom(data) };
}
