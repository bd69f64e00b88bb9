import { escapeMarkdown, markdownNote } from '../annotations/interchange';
import { DEFAULT_CITATION_STYLE, firstSeenIn, formatReference, quoteCitation, quoteLocator, writtenDate, type CitationMarkup, type CitationOptions } from './citation';
import { blocksOf, claimsSummary, writtenValue, type SectionBlock } from './claims-table';
import type { DossierContent, DossierQuote } from './model';
import { withEllipses } from './quote-ellipsis';

/** Citations in Markdown: words escaped so they render exactly, file names and digests as code. */
const MARKDOWN: CitationMarkup = { text: escapeMarkdown, code: (identifier) => `\`${identifier}\`` };

/** The dossier as Markdown: quotes verbatim (escaped so they render exactly), notes, citations. */
export function dossierMarkdown(content: DossierContent): string {
  const style = content.citationStyle ?? DEFAULT_CITATION_STYLE;
  const lines = [`# ${escapeMarkdown(content.title)}`, ''];
  const facts = [content.author && `Prepared by ${escapeMarkdown(content.author)}`, writtenDate(content.date ?? content.created.toISOString())];
  lines.push(facts.filter(Boolean).join(' · '), '');
  if (content.introduction.trim() !== '') lines.push(markdownNote(content.introduction), '');
  const sources = new Map(content.sources.map((s) => [s.doc.id, s.doc]));
  for (const section of content.sections) {
    if (section.heading) lines.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const block of blocksOf(section.quotes)) {
      if (block.kind === 'claims') {
        lines.push(...claimsTable(block, (id) => sources.get(id) ?? { id }), '');
        continue;
      }
      const { quote } = block;
      lines.push(...quoteBlock(quote, sources.get(quote.docId) ?? { id: quote.docId }, { style, firstSeen: firstSeenIn(content, quote.docId), markup: MARKDOWN }), '');
    }
  }
  lines.push('## Sources', '');
  for (const { doc } of content.sources) {
    lines.push(
      'sha256' in doc
        ? `- ${escapeMarkdown(formatReference(doc, style, firstSeenIn(content, doc.id)))} File \`${doc.id}\`, SHA-256 \`${doc.sha256}\``
        : `- \`${doc.id}\` — no longer in the archive`,
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function quoteBlock(quote: DossierQuote, doc: DossierContent['sources'][number]['doc'], citation: CitationOptions): string[] {
  const out = [...withEllipses(quote.quote, quote.elided).split('\n').map((line) => `> ${escapeMarkdown(line)}`), ''];
  // Labelled as the PDF labels them: the annotation's note is not the dossier's commentary.
  if (quote.note.trim()) out.push(`**Note:** ${markdownNote(quote.note)}`, '');
  if (quote.commentary.trim()) out.push(`**Dossier commentary:** ${markdownNote(quote.commentary)}`, '');
  if (quote.tags.length) out.push(`**Tags:** ${quote.tags.map(escapeMarkdown).join(', ')}`, '');
  out.push(`*[${quote.number}] ${quoteCitation(doc, quote, citation)}*`);
  return out;
}

/** A claims table as a Markdown table: the row's number, value, source, date, sentence and where to check it. */
function claimsTable(block: Extract<SectionBlock, { kind: 'claims' }>, sourceOf: (id: string) => DossierContent['sources'][number]['doc']): string[] {
  const cell = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim());
  return [
    `**Claims: ${block.measure}** — ${claimsSummary(block.rows)}.`,
    '',
    '| # | Value | Source | Date | Claim (quoted) | Citation |',
    '| --- | --- | --- | --- | --- | --- |',
    ...block.rows.map((row) =>
      [
        `[${row.number}]`,
        cell(writtenValue(row.claim)),
        cell(row.claim.title || row.docId),
        row.claim.date ? writtenDate(row.claim.date) : 'undated',
        cell(withEllipses(row.quote, row.elided)),
        quoteLocator(sourceOf(row.docId), row, MARKDOWN),
      ].join(' | '),
    ).map((line) => `| ${line} |`),
  ];
}
