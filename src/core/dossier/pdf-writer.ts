import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { HighlightColor } from '../annotations/model';
import type { DossierFonts } from './fonts';
import type { DocumentSummary } from '../archive/document';
import type { DossierContent, DossierQuote } from './model';

/** Quotes grouped by their source (this writer's first layout, one page per source). */
interface DossierSource {
  doc: DocumentSummary | { id: string };
  quotes: DossierQuote[];
}

function bySource(content: DossierContent): DossierSource[] {
  return content.sources.map((source) => ({
    doc: source.doc,
    quotes: content.sections.flatMap((s) => s.quotes).filter((q) => q.docId === source.doc.id),
  }));
}
import { wrapText } from './text-layout';

const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = { top: 72, bottom: 78, left: 72, right: 72 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const QUOTE_INDENT = 16;
const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '“”‘’–—…·¶';

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.8, 0.8, 0.83);

export const HIGHLIGHT_RGB: Record<HighlightColor, RGB> = {
  yellow: rgb(0.96, 0.77, 0.09),
  green: rgb(0.3, 0.69, 0.31),
  blue: rgb(0.25, 0.52, 0.9),
  pink: rgb(0.91, 0.35, 0.6),
  orange: rgb(0.96, 0.5, 0.13),
};

interface Fonts {
  regular: PDFFont;
  italic: PDFFont;
  bold: PDFFont;
}

interface TextStyle {
  font: PDFFont;
  size: number;
  lineHeight: number;
  color: RGB;
}

/** Lays text out top to bottom, starting a new page when the current one is full. */
class PageFlow {
  page!: PDFPage;
  y = 0;

  constructor(private readonly pdf: PDFDocument) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN.top;
  }

  ensureRoom(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Draws wrapped text; `beside` draws something in the left gutter of each line (a quote bar). */
  text(
    text: string,
    style: TextStyle,
    { indent = 0, beside }: { indent?: number; beside?: (page: PDFPage, top: number, height: number) => void } = {},
  ): void {
    const lines = wrapText(text, style.font, style.size, CONTENT_WIDTH - indent);
    for (const line of lines) {
      this.ensureRoom(style.lineHeight);
      const top = this.y;
      this.y -= style.lineHeight;
      beside?.(this.page, top, style.lineHeight);
      this.page.drawText(line, {
        x: MARGIN.left + indent,
        y: this.y + (style.lineHeight - style.size) / 2 + style.size * 0.22,
        font: style.font,
        size: style.size,
        color: style.color,
      });
    }
  }

  rule(): void {
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: PAGE.width - MARGIN.right, y: this.y },
      thickness: 0.6,
      color: RULE,
    });
  }
}

/** Writes the dossier as a PDF: a title page, then each source's quotes with notes and citations. */
export async function writeDossierPdf(content: DossierContent, fontFiles: DossierFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // fontkit's own subsetter (pdf-lib's `subset: true`) drops glyph outlines of Noto Serif, so the
  // fonts are cut down with HarfBuzz to the characters this dossier uses and embedded as they are.
  // Ligatures off: "fi" must come back out of the PDF as two letters, exactly as quoted.
  const characters = `${PRINTABLE_ASCII}${JSON.stringify(content)}`;
  const embed = async (bytes: Uint8Array) =>
    pdf.embedFont(await subsetFont(Buffer.from(bytes), characters, { targetFormat: 'truetype' }), {
      subset: false,
      features: { liga: false },
    });
  const fonts: Fonts = {
    regular: await embed(fontFiles.regular),
    italic: await embed(fontFiles.italic),
    bold: await embed(fontFiles.bold),
  };
  const sources = bySource(content);
  const quoteCount = sources.reduce((n, s) => n + s.quotes.length, 0);

  pdf.setTitle(content.title, { showInWindowTitleBar: true });
  pdf.setAuthor(content.author);
  pdf.setSubject(`${countOf(quoteCount, 'quote')} from ${countOf(content.sources.length, 'archived source')}, with notes and citations`);
  pdf.setKeywords(['Casefile', 'dossier', ...new Set(sources.flatMap((s) => s.quotes.flatMap((q) => q.tags)))]);
  pdf.setProducer('Casefile (pdf-lib)');
  pdf.setCreator('Casefile');
  pdf.setCreationDate(content.created);
  pdf.setModificationDate(content.created);

  const flow = new PageFlow(pdf);
  drawCover(flow, content, fonts, quoteCount);
  for (const source of sources) drawSource(flow, source, fonts);
  drawFooters(pdf, content.title, fonts);
  return pdf.save();
}

function drawCover(flow: PageFlow, content: DossierContent, fonts: Fonts, quoteCount: number): void {
  flow.gap(150);
  flow.text('DOSSIER', { font: fonts.bold, size: 10, lineHeight: 14, color: MUTED });
  flow.gap(10);
  flow.text(content.title, { font: fonts.bold, size: 26, lineHeight: 33, color: INK });
  flow.gap(18);
  flow.rule();
  flow.gap(22);
  const meta = { font: fonts.regular, size: 12, lineHeight: 18, color: INK };
  if (content.author) flow.text(`Prepared by ${content.author}`, meta);
  flow.text(formatDate(content.created), meta);
  flow.text(`${countOf(quoteCount, 'quote')} from ${countOf(content.sources.length, 'source')}`, meta);
  flow.gap(36);
  flow.text(
    'Method. Every quotation is reproduced verbatim from the archived source file. Each citation names the ' +
      'file, the paragraph and the character offsets of the quoted words in the normalized text, and the ' +
      'SHA-256 digest of the source file, so that any reader can check the quote against the archive.',
    { font: fonts.italic, size: 10, lineHeight: 15, color: MUTED },
  );
}

function drawSource(flow: PageFlow, source: DossierSource, fonts: Fonts): void {
  flow.newPage();
  const doc = source.doc;
  const title = 'title' in doc ? doc.title : doc.id;
  flow.text(title, { font: fonts.bold, size: 16, lineHeight: 21, color: INK });
  flow.gap(4);
  const small = { font: fonts.regular, size: 9, lineHeight: 13, color: MUTED };
  flow.text(sourceLine(source), small);
  if ('sha256' in doc) flow.text(`SHA-256 ${doc.sha256}`, small);
  flow.gap(8);
  flow.rule();
  flow.gap(16);
  for (const quote of source.quotes) drawQuote(flow, source, quote, fonts);
}

function drawQuote(flow: PageFlow, source: DossierSource, quote: DossierQuote, fonts: Fonts): void {
  const quoteStyle = { font: fonts.regular, size: 11.5, lineHeight: 17, color: INK };
  // Keep at least the first two lines of a quote with its bar on one page.
  flow.ensureRoom(quoteStyle.lineHeight * 2);
  const bar = HIGHLIGHT_RGB[quote.color];
  flow.text(quote.quote, quoteStyle, {
    indent: QUOTE_INDENT,
    beside: (page, top, height) =>
      page.drawRectangle({ x: MARGIN.left, y: top - height, width: 3.2, height, color: bar }),
  });
  flow.gap(6);
  if (quote.note.trim() !== '') {
    flow.text(quote.note, { font: fonts.italic, size: 10.5, lineHeight: 15, color: INK }, { indent: QUOTE_INDENT });
    flow.gap(3);
  }
  if (quote.tags.length > 0) {
    flow.text(`Tags: ${quote.tags.join(', ')}`, { font: fonts.regular, size: 9, lineHeight: 13, color: MUTED }, { indent: QUOTE_INDENT });
  }
  flow.text(citation(source, quote), { font: fonts.regular, size: 8.5, lineHeight: 12, color: MUTED }, { indent: QUOTE_INDENT });
  flow.gap(18);
}

function sourceLine(source: DossierSource): string {
  const doc = source.doc;
  if (!('title' in doc)) return `${doc.id} — no longer in the archive`;
  return [doc.byline, doc.date?.text, doc.id].filter(Boolean).join('  ·  ');
}

/** The line that lets a reader find and check the quote: source, place, and the file's digest. */
export function citation(source: DossierSource, quote: DossierQuote): string {
  const doc = source.doc;
  const parts: string[] = [];
  if ('title' in doc) {
    parts.push(`“${doc.title}”`);
    if (doc.byline) parts.push(doc.byline);
    if (doc.date) parts.push(doc.date.text);
  }
  parts.push(`file ${doc.id}`);
  if (quote.paragraph !== null) parts.push(`¶ ${quote.paragraph}`);
  if (quote.start !== null && quote.end !== null) parts.push(`characters ${quote.start}–${quote.end}`);
  if ('sha256' in doc) parts.push(`SHA-256 ${doc.sha256.slice(0, 16)}`);
  const status =
    quote.status === 'orphaned'
      ? ' — not found in the current source; quoted as recorded'
      : quote.status === 'fuzzy'
        ? ' — source edited since the note was taken; a similar passage awaits review, so no place is cited; quoted as recorded'
        : quote.status === 'moved'
          ? ' — source edited since the note was taken; quote found at the offsets given'
          : '';
  return `Source: ${parts.join(', ')}.${status}`;
}

function drawFooters(pdf: PDFDocument, title: string, fonts: Fonts): void {
  const pages = pdf.getPages();
  const size = 8.5;
  pages.forEach((page, index) => {
    if (index === 0) return; // the cover carries no folio
    const label = `Page ${index + 1} of ${pages.length}`;
    const y = MARGIN.bottom - 36;
    page.drawLine({ start: { x: MARGIN.left, y: y + 14 }, end: { x: PAGE.width - MARGIN.right, y: y + 14 }, thickness: 0.4, color: RULE });
    const runningTitle = wrapText(title, fonts.regular, size, CONTENT_WIDTH - 90)[0] ?? '';
    page.drawText(runningTitle, { x: MARGIN.left, y, font: fonts.regular, size, color: MUTED });
    const width = fonts.regular.widthOfTextAtSize(label, size);
    page.drawText(label, { x: PAGE.width - MARGIN.right - width, y, font: fonts.regular, size, color: MUTED });
  });
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
