import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readManifestFromPdf, isListed, type VerifiedQuote } from '../../../src/core/dossier/verify';
import { mergeSections } from '../../../src/shared/dossier-merge';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { apiError, callApi, makeBench, tempDirsPerTest, type Bench } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-claims-table-');

const RUSSIAN = 'Итоги января\n\nПо данным МВД, задержаны 9900 человек.\nВсего погибли 227 человек, в том числе трое детей.\n';
const ENGLISH = 'The toll\n\n5 January 2022\n\nOfficials said 164 people died in the unrest. About 16,000 people were arrested.\n';

/** The bundled archive, plus a Russian and an English report that give figures. */
async function bench(): Promise<Bench> {
  const files: Record<string, string> = { 'ru.txt': RUSSIAN, 'en.txt': ENGLISH };
  for (const name of readdirSync(ARCHIVE_DIR).filter((n) => n.endsWith('.txt'))) files[name] = readFileSync(path.join(ARCHIVE_DIR, name), 'utf8');
  return makeBench(() => temp.make(), files);
}

async function dossierWithTable(b: Bench, measure: 'deaths' | 'detentions' = 'detentions') {
  const ws = await b.open();
  const dossier = await callApi(ws, 'createDossier', { name: 'Figures' });
  const withTable = await callApi(ws, 'addClaimsTable', { id: dossier.id, measure });
  return { ws, dossier: withTable, item: withTable.sections[0].items[0] };
}

describe('a claims table in a dossier', () => {
  it('holds one row per claim the figures give for the measure, each sentence a quote of its source', async () => {
    const b = await bench();
    const { ws, item } = await dossierWithTable(b);
    const [figures] = await callApi(ws, 'figures', { measure: 'detentions' });
    const rows = item.claims?.rows ?? [];
    expect(item.claims?.measure).toBe('detentions');
    expect(rows.map((r) => [r.target.docId, r.value])).toEqual(figures.claims.map((c) => [c.doc, c.value]));
    expect(rows.map((r) => r.value)).toEqual(expect.arrayContaining([9900, 16000]));
    for (const row of rows) {
      const { document } = await ws.getDocument(row.target.docId);
      const { start, end } = row.target.position;
      expect(document.text.slice(start, end)).toBe(row.target.quote.exact);
      expect(row.target.docSha256).toBe(document.sha256);
      expect(row.title).toBe(document.title);
      const claim = figures.claims.find((c) => c.doc === row.target.docId && c.value === row.value);
      expect(row.target.quote.exact).toContain(claim?.text);
    }
    const russian = rows.find((r) => r.target.docId === 'ru.txt');
    expect(russian?.target.quote.exact).toBe('По данным МВД, задержаны 9900 человек.');
  });

  it('is refused for a measure no source gives, and for a section the dossier does not have', async () => {
    const b = await makeBench(() => temp.make(), { 'en.txt': ENGLISH });
    const ws = await b.open();
    const dossier = await callApi(ws, 'createDossier', { name: 'Figures' });
    expect((await apiError(ws, 'addClaimsTable', { id: dossier.id, measure: 'missing' })).code).toBe('not-found');
    expect((await apiError(ws, 'addClaimsTable', { id: dossier.id, measure: 'deaths', sectionId: crypto.randomUUID() })).code).toBe('not-found');
    expect((await apiError(ws, 'addClaimsTable', { id: dossier.id, measure: 'weather' })).code).toBe('invalid-argument');
  });

  it('goes into the named section, after what is there, and can be moved and removed like any item', async () => {
    const b = await bench();
    const ws = await b.open();
    const created = await callApi(ws, 'createDossier', { name: 'Figures' });
    const [first] = created.sections;
    const second = { id: crypto.randomUUID(), heading: 'Numbers', items: [] };
    const annotation = await callApi(ws, 'annotateQuote', { docId: 'en.txt', quote: 'Officials said 164 people died in the unrest.' });
    const shaped = await callApi(ws, 'updateDossier', { id: created.id, sections: [first, { ...second, items: [{ annotationId: annotation.id, commentary: '' }] }] });
    const added = await callApi(ws, 'addClaimsTable', { id: created.id, measure: 'deaths', sectionId: second.id });
    expect(added.sections[1].items.map((i) => (i.claims ? 'table' : 'quote'))).toEqual(['quote', 'table']);
    // Moved to the first section by a save of the whole sections, as the editor saves them.
    const table = added.sections[1].items[1];
    const moved = await callApi(ws, 'updateDossier', {
      id: created.id,
      basedOn: added.modified,
      sections: [{ ...first, items: [table] }, { ...added.sections[1], items: [added.sections[1].items[0]] }],
    });
    expect(moved.sections[0].items[0].claims?.rows.length).toBe(table.claims?.rows.length);
    expect(shaped.sections).toHaveLength(2);
    const removed = await callApi(ws, 'updateDossier', { id: created.id, sections: [{ ...first, items: [] }, moved.sections[1]] });
    expect(removed.sections.flatMap((s) => s.items).some((i) => i.claims)).toBe(false);
  });

  it('exports rows that verify against the archive, and reports the rows of a source changed since', async () => {
    const b = await bench();
    const { ws, dossier } = await dossierWithTable(b);
    const rows = dossier.sections[0].items[0].claims?.rows ?? [];
    const pdf = await ws.dossiers.export(dossier.id, 'pdf', {}, 'none');
    const manifest = await readManifestFromPdf(pdf.bytes);
    expect(manifest.quotes.map((q) => q.annotationId)).toEqual(rows.map((r) => r.id));
    expect(manifest.quotes.map((q) => q.exact)).toEqual(rows.map((r) => r.target.quote.exact));

    const verified = await ws.dossiers.verifyPdf(pdf.bytes);
    expect(verified.quotes.filter((q) => !isListed(q))).toEqual([]);
    expect(verified.quotes.map((q) => [q.status, (q as VerifiedQuote).printed])).toEqual(rows.map(() => ['ok', 'ok']));
    expect(verified.ok).toBe(true);

    // The Russian report now gives another figure: its row no longer checks; the others still do.
    await b.write('ru.txt', RUSSIAN.replace('9900', '9901'));
    const after = (await ws.dossiers.verifyPdf(pdf.bytes)).quotes.filter(isListed);
    const byDoc = new Map(rows.map((r, i) => [r.id, { doc: r.target.docId, check: after[i] }]));
    for (const { doc, check } of byDoc.values()) {
      expect(check.source, doc).toBe(doc === 'ru.txt' ? 'changed' : 'ok');
      expect(check.printed).toBe('ok');
    }
  });

  it('prints as a table in Markdown and in Word, each row with its value, source, date, sentence and citation', async () => {
    const b = await bench();
    const { ws, dossier } = await dossierWithTable(b);
    const rows = dossier.sections[0].items[0].claims?.rows ?? [];
    const markdown = new TextDecoder().decode((await ws.dossiers.export(dossier.id, 'md')).bytes);
    expect(markdown).toContain('| # | Value | Source | Date | Claim (quoted) | Citation |');
    const tableLines = markdown.split('\n').filter((line) => /^\| \[\d+\]/.test(line));
    expect(tableLines).toHaveLength(rows.length);
    tableLines.forEach((line, i) => {
      expect(line).toContain(`[${i + 1}]`);
      expect(line).toContain(`\`${rows[i].target.docId}\``);
    });
    expect(tableLines.find((l) => l.includes('ru.txt'))).toContain('По данным МВД, задержаны 9900 человек.');
    expect(tableLines.find((l) => l.includes('ru.txt'))).toContain('9,900');

    const docx = unzipSync((await ws.dossiers.export(dossier.id, 'docx')).bytes);
    const xml = new TextDecoder().decode(docx['word/document.xml']);
    expect(xml).toContain('<w:tbl>');
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(table.match(/<w:tr>|<w:tr /g)).toHaveLength(rows.length + 1);
    expect(table).toContain('По данным МВД, задержаны 9900 человек.');
    expect(table).toContain('Claim (quoted)');
  });

  it('is kept when another window changed the dossier meanwhile (merge)', () => {
    const table = { annotationId: crypto.randomUUID(), commentary: '', claims: { measure: 'deaths' as const, rows: [] } };
    const quote = { annotationId: crypto.randomUUID(), commentary: '' };
    const base = [{ id: 's1', heading: '', items: [quote] }];
    const mine = [{ id: 's1', heading: 'Mine', items: [quote] }];
    const theirs = [{ id: 's1', heading: '', items: [quote, table] }];
    const merged = mergeSections(base, mine, theirs);
    expect(merged[0].heading).toBe('Mine');
    expect(merged[0].items).toEqual([quote, table]);
    // Removed elsewhere: gone here too; moved here: stays where this window put it.
    expect(mergeSections(theirs, theirs, base)[0].items).toEqual([quote]);
    expect(mergeSections(theirs, [{ id: 's1', heading: '', items: [table, quote] }], theirs)[0].items).toEqual([table, quote]);
  });
});
