import { escapeMarkdown, markdownNote } from '../annotations/interchange';
import type { DossierContent, DossierQuote } from './model';

/** The dossier as Markdown: quotes verbatim (escaped so they render exactly), notes, citations. */
export function dossierMarkdown(content: DossierContent): string {
  const lines = [`# ${escapeMarkdown(content.title)}`, ''];
  const facts = [content.author && `Prepared by ${escapeMarkdown(content.author)}`, content.date ?? content.created.toISOString().slice(0, 10)];
  lines.push(facts.filter(Boolean).join(' · '), '');
  if (content.introduction.trim() !== '') lines.push(markdownNote(content.introduction), '');
  const sources = new Map(content.sources.map((s) => [s.doc.id, s.doc]));
  for (const section of content.sections) {
    if (section.heading) lines.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const quote of section.quotes) lines.push(...quoteBlock(quote, sources.get(quote.docId)), '');
  }
  lines.push('## Sources', '');
  for (const { doc } of content.sources) {
    lines.push('title' in doc ? `- ${escapeMarkdown(doc.title)}${doc.byline ? `, ${escapeMarkdown(doc.byline)}` : ''}${doc.date ? `, ${doc.date.text}` : ''} — \`${doc.id}\`, SHA-256 \`${doc.sha256}\`` : `- \`${doc.id}\` — no longer in the archive`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function quoteBlock(quote: DossierQuote, doc: DossierContent['sources'][number]['doc'] | undefined): string[] {
  const out = [...quote.quote.split('\n').map((line) => `> ${escapeMarkdown(line)}`), ''];
  if (quote.note.trim()) out.push(markdownNote(quote.note), '');
  if (quote.commentary.trim()) out.push(markdownNote(quote.commentary), '');
  if (quote.tags.length) out.push(`Tags: ${quote.tags.map(escapeMarkdown).join(', ')}`, '');
  const where = [
    doc && 'title' in doc ? `“${escapeMarkdown(doc.title)}”` : null,
    `file \`${quote.docId}\``,
    quote.paragraph !== null ? `¶ ${quote.paragraph}` : null,
    quote.start !== null ? `characters ${quote.start}–${quote.end}` : 'no verified place (the source changed; quoted as recorded)',
    doc && 'sha256' in doc ? `SHA-256 ${doc.sha256.slice(0, 16)}` : null,
  ].filter(Boolean);
  out.push(`*[${quote.number}] ${where.join(', ')}*`);
  return out;
}
