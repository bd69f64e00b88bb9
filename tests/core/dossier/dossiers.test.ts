import { readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeApi } from '../../../src/core/api';
import { archiveDataDir } from '../../../src/core/locations';
import { DossierManifest } from '../../../src/core/dossier/model';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import type { Workstation } from '../../../src/core/workstation';
import { ARCHIVE_DIR, archiveFile } from '../../helpers/archive-files';
import { openWorkstation, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-dossiers-');

const DOC_004 = archiveFile('004_').name;
const DOC_002 = archiveFile('002_').name;
const QUOTE_004 = '“It’s unfathomable. I can’t understand. How is this possible?”';
const QUOTE_002 = 'liquefied petroleum gas';

function clock(): () => Date {
  let t = Date.UTC(2024, 4, 1, 12);
  return () => new Date((t += 1000));
}

async function open(dataDir?: string): Promise<{ ws: Workstation; dataDir: string }> {
  const dir = dataDir ?? (await temp.make());
  return { ws: await openWorkstation({ archiveDir: ARCHIVE_DIR, dataDir: dir, now: clock(), indexBuilder: inProcessBuilder }), dataDir: dir };
}

async function withTwoAnnotations() {
  const opened = await open();
  const a = await opened.ws.annotations.annotateQuote({ docId: DOC_004, quote: QUOTE_004, note: 'witness', tags: ['witness'] });
  const b = await opened.ws.annotations.annotateQuote({ docId: DOC_002, quote: QUOTE_002, color: 'green' });
  return { ...opened, a, b };
}

describe('dossiers', () => {
  it('are created with a name, one empty section and the preferences’ author, and listed by name', async () => {
    const { ws } = await open();
    await ws.preferences.set({ author: 'A. Researcher' });
    const second = await ws.dossiers.create('Zhanaozen');
    const first = await ws.dossiers.create('Almaty events');
    expect(second).toMatchObject({ name: 'Zhanaozen', title: 'Zhanaozen', author: 'A. Researcher', date: null, introduction: '' });
    expect(second.sections).toHaveLength(1);
    expect(ws.dossiers.list().map((d) => d.name)).toEqual([first.name, second.name]);
  });

  it('refuse a second dossier with the same name, and an annotation twice in one dossier', async () => {
    const { ws, a } = await withTwoAnnotations();
    const dossier = await ws.dossiers.create('Report');
    await expect(ws.dossiers.create('Report')).rejects.toMatchObject({ code: 'invalid-argument' });
    await ws.dossiers.add(dossier.id, a.id);
    await expect(ws.dossiers.add(dossier.id, a.id)).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('refuse sections changed on a copy older than the dossier on disk (another window added meanwhile), through the API too', async () => {
    // A clock that stands still: two saves in one millisecond must still tell their copies apart.
    const dir = await temp.make();
    const still = new Date(Date.UTC(2024, 4, 1, 12));
    const ws = await openWorkstation({ archiveDir: ARCHIVE_DIR, dataDir: dir, now: () => still, indexBuilder: inProcessBuilder });
    const a = await ws.annotations.annotateQuote({ docId: DOC_004, quote: QUOTE_004 });
    const b = await ws.annotations.annotateQuote({ docId: DOC_002, quote: QUOTE_002 });
    const copy = await ws.dossiers.add((await ws.dossiers.create('Report')).id, a.id);
    const elsewhere = await ws.dossiers.add(copy.id, b.id);
    expect(elsewhere.modified > copy.modified).toBe(true);
    const reordered = [{ ...copy.sections[0], heading: 'Moved' }];
    const refused = await invokeApi(ws, 'updateDossier', { id: copy.id, sections: reordered, basedOn: copy.modified });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ws.dossiers.get(copy.id).sections[0].items.map((i) => i.annotationId)).toEqual([a.id, b.id]);
    // On the copy as it is now, or without basedOn (a one-shot command), the change is made.
    expect(await invokeApi(ws, 'updateDossier', { id: copy.id, sections: [{ ...elsewhere.sections[0], heading: 'Moved' }], basedOn: elsewhere.modified })).toMatchObject({ ok: true });
    await expect(ws.dossiers.update(copy.id, { title: 'Any copy' }, copy.modified)).resolves.toMatchObject({ title: 'Any copy' });
    await ws.close();
  });

  it('refuse items that name an unknown annotation or section', async () => {
    const { ws } = await withTwoAnnotations();
    const dossier = await ws.dossiers.create('Report');
    await expect(ws.dossiers.add(dossier.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'not-found' });
    const sections = [{ id: dossier.sections[0].id, heading: 'x', items: [{ annotationId: '00000000-0000-4000-8000-000000000000', commentary: '' }] }];
    await expect(ws.dossiers.update(dossier.id, { sections })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keep sections, order and commentary, and survive a restart', async () => {
    const { ws, dataDir, a, b } = await withTwoAnnotations();
    const dossier = await ws.dossiers.create('Report', { title: 'The January events', introduction: 'Why this matters.', date: '2024-05-02' });
    const sections = [
      { id: '11111111-1111-4111-8111-111111111111', heading: 'Fuel prices', items: [{ annotationId: b.id, commentary: 'The trigger.' }] },
      { id: '22222222-2222-4222-8222-222222222222', heading: 'Witnesses', items: [{ annotationId: a.id, commentary: '' }] },
    ];
    await ws.dossiers.update(dossier.id, { sections });
    await ws.flush();
    const { ws: reopened } = await open(dataDir);
    const stored = reopened.dossiers.get(dossier.id);
    expect(stored.sections).toEqual(sections);
    const { content, warnings } = reopened.dossiers.content('Report');
    expect(warnings).toEqual([]);
    expect(content).toMatchObject({ title: 'The January events', introduction: 'Why this matters.', date: '2024-05-02' });
    expect(content.sections.map((s) => [s.heading, s.quotes.map((q) => [q.number, q.quote, q.commentary])])).toEqual([
      ['Fuel prices', [[1, QUOTE_002, 'The trigger.']]],
      ['Witnesses', [[2, QUOTE_004, '']]],
    ]);
    expect(content.sources.map((s) => s.doc.id)).toEqual([DOC_002, DOC_004]);
  });

  it('still save their order when an item’s annotation was deleted (the export leaves it out)', async () => {
    const { ws, a, b } = await withTwoAnnotations();
    const dossier = await ws.dossiers.create('Report');
    await ws.dossiers.add(dossier.id, a.id);
    const withBoth = await ws.dossiers.add(dossier.id, b.id);
    await ws.annotations.delete(a.id);
    const [section] = withBoth.sections;
    const reordered = [{ ...section, items: [...section.items].reverse() }];
    expect((await ws.dossiers.update(dossier.id, { sections: reordered })).sections).toEqual(reordered);
  });

  it('leave out an item whose annotation was deleted, and say so', async () => {
    const { ws, a, b } = await withTwoAnnotations();
    const dossier = await ws.dossiers.create('Report');
    await ws.dossiers.add(dossier.id, a.id);
    await ws.dossiers.add(dossier.id, b.id);
    await ws.annotations.delete(a.id);
    const { content, warnings } = ws.dossiers.content(dossier.id);
    expect(content.sections[0].quotes.map((q) => q.annotationId)).toEqual([b.id]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/deleted/);
  });

  it('export as Markdown with every quote verbatim and its citation, and as a manifest JSON', async () => {
    const { ws, a, b } = await withTwoAnnotations();
    const dossier = await ws.dossiers.create('Report');
    await ws.dossiers.add(dossier.id, a.id);
    await ws.dossiers.add(dossier.id, b.id, undefined, 'Commentary <b>here</b>');
    const md = new TextDecoder().decode((await ws.dossiers.export('Report', 'md')).bytes);
    expect(md).toContain('> “It’s unfathomable. I can’t understand. How is this possible?”');
    expect(md).toContain(`File \`${DOC_004}\``);
    expect(md).toContain('Commentary &lt;b>here&lt;/b>');
    // Labelled as the PDF labels them: the annotation's note, then the dossier's commentary.
    expect(md).toContain('**Note:** witness\n');
    expect(md).toContain('**Dossier commentary:** Commentary &lt;b>here&lt;/b>\n');
    const json = (await ws.dossiers.export('Report', 'json')).bytes;
    const manifest = DossierManifest.parse(JSON.parse(new TextDecoder().decode(json)));
    expect(manifest.quotes.map((q) => [q.number, q.docId, q.exact])).toEqual([
      [1, DOC_004, QUOTE_004],
      [2, DOC_002, QUOTE_002],
    ]);
    const text = (await readFile(path.join(ARCHIVE_DIR, DOC_004), 'utf8')).replace(/\r\n?/g, '\n').normalize('NFC');
    const q = manifest.quotes[0];
    expect(text.slice(q.start ?? 0, q.end ?? 0)).toBe(QUOTE_004);
  });

  it('name an unknown dossier in the error, listing the ones that exist', async () => {
    const { ws } = await open();
    await ws.dossiers.create('Report');
    await expect(ws.dossiers.export('Nope', 'md')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('"Report"') });
  });

  it('are never overwritten when their file is damaged', async () => {
    const { ws, dataDir } = await open();
    await ws.dossiers.create('Report');
    await ws.flush();
    const file = path.join(archiveDataDir(dataDir, await realpath(ARCHIVE_DIR)), 'dossiers.json');
    await writeFile(file, '{"format":"casefile-dossiers", broken');
    const { ws: reopened } = await open(dataDir);
    await expect(reopened.dossiers.create('Another')).rejects.toMatchObject({ code: 'store-corrupt' });
    expect(await readFile(file, 'utf8')).toBe('{"format":"casefile-dossiers", broken');
  });
});
