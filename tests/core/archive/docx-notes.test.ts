import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';

/** mammoth.js's own test documents (BSD-2, see tests/fixtures/mammoth/README.md). */
const fixture = (name: string) => readFile(path.join(__dirname, '../../fixtures/mammoth', name));
const paragraphsOf = (doc: ArchiveDocument) => doc.paragraphs.map(({ start, end }) => doc.text.slice(start, end));

describe('Word notes and comments', () => {
  it.each([
    ['footnotes.docx', 'Footnotes'],
    ['endnotes.docx', 'Endnotes'],
  ])('%s: the notes follow the text under "%s", numbered, and are found by search', async (file, heading) => {
    const doc = await parseFile(file, await fixture(file));
    expect(paragraphsOf(doc)).toEqual(['Ouch.', heading, '1. A tachyon walks into a bar.', '2. Fin.']);
    const hits = CompactSearchEngine.fromDocuments([doc]).search('tachyon', { variants: false }).hits;
    expect(hits.map((h) => h.id)).toEqual([file]);
  });

  it('comments.docx: the comments follow the text under "Comments", with their author', async () => {
    const doc = await parseFile('comments.docx', await fixture('comments.docx'));
    expect(paragraphsOf(doc)).toEqual(['Ouch.', 'Comments', '1. Michael Williamson: A tachyon walks into a bar.', '2. Michael Williamson: Fin.']);
    expect(CompactSearchEngine.fromDocuments([doc]).search('tachyon', { variants: false }).hits).toHaveLength(1);
  });

  it('a note of several paragraphs keeps them, with XML entities resolved and tracked deletions left out', async () => {
    const zip = await JSZip.loadAsync(await fixture('footnotes.docx'));
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const paragraph = (runs: string) => `<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>${runs}</w:p>`;
    zip.file(
      'word/footnotes.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${w}>` +
        `<w:footnote w:type="separator" w:id="-1">${paragraph('<w:r><w:separator/></w:r>')}</w:footnote>` +
        `<w:footnote w:id="1">${paragraph('<w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Source: &quot;Tokayev &amp; the army&quot;, </w:t></w:r><w:del><w:r><w:delText>withdrawn claim</w:delText></w:r></w:del><w:r><w:t>p. 4.</w:t></w:r>')}` +
        `${paragraph('<w:r><w:t>Translated from Russian.</w:t></w:r>')}</w:footnote>` +
        `<w:footnote w:id="2">${paragraph('<w:r><w:footnoteRef/></w:r>')}</w:footnote>` +
        `</w:footnotes>`,
    );
    const doc = await parseFile('edited.docx', await zip.generateAsync({ type: 'uint8array' }));
    expect(paragraphsOf(doc)).toEqual(['Ouch.', 'Footnotes', '1. Source: "Tokayev & the army", p. 4.', 'Translated from Russian.']);
  });
});
