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
}

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
  if (format === 'md') return { ...frontMatter(decoded.text), encoding: decoded.encoding, pages: null };
  if (format === 'html' || format === 'htm') return { ...extractHtml(decoded.text), encoding: decoded.encoding, pages: null };
  return { text: decoded.text, encoding: decoded.encoding, stated: {}, pages: null };
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
function extractHtml(html: string): { text: string; stated: StatedMetadata } {
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
  const content = article?.content ? parseHTML(`<html><body>${article.content}</body></html>`).document.body : document.body;
  const text = blockText(content);
  if (article?.byline && !stated.author) stated.author = article.byline.trim();
  return { text, stated };
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of a DOM subtree with a line break after every block element; runs of space collapsed. */
function blockText(root: DomNode | null): string {
  const lines: string[] = [];
  let current = '';
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE' || node.nodeName === 'NOSCRIPT') return;
    if (node.nodeName === 'BR') current += '\n';
    const block = BLOCKS.has(node.nodeName);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  const flush = () => {
    for (const line of current.split('\n')) {
      const clean = line.replace(/[ \t\u00a0\r]+/g, ' ').trim();
      if (clean !== '') lines.push(clean);
    }
    current = '';
  };
  if (root) walk(root);
  flush();
  return lines.join('\n\n');
}

async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const text = value.replace(/\n{3,}/g, '\n\n').trim();
    return { text, encoding: null, stated: {}, pages: null };
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a readable Word document (${errorMessage(error)})`);
  }
}

async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a readable PDF (${errorMessage(error)})`);
  }
  try {
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
    };
  } finally {
    await pdf.destroy();
  }
}
