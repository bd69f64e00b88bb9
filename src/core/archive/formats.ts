import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CasefileError, errorMessage } from '../errors';
import { decodeBytes } from './decode';
import type { TextSpan } from './document';

/** Formats the archive reads, by extension. */
export const FORMATS = ['txt', 'md', 'html', 'htm', 'pdf', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

/** Metadata a file (or its sidecar) states about itself; heuristics on the text fill what is missing. */
export const StatedMetadata = z
  .object({
    title: z.string().trim().min(1),
    byline: z.string().trim().min(1),
    author: z.string().trim().min(1),
    date: z.union([z.string().trim().min(1), z.date()]),
    publisher: z.string().trim().min(1),
    source: z.string().trim().min(1),
    url: z.string().trim().min(1),
    retrieved: z.union([z.string().trim().min(1), z.date()]),
    language: z.string().trim().min(2).max(20),
  })
  .partial();
export type StatedMetadata = z.infer<typeof StatedMetadata>;

export interface Extracted {
  /** The text every offset refers to (before normalization of line endings and NFC). */
  text: string;
  encoding: string | null;
  stated: StatedMetadata;
  /** For PDFs: where each page's text starts and ends. */
  pages: TextSpan[] | null;
  /** How the file was read when not the usual way (an HTML page too large for article extraction); null otherwise. */
  note: string | null;
}

/**
 * A file that would cost more to read than Casefile allows (a zip bomb, a page tree of a million
 * pages): reported as failed with this reason, unlike an unreadable file, which is skipped.
 */
export class ReadLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadLimitError';
  }
}

/** A Word document whose XML parts inflate to more than this is not read (mammoth takes seconds per few MiB). */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;
/** A zip of more entries than this is no Word document a person wrote. */
export const MAX_ZIP_ENTRIES = 10_000;
/** A PDF stating more pages than this is not read (its page tree may be a few objects named a million times). */
export const MAX_PDF_PAGES = 10_000;
/**
 * HTML nested deeper or with more elements than this is read as plain text: Readability slows with
 * the square of the depth (10,000 unclosed <b><i> took 3 s, 20,000 eight), and so does the parser.
 */
export const MAX_HTML_DEPTH = 1_000;
export const MAX_HTML_ELEMENTS = 100_000;

/**
 * The text and stated metadata of a file, by format. Deterministic: the same bytes always give the
 * same text. Markup is never rendered and scripts never run: HTML is parsed by linkedom (no script
 * engine) and reduced to text; PDFs are read by pdfjs-dist with evaluation disabled.
 */
export async function extract(format: Format, bytes: Uint8Array): Promise<Extracted> {
  if (format === 'pdf') return extractPdf(bytes);
  if (format === 'docx') return extractDocx(bytes);
  const decoded = decodeBytes(bytes);
  if (decoded.kind === 'binary') throw new CasefileError('invalid-argument', decoded.reason);
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

/** Keeps the fields that are well-formed and drops the rest (a sidecar may carry other keys). */
export function statedFrom(data: unknown): StatedMetadata {
  if (typeof data !== 'object' || data === null) return {};
  const stated: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = StatedMetadata.shape[key as keyof typeof StatedMetadata.shape];
    const parsed = field?.safeParse(value);
    if (parsed?.success) stated[key] = parsed.data;
  }
  return stated as StatedMetadata;
}

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'FIGCAPTION', 'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'TABLE', 'UL', 'OL']);

/** The article of a saved web page (Readability), one paragraph per line, with its meta tags. */
function extractHtml(html: string): { text: string; stated: StatedMetadata; note: string | null } {
  // Measured on the markup before any tree is built: the parser too slows with the square of the depth.
  const shape = htmlShape(html);
  if (shape.depth > MAX_HTML_DEPTH || shape.elements > MAX_HTML_ELEMENTS) {
    const why = shape.depth > MAX_HTML_DEPTH ? `elements nested ${shape.depth} deep (more than ${MAX_HTML_DEPTH})` : `${shape.elements} elements (more than ${MAX_HTML_ELEMENTS})`;
    return { text: plainTextOfHtml(html), stated: {}, note: `read as plain text, without article extraction: ${why}` };
  }
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const stated = statedFrom({
    title: meta('meta[property="og:title"]') ?? document.querySelector('title')?.textContent?.trim(),
    author: meta('meta[name="author"]') ?? meta('meta[property="article:author"]'),
    date: meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]'),
    publisher: meta('meta[property="og:site_name"]'),
    url: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]'),
    language: document.documentElement?.getAttribute('lang') ?? undefined,
  });
  let article: { content?: string | null; title?: string | null; byline?: string | null } | null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 0 }).parse();
  } catch {
    // Readability gives up on some pages: the whole body's text is then the document.
    article = null;
  }
  // Readability changes the tree as it goes: a page it gave up on is parsed again.
  const content = parseHTML(article?.content ? `<html><body>${article.content}</body></html>` : html).document.body;
  const text = blockText(content);
  if (article?.byline && !stated.author) stated.author = article.byline.trim();
  return { text, stated, note: null };
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with a line break after every block element; runs of space collapsed. */
function blockText(root: DomNode | null): string {
  const lines = new BlockLines();
  // Walked with a stack of its own, not recursion: a deep tree would overflow the call stack.
  const pending: Array<DomNode | 'end of block'> = root ? [root] : [];
  while (pending.length > 0) {
    const node = pending.pop() as DomNode | 'end of block';
    if (node === 'end of block') {
      lines.endBlock();
      continue;
    }
    if (node.nodeType === 3) {
      lines.add(node.textContent ?? '');
      continue;
    }
    if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE' || node.nodeName === 'NOSCRIPT') continue;
    if (node.nodeName === 'BR') lines.add('\n');
    if (BLOCKS.has(node.nodeName)) {
      lines.endBlock();
      pending.push('end of block');
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) pending.push(node.childNodes[i]);
  }
  return lines.text();
}

/** Paragraphs gathered from pieces of text: a block's end ends a line, runs of space are collapsed, empty lines dropped. */
class BlockLines {
  private readonly lines: string[] = [];
  private current: string[] = [];

  add(text: string): void {
    this.current.push(text);
  }

  endBlock(): void {
    for (const line of this.current.join('').split('\n')) {
      const clean = line.replace(/[ \t\u00a0\r]+/g, ' ').trim();
      if (clean !== '') this.lines.push(clean);
    }
    this.current = [];
  }

  text(): string {
    this.endBlock();
    return this.lines.join('\n\n');
  }
}

/** Elements that never hold others, and those whose end tag the parser implies (they never nest in themselves). */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body']);
/** Elements whose content is not text of the page. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'title']);

/**
 * Calls `onTag` for every start and end tag and `onText` for the text between them, in one pass that
 * never looks at a character twice (a tag runs to the next `>`, as the HTML tokenizer has it); the
 * content of script, style, noscript, template and title is passed over.
 */
function scanHtml(html: string, onTag: (name: string, closing: boolean, selfClosing: boolean) => void, onText: (text: string) => void = () => undefined): void {
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) break;
    const closing = html.charCodeAt(open + 1) === 0x2f;
    const nameAt = open + (closing ? 2 : 1);
    if (html.startsWith('<!--', open) || html[open + 1] === '!' || html[open + 1] === '?') {
      onText(html.slice(at, open));
      const comment = html.startsWith('<!--', open);
      const end = comment ? html.indexOf('-->', open + 4) : html.indexOf('>', open);
      at = end === -1 ? html.length : end + (comment ? 3 : 1);
      continue;
    }
    if (!/[a-zA-Z]/.test(html[nameAt] ?? '')) {
      // A `<` that starts no tag is text.
      onText(html.slice(at, open + 1));
      at = open + 1;
      continue;
    }
    onText(html.slice(at, open));
    const end = html.indexOf('>', nameAt);
    if (end === -1) return; // a tag left open at the end of the file holds no text
    let nameEnd = nameAt;
    while (nameEnd < end && !/[\s/]/.test(html[nameEnd])) nameEnd++;
    const name = html.slice(nameAt, nameEnd).toLowerCase();
    onTag(name, closing, html.charCodeAt(end - 1) === 0x2f);
    at = end + 1;
    if (!closing && HIDDEN_CONTENT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = at;
      const found = close.exec(html);
      at = found ? found.index : html.length;
    }
  }
  onText(html.slice(at));
}

/**
 * How many elements a page has and how deep they nest, estimated from its tags without building the
 * tree: end tags the parser implies and void elements do not deepen it; `/>` closes only inside SVG
 * and MathML, as in the parser.
 */
function htmlShape(html: string): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  let foreign = 0;
  scanHtml(html, (name, closing, selfClosing) => {
    const nests = !VOID_ELEMENTS.has(name) && !IMPLIED_END.has(name);
    if (closing) {
      if (nests) depth = Math.max(0, depth - 1);
      if ((name === 'svg' || name === 'math') && foreign > 0) foreign--;
      return;
    }
    elements++;
    if (!nests || (selfClosing && foreign > 0)) return;
    if (name === 'svg' || name === 'math') foreign++;
    deepest = Math.max(deepest, ++depth);
  });
  return { elements, depth: deepest };
}

/** The text of a page from its tags alone, one paragraph per block element, character references decoded. */
function plainTextOfHtml(html: string): string {
  const pieces: string[] = [];
  scanHtml(
    html,
    (name) => {
      if (name === 'br') pieces.push('\n');
      else if (BLOCKS.has(name.toUpperCase())) pieces.push('\n\n');
    },
    (text) => pieces.push(text),
  );
  // What is left has no tags: the parser only decodes its character references (&amp;, &#233;, …).
  const { document } = parseHTML(`<html><body>${pieces.join('').replaceAll('<', '&lt;')}</body></html>`);
  const lines = new BlockLines();
  lines.add(document.body?.textContent ?? '');
  return lines.text();
}

async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  const directory = zipDirectory(bytes);
  if (directory && directory.entries > MAX_ZIP_ENTRIES) throw new ReadLimitError(`a zip of ${directory.entries} parts (more than ${MAX_ZIP_ENTRIES})`);
  if (directory && directory.xmlBytes > MAX_DOCX_XML_BYTES) {
    throw new ReadLimitError(`its XML would inflate to ${mebibytes(directory.xmlBytes)} (more than ${mebibytes(MAX_DOCX_XML_BYTES)})`);
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const text = value.replace(/\n{3,}/g, '\n\n').trim();
    return { text, encoding: null, stated: {}, pages: null, note: null };
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a readable Word document (${errorMessage(error)})`);
  }
}

function mebibytes(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024)} MiB` : 'more than 4 GiB';
}

/**
 * How many entries a zip has and what its XML parts inflate to, as its central directory states
 * (nothing is inflated); null when there is no plain directory to read (not a zip, or Zip64), and
 * the reader then finds out. A directory may understate sizes: the reading thread's memory limit is
 * the guard for that.
 */
function zipDirectory(bytes: Uint8Array): { entries: number; xmlBytes: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  // The end record is the last 22 bytes, before a comment of at most 65,535.
  let end = bytes.byteLength - 22;
  const earliest = Math.max(0, end - 65_535);
  while (end >= earliest && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < earliest) return null;
  const entries = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) return null;
  let xmlBytes = 0;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(nameLength, bytes.byteLength - at - 46)).toString('latin1');
    // 0xffffffff defers to a Zip64 field: at least 4 GiB.
    if (/\.(?:xml|rels)$/i.test(name)) xmlBytes += size === 0xffffffff ? Infinity : size;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, xmlBytes };
}

/**
 * The page count the page tree's root states, found from the trailer (its /Root, the catalog's
 * /Pages, that node's /Count) without pdf.js, which checks the last page on opening and walks the
 * whole tree when it is not where the count says. Null when these objects are not in plain sight
 * (in a compressed object stream): pdf.js then opens the file under the reading thread's budget.
 */
function statedPageCount(bytes: Uint8Array): number | null {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // The last /Root is the newest trailer's (or cross-reference stream's); an object's last definition is its newest.
  const root = lastMatch(source, /\/Root\s+(\d+)\s+(\d+)\s+R/g);
  const pages = root && lastMatch(objectSource(source, root[1], root[2]) ?? '', /\/Pages\s+(\d+)\s+(\d+)\s+R/g);
  const count = pages && lastMatch(objectSource(source, pages[1], pages[2]) ?? '', /\/Count\s+(\d+)/g);
  return count ? Number(count[1]) : null;
}

function lastMatch(source: string, pattern: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) last = match;
  return last;
}

/** The text of an object's newest definition, up to its `endobj` (at most 64 KiB of it). */
function objectSource(source: string, number: string, generation: string): string | null {
  const start = lastMatch(source, new RegExp(`(?<![0-9])${number}\\s+${generation}\\s+obj\\b`, 'g'));
  if (!start) return null;
  const end = source.indexOf('endobj', start.index);
  return source.slice(start.index, end === -1 ? start.index + 65_536 : Math.min(end, start.index + 65_536));
}

/** pdf.js, loaded when first needed (it takes a while to load, and most archives have no PDF). */
const loadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs');

/** Loads what reading a file of this format needs, so that a caller timing the read can leave the loading out. */
export async function loadReader(format: string): Promise<void> {
  if (format !== 'pdf') return;
  // pdf.js loads the code of its worker (here on the same thread) with the first document: loaded now.
  const worker = new (await loadPdfjs()).PDFWorker({ verbosity: 0 });
  await worker.promise;
  worker.destroy();
}

async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  const stated = statedPageCount(bytes);
  if (stated !== null && stated > MAX_PDF_PAGES) throw new ReadLimitError(`${stated} pages (more than ${MAX_PDF_PAGES})`);
  const pdfjs = await loadPdfjs();
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a readable PDF (${errorMessage(error)})`);
  }
  try {
    // Again as pdf.js counts, for a page tree in an object stream.
    if (pdf.numPages > MAX_PDF_PAGES) throw new ReadLimitError(`${pdf.numPages} pages (more than ${MAX_PDF_PAGES})`);
    const info = (await pdf.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined;
    let text = '';
    const pages: TextSpan[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let pageText = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        pageText += item.str + (item.hasEOL ? '\n' : '');
      }
      pageText = pageText.replace(/[ \t]+\n/g, '\n').trim();
      if (text !== '') text += '\n\n';
      pages.push({ start: text.length, end: text.length + pageText.length });
      text += pageText;
    }
    return {
      text,
      encoding: null,
      stated: statedFrom({ title: info?.Title, author: info?.Author }),
      pages,
      note: null,
    };
  } finally {
    await pdf.destroy();
  }
}
