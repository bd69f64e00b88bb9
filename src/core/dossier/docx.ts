import { BorderStyle, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { HighlightColor } from '../annotations/model';
import { DEFAULT_CITATION_STYLE, firstSeenIn, formatReference, quoteCitation, quoteLocator, writtenDate } from './citation';
import { blocksOf, claimsSummary, writtenValue, type SectionBlock } from './claims-table';
import type { DossierContent, DossierQuote } from './model';
import { countOf, quoteNumbers } from './pdf-document';
import { HIGHLIGHT_RGB } from './pdf-style';
import { withEllipses } from './quote-ellipsis';
import { paragraphRanges } from './text-layout';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Unlike the PDF's, an editable file carries no manifest: the method says where the checkable copy is. */
export const DOCX_METHOD_STATEMENT =
  'Method: every quote is reproduced verbatim from the archived source; each footnote gives the file, the page (of a PDF), the paragraph, ' +
  'the character offsets and the file’s SHA-256. This Word document can be edited and carries no signature: ' +
  'the signed PDF of the same dossier is the copy “casefile verify” checks.';

/** The paragraph style of a quote's words (Word's own "Quote" name, so it shows as such in Word). */
const QUOTE_STYLE = 'Quote';
/** Twentieths of a point: the quote, its note, commentary and tags stand indented, as in the PDF. */
const QUOTE_INDENT = 567;
const MUTED = '66666F';

/**
 * Writes the dossier as an editable Word document from the same content as the PDF and Markdown:
 * the cover, the introduction, each section (a Heading 1, so Word's navigation pane lists it) with
 * its quotes as block quotes, each citation a real footnote, then the sources (each a Heading 2).
 * The full texts of the PDF's appendix are left to the PDF.
 */
export async function writeDossierDocx(content: DossierContent): Promise<Uint8Array> {
  const quotes = content.sections.flatMap((section) => section.quotes);
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  const style = content.citationStyle ?? DEFAULT_CITATION_STYLE;
  const sources = new Map(content.sources.map((s) => [s.doc.id, s.doc]));
  const citationOf = (quote: DossierQuote) => {
    const source = sources.get(quote.docId) ?? { id: quote.docId };
    footnotes[quote.number] = { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(quoteCitation(source, quote, { style, firstSeen: firstSeenIn(content, quote.docId) }))] })] };
    return new FootnoteReferenceRun(quote.number);
  };

  const body: Array<Paragraph | Table> = [...cover(content, quotes.length), ...introduction(content)];
  content.sections.forEach((section, i) => {
    body.push(heading(section.heading.trim() || `Section ${i + 1}`, HeadingLevel.HEADING_1, true));
    if (section.quotes.length === 0) body.push(new Paragraph({ children: [new TextRun({ text: 'This section holds no quotes.', italics: true })] }));
    for (const block of blocksOf(section.quotes)) {
      if (block.kind === 'quote') body.push(...quoteParagraphs(block.quote, citationOf(block.quote)));
      else body.push(...claimsTable(block, (id) => sources.get(id) ?? { id }));
    }
  });
  body.push(...sourceList(content, quotes));

  const document = new Document({
    title: content.title,
    creator: content.author,
    lastModifiedBy: content.author,
    subject: `${countOf(quotes.length, 'quote')} from ${countOf(content.sources.length, 'archived source')}, verbatim, with notes and citations`,
    keywords: ['Casefile', 'dossier', ...new Set(quotes.flatMap((q) => q.tags))].join(', '),
    description: DOCX_METHOD_STATEMENT,
    styles: {
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: QUOTE_STYLE,
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: { indent: { left: QUOTE_INDENT }, spacing: { before: 120, after: 60 } },
          run: { size: 24 },
        },
      ],
    },
    footnotes,
    sections: [{ children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function cover(content: DossierContent, quoteCount: number): Paragraph[] {
  const sections = content.sections.length;
  const counts = `${countOf(quoteCount, 'quote')} from ${countOf(content.sources.length, 'source')}` + (sections > 1 ? `, in ${countOf(sections, 'section')}` : '');
  return [
    new Paragraph({ children: [new TextRun({ text: 'DOSSIER', bold: true, color: MUTED })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(content.title || 'Untitled dossier')] }),
    ...(content.author ? [new Paragraph({ text: `Prepared by ${content.author}` })] : []),
    new Paragraph({ text: writtenDate(content.date ?? content.created.toISOString()) }),
    new Paragraph({ children: [new TextRun({ text: counts, color: MUTED })] }),
    new Paragraph({ spacing: { before: 480 }, children: [new TextRun({ text: DOCX_METHOD_STATEMENT, size: 18, color: MUTED })] }),
  ];
}

function introduction(content: DossierContent): Paragraph[] {
  const text = content.introduction.trim();
  if (text === '') return [];
  return [heading('Introduction', HeadingLevel.HEADING_1, true), ...paragraphRanges(text).map(({ start, end }) => new Paragraph({ text: text.slice(start, end) }))];
}

/**
 * One quote: its words in the Quote style with a bar in the highlight colour and its number before
 * them (so the colour never carries meaning alone), the citation as a footnote after the last word,
 * then the note, the dossier's commentary and the tags, labelled as the PDF labels them.
 */
function quoteParagraphs(quote: DossierQuote, footnote: FootnoteReferenceRun): Paragraph[] {
  const words = withEllipses(quote.quote, quote.elided);
  const ranges = paragraphRanges(words);
  const pieces = ranges.length > 0 ? ranges.map(({ start, end }) => words.slice(start, end)) : [words];
  const bar = { style: BorderStyle.SINGLE, size: 18, space: 8, color: hexOf(quote.color) };
  const paragraphs = pieces.map((piece, i) => {
    const children: ParagraphChild[] = [];
    if (i === 0) children.push(new TextRun({ text: `[${quote.number}] `, bold: true, color: MUTED }));
    children.push(new TextRun(piece));
    if (i === pieces.length - 1) children.push(footnote);
    return new Paragraph({ style: QUOTE_STYLE, border: { left: bar }, keepNext: true, children });
  });
  const labelled = (label: string, text: string, options: IParagraphOptions = {}) =>
    paragraphRanges(text).map(({ start, end }, i) =>
      new Paragraph({
        indent: { left: QUOTE_INDENT },
        ...options,
        children: [...(i === 0 ? [new TextRun({ text: `${label} `, bold: true })] : []), new TextRun(text.slice(start, end))],
      }),
    );
  if (quote.note.trim() !== '') paragraphs.push(...labelled('Note:', quote.note.trim()));
  if (quote.commentary.trim() !== '') paragraphs.push(...labelled('Dossier commentary:', quote.commentary.trim()));
  if (quote.tags.length > 0) paragraphs.push(...labelled('Tags:', quote.tags.join(', ')));
  paragraphs.push(new Paragraph({ spacing: { after: 200 } }));
  return paragraphs;
}

/** Every cited source as a Heading 2: its reference in the dossier's style, file, full SHA-256, the quotes citing it. */
function sourceList(content: DossierContent, quotes: DossierQuote[]): Paragraph[] {
  if (content.sources.length === 0) return [];
  const style = content.citationStyle ?? DEFAULT_CITATION_STYLE;
  const out = [heading('Sources', HeadingLevel.HEADING_1, true)];
  for (const { doc } of content.sources) {
    const citing = quoteNumbers(quotes.filter((q) => q.docId === doc.id));
    out.push(heading('title' in doc ? doc.title : doc.id, HeadingLevel.HEADING_2, false));
    if ('sha256' in doc) {
      out.push(
        new Paragraph({ text: formatReference(doc, style, firstSeenIn(content, doc.id)) }),
        new Paragraph({ text: `File ${doc.id}` }),
        new Paragraph({ text: `SHA-256 ${doc.sha256}` }),
      );
    } else {
      out.push(new Paragraph({ text: `File ${doc.id}. No longer in the archive: its quotes are printed as recorded and cannot be checked against it.` }));
    }
    out.push(new Paragraph({ text: `Quoted as ${citing}` }));
  }
  return out;
}

/**
 * A claims table as a Word table: a caption, then the heads (repeated on each page) and one row per
 * claim that Word keeps on one page — its number, value, source, date, the sentence and where to check it.
 */
function claimsTable(block: Extract<SectionBlock, { kind: 'claims' }>, sourceOf: (id: string) => DossierContent['sources'][number]['doc']): Array<Paragraph | Table> {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  const heads = new TableRow({ tableHeader: true, cantSplit: true, children: ['#', 'Value', 'Source', 'Date', 'Claim (quoted)', 'Citation'].map((head) => cell(head, true)) });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(`[${row.number}]`, true),
          cell(writtenValue(row.claim), true),
          cell(row.claim.title || row.docId),
          cell(row.claim.date ? writtenDate(row.claim.date) : 'undated'),
          cell(withEllipses(row.quote, row.elided)),
          cell(quoteLocator(sourceOf(row.docId), row)),
        ],
      }),
  );
  return [
    new Paragraph({ keepNext: true, spacing: { before: 200 }, children: [new TextRun({ text: `Claims: ${block.measure}`, bold: true }), new TextRun({ text: ` — ${claimsSummary(block.rows)}.`, color: MUTED })] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [heads, ...rows] }),
    new Paragraph({ spacing: { after: 200 } }),
  ];
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], newPage: boolean): Paragraph {
  return new Paragraph({ heading: level, pageBreakBefore: newPage, children: [new TextRun(text)] });
}

/** The highlight colour as the PDF draws it, as Word's hex. */
function hexOf(color: HighlightColor): string {
  const { red, green, blue } = HIGHLIGHT_RGB[color];
  return [red, green, blue].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}
