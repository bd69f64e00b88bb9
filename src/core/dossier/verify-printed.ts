import fontkit from '@pdf-lib/fontkit';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { withPdf } from '../archive/pdf-text';
import { ReadLimitError } from '../archive/extracted';
import { CasefileError } from '../errors';
import { loadDossierFonts } from './fonts';
import { CLAIM_X } from './pdf-claims';
import { MARGIN, QUOTE_INDENT } from './pdf-style';
import type { MessageCode } from '../../shared/i18n/core-messages';
import { said, type Said } from '../said';

/**
 * A quote block as printed on the pages of a dossier (see quoteItems in pdf-body.ts): its number
 * "[n]" in the left margin beside the first line, the words in a column indented by QUOTE_INDENT (a
 * claims table's row: in its claim column, see pdf-claims.ts), in one font and size, then the note, commentary, tags and citation below in other styles. A block
 * continued on a new page gets its number again there.
 */
export interface PrintedQuote {
  number: number;
  /** 1-based page of its first line. */
  page: number;
  /** The printed lines of the words, as extracted (a paragraph break is just another line). */
  lines: string[];
  /** What stands in the quote's column after the words, up to the next block (on that page or the next): note, citation… */
  tail: string;
}

export interface PrintedPages {
  pages: number;
  quotes: PrintedQuote[];
}

/** Points of tolerance when comparing positions and sizes read back from the page. */
const TOLERANCE = 1;
const QUOTE_X = MARGIN.left + QUOTE_INDENT;
const NUMBER = /^\[(\d{1,9})\]$/;

/** Reads every page's text with pdf.js and picks out the quote blocks, in the order they are printed. */
export async function readPrintedQuotes(bytes: Uint8Array): Promise<PrintedPages> {
  try {
    return await withPdf(bytes, async (pdf) => {
      const reader = new BlockReader();
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        // Not normalised: the characters exactly as the PDF maps its glyphs back to text.
        const content = await page.getTextContent({ disableNormalization: true });
        for (const item of content.items) if ('str' in item) reader.read(item, n);
      }
      return { pages: pdf.numPages, quotes: reader.blocks };
    });
  } catch (error) {
    if (error instanceof ReadLimitError) throw new CasefileError('invalid-argument', `the PDF is not read: ${error.message}`);
    throw error;
  }
}

/** Follows the text items of the pages in drawing order, one quote block at a time. */
class BlockReader {
  readonly blocks: PrintedQuote[] = [];
  private block: PrintedQuote | null = null;
  /** Reading the words: the font and size of the block's first line on this page, the last line's baseline. */
  private words: { fontName: string; size: number; baseline: number; x: number } | 'first-line' | null = null;
  private wordsEndedOn = 0;

  read(item: TextItem, page: number): void {
    const text = item.str;
    if (text.trim() === '') return;
    const [, , c, d, x, y] = item.transform as number[];
    const size = Math.hypot(c, d);
    const number = NUMBER.exec(text.trim());
    if (number && x < MARGIN.left) {
      const n = Number(number[1]);
      const block = this.block;
      // Its number again at the top of a later page: the same quote goes on.
      if (block && block.number === n && page > this.wordsEndedOn && block.lines.length > 0) this.words = 'first-line';
      else this.start({ number: n, page, lines: [], tail: '' });
      return;
    }
    const block = this.block;
    if (!block) return;
    const words = this.words;
    if (words === 'first-line') {
      // A quote's words stand at the quote's indent; a claims table's row's in its claim column.
      const column = [QUOTE_X, CLAIM_X].find((at) => Math.abs(x - at) <= TOLERANCE);
      if (column !== undefined) {
        block.lines.push(text);
        this.words = { fontName: item.fontName, size, baseline: y, x: column };
        this.wordsEndedOn = page;
        return;
      }
      this.words = null;
    } else if (words && item.fontName === words.fontName && Math.abs(size - words.size) < 0.01) {
      if (Math.abs(y - words.baseline) < 0.5) {
        block.lines[block.lines.length - 1] += text; // more of the same line
        return;
      }
      if (Math.abs(x - words.x) <= TOLERANCE) {
        block.lines.push(text);
        words.baseline = y;
        this.wordsEndedOn = page;
        return;
      }
      this.words = null;
    } else {
      this.words = null;
    }
    // What stands in the quote's column below its words: the citation is kept on the page of the last
    // line, or the next when the block is taller than a page (the appendix's text stands at the margin).
    if (page <= this.wordsEndedOn + 1 && x >= QUOTE_X - TOLERANCE) block.tail += `${text}\n`;
  }

  private start(block: PrintedQuote): void {
    this.blocks.push(block);
    this.block = block;
    this.words = 'first-line';
    this.wordsEndedOn = block.page;
  }
}

/** How the printed words stand to the quoted ones. */
export type WordsComparison = { same: true } | { same: false; detail: string; detailCode: MessageCode };

/** Whether the dossier's font draws a character (one code point); one it lacks is printed as an empty box. */
export type Drawable = (character: string) => boolean;

/** The characters the regular face of the dossier's font draws (quotes and citations are set in it). */
export async function dossierFontDraws(): Promise<Drawable> {
  const face = fontkit.create((await loadDossierFonts()).regular);
  return (character) => face.hasGlyphForCodePoint(character.codePointAt(0) ?? 0);
}

/**
 * Compares printed lines with the exact quote, character by character. White space is left out: text
 * extraction makes spaces from gaps between glyphs, keeping some and dropping others. A line that ends
 * in a hyphen where the source has none is a word broken by the printer; typographic quotation marks
 * and an ellipsis at either end are left out (print may add them). A character the font cannot draw
 * was printed as an empty box, which reads back as any character. Every other character must be the same.
 */
export function compareWords(lines: readonly string[], exact: string, drawable: Drawable = () => true): WordsComparison {
  const target = trimMarks(normalise(exact));
  const wanted = squeeze(target);
  const printed = lines.map(normalise).filter((line) => line !== '');
  if (printed.length > 0) {
    printed[0] = trimMarks(printed[0], 'start');
    printed[printed.length - 1] = trimMarks(printed[printed.length - 1], 'end');
  }
  const same = (shown: string, source: string | undefined) => source !== undefined && (shown === source || !drawable(source));
  let at = 0;
  for (let i = 0; i < printed.length; i++) {
    const line = squeeze(printed[i]);
    let chars = line.chars;
    const matchesFrom = (run: string[]) => run.every((c, k) => same(c, wanted.chars[at + k]));
    if (i < printed.length - 1 && HYPHEN.test(chars[chars.length - 1] ?? '') && !matchesFrom(chars) && matchesFrom(chars.slice(0, -1))) {
      chars = chars.slice(0, -1); // a hyphen the printer added to a broken word
    }
    for (let k = 0; k < chars.length; k++) {
      if (same(chars[k], wanted.chars[at + k])) continue;
      if (at + k >= wanted.chars.length) {
        return differs(said('print.goesOn', { beyond: clip(printed.slice(i).join(' ').slice(line.at[k])) }));
      }
      return differs(said('print.otherWord', { printed: clip(wordAround(printed[i], line.at[k])), source: clip(wordAround(target, wanted.at[at + k])) }));
    }
    at += chars.length;
  }
  if (at < wanted.chars.length) {
    return differs(at === 0 ? said('print.noWords') : said('print.onlyStart', { rest: clip(target.slice(wanted.at[at])) }));
  }
  return { same: true };
}

function differs({ text, code }: Said): WordsComparison {
  return { same: false, detail: text, detailCode: code };
}

const HYPHEN = /^[-\u00ad\u2010\u2011]$/u;
/** Marks print may put around a quote: quotation marks of many languages and an ellipsis. */
const OPENING = /^(?:[“”„‟"'‘’‚‛«»‹›]|…|\.\.\.)+ ?/u;
const CLOSING = / ?(?:[“”„‟"'‘’‚‛«»‹›]|…|\.\.\.)+$/u;

function normalise(text: string): string {
  // Control characters and separators are printed as spaces (see printable in pdf-flow.ts).
  // eslint-disable-next-line no-control-regex
  return text.normalize('NFC').replace(/[\s\u0000-\u001f\u007f-\u009f]+/gu, ' ').trim();
}

function trimMarks(text: string, end: 'start' | 'end' | 'both' = 'both'): string {
  let trimmed = text;
  if (end !== 'end') trimmed = trimmed.replace(OPENING, '');
  if (end !== 'start') trimmed = trimmed.replace(CLOSING, '');
  return trimmed;
}

/** The characters (code points) of a text other than spaces, each with its offset in the text. */
function squeeze(text: string): { chars: string[]; at: number[] } {
  const chars: string[] = [];
  const at: number[] = [];
  let offset = 0;
  for (const character of text) {
    if (character !== ' ') {
      chars.push(character);
      at.push(offset);
    }
    offset += character.length;
  }
  return { chars, at };
}

function wordAround(text: string, at: number): string {
  let start = at;
  let end = at;
  while (start > 0 && text[start - 1] !== ' ') start--;
  while (end < text.length && text[end] !== ' ') end++;
  return text.slice(start, Math.max(end, at + 1));
}

/** Whether a block's printed citation names the quote's file, place and digest as the manifest does. */
export function citationProblem(
  tail: string,
  quote: { docId: string; start: number | null; end: number | null; sourceSha256: string | null },
  drawable: Drawable = () => true,
): string | null {
  // Lines break anywhere in a citation (a long file name is cut): compared without white space.
  const flat = squeeze(normalise(tail)).chars;
  const name = squeeze(normalise(quote.docId)).chars;
  const missing: string[] = [];
  const nameAt = (from: number) => name.every((c, k) => flat[from + k] !== undefined && (flat[from + k] === c || !drawable(c)));
  if (!flat.some((_, from) => nameAt(from))) missing.push(`the file ${quote.docId}`);
  if (quote.start !== null && quote.end !== null && !new RegExp(`(?<!\\d)${quote.start}\\s*[-–‐]\\s*${quote.end}(?!\\d)`).test(tail)) {
    missing.push(`characters ${quote.start}–${quote.end}`);
  }
  if (quote.sourceSha256 !== null) {
    const digest = quote.sourceSha256.toLowerCase();
    // A digest cut at a line end still begins with a prefix of eight or more.
    const printed = tail.toLowerCase().match(/(?<![0-9a-z])[0-9a-f]{8,64}(?![0-9a-z])/g) ?? [];
    if (!printed.some((hex) => digest.startsWith(hex))) missing.push(`SHA-256 ${digest.slice(0, 16)}`);
  }
  return missing.length === 0 ? null : `its printed citation does not give ${missing.join(', ')}`;
}

export function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
