import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { statedFrom, type StatedMetadata } from './extracted';
import { isNameLike } from './metadata';

/**
 * HTML nested deeper or with more elements than this is read as plain text: Readability slows with
 * the square of the depth (10,000 unclosed <b><i> took 3 s, 20,000 eight), and so does the parser.
 */
export const MAX_HTML_DEPTH = 1_000;
export const MAX_HTML_ELEMENTS = 100_000;

const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'FIGCAPTION', 'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'TABLE', 'UL', 'OL']);

/** The article of a saved web page (Readability), one paragraph per line, with its meta tags. */
export function extractHtml(html: string): { text: string; stated: StatedMetadata; note: string | null } {
  // Measured on the markup before any tree is built: the parser too slows with the square of the depth.
  const shape = htmlShape(html);
  if (shape.depth > MAX_HTML_DEPTH || shape.elements > MAX_HTML_ELEMENTS) {
    const why = shape.depth > MAX_HTML_DEPTH ? `elements nested ${shape.depth} deep (more than ${MAX_HTML_DEPTH})` : `${shape.elements} elements (more than ${MAX_HTML_ELEMENTS})`;
    return { text: plainTextOfHtml(html), stated: {}, note: `read as plain text, without article extraction: ${why}` };
  }
  const { document } = parseHTML(html);
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const publisher = meta('meta[property="og:site_name"]');
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  const title = meta('meta[property="og:title"]') ?? document.querySelector('title')?.textContent?.trim();
  const statedAuthor = meta('meta[name="author"]') ?? meta('meta[property="article:author"]');
  const stated = statedFrom({
    title: title === undefined ? undefined : withoutSiteName(title, publisher, url),
    author: statedAuthor === undefined ? undefined : withoutUrls(statedAuthor),
    date: meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]'),
    publisher,
    url,
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
  if (!stated.author) {
    // Readability's byline is a line of the page: kept only when it reads as a name ("Last Updated: …" does not).
    // Its first line: a date or a second credit often follows ("By Nathan Willis\nMarch 25, 2015").
    const firstLine = (article?.byline ?? '').trim().replace(BYLINE_WORD, '').split('\n')[0];
    const byline = withoutUrls(firstLine.replace(/\s+/g, ' '));
    const author = isNameLike(byline) ? byline : statedAuthor === undefined ? null : nameFromAuthorPage(statedAuthor);
    if (author) stated.author = author;
  }
  return { text, stated, note: null };
}

/** "By", "Written by", "Par", "Von", "Por", "Автор:" in front of a name. */
const BYLINE_WORD = /^(?:(?:written\s+)?by|par|von|por|автор|авторы)\s*:?\s+/i;
// A link ends at a space or a bracket: "(http://ebb.org/bkuhn/)" keeps its ")" for the next step.
const URL_IN_TEXT = /(?:https?:\/\/|www\.)[^\s()[\]<>]+/gi;

/** A byline with any link taken out ("Bradley M. Kuhn (http://ebb.org/bkuhn/)"); empty if it was only a link. */
function withoutUrls(byline: string): string {
  return byline
    .replace(URL_IN_TEXT, '')
    .replace(/\(\s*\)|\[\s*\]|<\s*>/g, '')
    .replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, '')
    .trim();
}

/**
 * The writer's name from an author page's address, when its last segment reads as one
 * (".../auteur/5631-alexandre-hervaud" → "Alexandre Hervaud"); null for "profile.php?id=…" or a single word.
 */
function nameFromAuthorPage(address: string): string | null {
  let segments: string[];
  try {
    segments = new URL(address.trim()).pathname.split('/').filter((s) => s !== '');
  } catch {
    return null;
  }
  const last = decodeURIComponent(segments.at(-1) ?? '').replace(/^\d+[-_]/, '');
  const words = last.split(/[-_+]/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{L}{2,}$/u.test(w))) return null;
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

const TITLE_SEPARATORS = [' - ', ' | ', ' — ', ' – ', ' :: '];

/**
 * A page title without the site's name at its end or start ("… - BBC News", "Example | …"), when
 * that part is the og:site_name, begins it ("Spiceworks" of "Spiceworks Inc") or is the name in
 * the page's host ("Wikipedia" of en.wikipedia.org).
 */
function withoutSiteName(title: string, siteName: string | undefined, address: string | undefined): string {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase().trim();
  const site = siteName === undefined ? '' : fold(siteName);
  let hostLabels: string[] = [];
  try {
    if (address) hostLabels = new URL(address).hostname.split('.').map(fold);
  } catch {
    // A relative or broken address names no host.
  }
  const isSiteName = (part: string) => {
    const name = fold(part);
    if (name === '') return false;
    if (site !== '' && (name === site || (site.startsWith(name) && /^[^\p{L}\p{N}]/u.test(site.slice(name.length))))) return true;
    return hostLabels.includes(name.replace(/\s+/g, ''));
  };
  for (const separator of TITLE_SEPARATORS) {
    const end = title.lastIndexOf(separator);
    if (end > 0 && isSiteName(title.slice(end + separator.length))) return title.slice(0, end).trim();
    const start = title.indexOf(separator);
    if (start > 0 && isSiteName(title.slice(0, start))) return title.slice(start + separator.length).trim();
  }
  return title;
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
