import { cp, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CasefileError, type ErrorCode } from '../../src/core/errors';
import { archiveDataDir } from '../../src/core/locations';
import { Workstation } from '../../src/core/workstation';
import { ARCHIVE_DIR, archiveFile, exactOccurrences, readArchiveFiles, wordOccurrences } from '../helpers/archive-files';
import { openWorkstation, steppingClock, tempDirsPerTest } from '../helpers/workstation';

const temp = tempDirsPerTest('casefile-ws-');

const DOC_004 = archiveFile('004_');
const DOC_003 = archiveFile('003_');
const TEXT_004 = DOC_004.raw.replace(/\r\n?/g, '\n').normalize('NFC');
const QUOTE = '“It’s unfathomable. I can’t understand. How is this possible?”';

/** A workstation on `archiveDir` with a fresh data folder (or `dataDir`), closed after the test. */
async function openArchive(dataDir?: string, archiveDir = ARCHIVE_DIR): Promise<{ ws: Workstation; dataDir: string }> {
  const dir = dataDir ?? (await temp.make());
  return { ws: await openWorkstation({ archiveDir, dataDir: dir, now: steppingClock() }), dataDir: dir };
}

async function errorCode(promise: Promise<unknown> | (() => unknown)): Promise<ErrorCode | 'no error' | 'other error'> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return 'no error';
  } catch (error) {
    return error instanceof CasefileError ? error.code : 'other error';
  }
}

describe('Workstation', () => {
  it('opens the archive with all its documents and an empty store', async () => {
    const { ws, dataDir } = await openArchive();
    const info = ws.info();
    expect(info.documentCount).toBe(readArchiveFiles().length);
    expect(info.skipped).toEqual([]);
    expect(info.storeProblem).toBeNull();
    expect(info.dataDir).toBe(path.resolve(dataDir));
    expect(ws.archive.listDocuments().map((d) => d.id)).toEqual(readArchiveFiles().map((f) => f.name));
    expect(ws.annotations.list()).toEqual([]);
  });

  it('lists documents without their text', async () => {
    const { ws } = await openArchive();
    for (const summary of ws.archive.listDocuments()) {
      expect(summary).not.toHaveProperty('text');
      expect(summary).not.toHaveProperty('paragraphs');
    }
  });

  it('refuses an archive folder that does not exist with not-found', async () => {
    const dataDir = await temp.make();
    expect(await errorCode(Workstation.open({ archiveDir: path.join(dataDir, 'missing'), dataDir }))).toBe('not-found');
  });

  it('creates an annotation by offsets, quoting exactly the words at those offsets', async () => {
    const { ws } = await openArchive();
    const start = TEXT_004.indexOf(QUOTE);
    const created = await ws.annotations.create({ docId: DOC_004.name, start, end: start + QUOTE.length, note: 'shock', tags: ['witness'] });
    expect(created.status).toBe('anchored');
    expect(created.current).toEqual({ start, end: start + QUOTE.length });
    expect(created.target.quote.exact).toBe(QUOTE);
    expect(created.target.quote.prefix).toBe(TEXT_004.slice(start - 32, start));
    expect(created.target.docSha256).toBe((await ws.getDocument(DOC_004.name)).document.sha256);
    expect(created).toMatchObject({ note: 'shock', tags: ['witness'], color: 'yellow' });
    expect(created.created).toBe(created.modified);
    expect(ws.annotations.list()).toEqual([created]);
  });

  it('lists annotations of one document only when asked for it', async () => {
    const { ws } = await openArchive();
    const a = await ws.annotations.create({ docId: DOC_004.name, start: 0, end: 10 });
    const b = await ws.annotations.create({ docId: DOC_003.name, start: 0, end: 10 });
    expect(ws.annotations.list({ docId: DOC_004.name }).map((x) => x.id)).toEqual([a.id]);
    expect(ws.annotations.list({ docId: DOC_003.name }).map((x) => x.id)).toEqual([b.id]);
    expect(ws.annotations.list().map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('refuses offsets outside the document, an empty passage and an unknown document', async () => {
    const { ws } = await openArchive();
    expect(await errorCode(ws.annotations.create({ docId: DOC_004.name, start: 0, end: TEXT_004.length + 1 }))).toBe('invalid-argument');
    expect(await errorCode(ws.annotations.create({ docId: DOC_004.name, start: 5, end: 5 }))).toBe('invalid-argument');
    expect(await errorCode(ws.annotations.create({ docId: 'nope.txt', start: 0, end: 5 }))).toBe('not-found');
    expect(ws.annotations.list()).toEqual([]);
  });

  it('updates note, tags and colour, keeps what was not changed, and stamps the modification', async () => {
    const { ws } = await openArchive();
    const created = await ws.annotations.create({ docId: DOC_004.name, start: 0, end: 10, note: 'first', tags: ['x'] });
    const noted = await ws.annotations.update({ id: created.id, note: 'second' });
    expect(noted).toMatchObject({ note: 'second', tags: ['x'], color: 'yellow', created: created.created });
    expect(noted.modified > created.modified).toBe(true);
    const tagged = await ws.annotations.update({ id: created.id, tags: [' protest ', 'protest', '', 'Almaty'], color: 'green' });
    expect(tagged).toMatchObject({ note: 'second', tags: ['protest', 'Almaty'], color: 'green' });
    expect(ws.annotations.list()).toEqual([tagged]);
  });

  it('refuses to update or delete an annotation that does not exist', async () => {
    const { ws } = await openArchive();
    const id = '00000000-0000-4000-8000-000000000000';
    expect(await errorCode(ws.annotations.update({ id, note: 'x' }))).toBe('not-found');
    expect(await errorCode(ws.annotations.delete(id))).toBe('not-found');
  });

  it('deletes an annotation', async () => {
    const { ws } = await openArchive();
    const keep = await ws.annotations.create({ docId: DOC_004.name, start: 0, end: 10 });
    const drop = await ws.annotations.create({ docId: DOC_004.name, start: 20, end: 30 });
    await ws.annotations.delete(drop.id);
    expect(ws.annotations.list().map((a) => a.id)).toEqual([keep.id]);
  });

  it('keeps annotations, with their changes and deletions, for a new workstation on the same data folder', async () => {
    const { ws, dataDir } = await openArchive();
    const start = TEXT_004.indexOf(QUOTE);
    const kept = await ws.annotations.create({ docId: DOC_004.name, start, end: start + QUOTE.length, note: 'n' });
    const updated = await ws.annotations.update({ id: kept.id, note: 'changed', tags: ['t'], color: 'blue' });
    const dropped = await ws.annotations.create({ docId: DOC_003.name, start: 0, end: 5 });
    await ws.annotations.delete(dropped.id);
    await ws.flush();

    const { ws: reopened } = await openArchive(dataDir);
    expect(reopened.annotations.list()).toEqual([updated]);
    expect(reopened.annotations.list()[0]).toMatchObject({ status: 'anchored', current: { start, end: start + QUOTE.length } });
  });

  it('keeps the annotations of different archives apart in one data folder', async () => {
    const { ws, dataDir } = await openArchive();
    await ws.annotations.create({ docId: DOC_004.name, start: 0, end: 10 });
    const otherArchive = await temp.make();
    await writeFile(path.join(otherArchive, 'other.txt'), 'Another archive\nWith one article.');
    const { ws: other } = await openArchive(dataDir, otherArchive);
    expect(other.annotations.list()).toEqual([]);
  });

  describe('annotateQuote', () => {
    it('annotates a passage named by its exact words', async () => {
      const { ws } = await openArchive();
      const created = await ws.annotations.annotateQuote({ docId: DOC_004.name, quote: QUOTE, note: 'n' });
      const start = TEXT_004.indexOf(QUOTE);
      expect(created.current).toEqual({ start, end: start + QUOTE.length });
      expect(created.target.quote.exact).toBe(QUOTE);
    });

    it('refuses a quote that is not in the document with not-found', async () => {
      const { ws } = await openArchive();
      const absent = 'This sentence appears in no article of the archive.';
      expect(TEXT_004.includes(absent)).toBe(false);
      expect(await errorCode(ws.annotations.annotateQuote({ docId: DOC_004.name, quote: absent }))).toBe('not-found');
    });

    it('refuses a quote that occurs more than once as ambiguous, and takes the chosen occurrence', async () => {
      const { ws } = await openArchive();
      const text = DOC_003.raw.normalize('NFC');
      const places = exactOccurrences(text, 'Zhanaozen');
      expect(places.length).toBeGreaterThan(1);
      expect(await errorCode(ws.annotations.annotateQuote({ docId: DOC_003.name, quote: 'Zhanaozen' }))).toBe('ambiguous');
      const second = await ws.annotations.annotateQuote({ docId: DOC_003.name, quote: 'Zhanaozen', occurrence: 2 });
      expect(second.current).toEqual({ start: places[1], end: places[1] + 'Zhanaozen'.length });
      expect(await errorCode(ws.annotations.annotateQuote({ docId: DOC_003.name, quote: 'Zhanaozen', occurrence: places.length + 1 }))).toBe(
        'invalid-argument',
      );
    });

    it('refuses an unknown document with not-found', async () => {
      const { ws } = await openArchive();
      expect(await errorCode(ws.annotations.annotateQuote({ docId: 'missing.txt', quote: 'x' }))).toBe('not-found');
    });
  });

  describe('getDocument', () => {
    it('returns the document and where the query matches in it', async () => {
      const { ws } = await openArchive();
      const opened = await ws.getDocument(DOC_003.name, 'Zhanaozen');
      expect(opened.document.id).toBe(DOC_003.name);
      expect(opened.matches.map(([s]) => s)).toEqual(wordOccurrences(opened.document.text, 'Zhanaozen'));
      for (const [s, e] of opened.matches) expect(opened.document.text.slice(s, e)).toBe('Zhanaozen');
    });

    it('returns no matches without a query, or for a query the document does not match', async () => {
      const { ws } = await openArchive();
      expect((await ws.getDocument(DOC_003.name)).matches).toEqual([]);
      expect((await ws.getDocument(DOC_004.name, 'Zhanaozen')).matches).toEqual([]);
    });

    it('refuses an unknown id with not-found', async () => {
      const { ws } = await openArchive();
      expect(await errorCode(() => ws.getDocument('../package.json'))).toBe('not-found');
    });
  });

  it('searches the archive', async () => {
    const { ws } = await openArchive();
    await ws.indexReady();
    const expected = readArchiveFiles().filter((f) => f.raw.includes('Zhanaozen')).map((f) => f.name);
    expect(ws.search('Zhanaozen').hits.map((h) => h.id).sort()).toEqual(expected.sort());
  });

  it('re-attaches annotations when a source is edited: moved when found elsewhere, orphaned when gone', async () => {
    const archiveDir = await temp.make();
    await cp(ARCHIVE_DIR, archiveDir, { recursive: true });
    const { ws, dataDir } = await openArchive(undefined, archiveDir);
    const start = TEXT_004.indexOf(QUOTE);
    const moving = await ws.annotations.create({ docId: DOC_004.name, start, end: start + QUOTE.length });
    const doomedQuote = 'But something changed over the course of a week.';
    const doomed = await ws.annotations.annotateQuote({ docId: DOC_004.name, quote: doomedQuote });
    await ws.flush();

    const insertion = 'Correction appended by the editors.\n';
    const file = path.join(archiveDir, DOC_004.name);
    const edited = insertion + (await readFile(file, 'utf8')).replace(doomedQuote, 'Things changed.');
    await writeFile(file, edited);

    const { ws: reopened } = await openArchive(dataDir, archiveDir);
    const byId = new Map(reopened.annotations.list().map((a) => [a.id, a]));
    expect(byId.get(moving.id)).toMatchObject({ status: 'moved' });
    const current = byId.get(moving.id)?.current;
    expect(current).not.toBeNull();
    expect((await reopened.getDocument(DOC_004.name)).document.text.slice(current?.start, current?.end)).toBe(QUOTE);
    expect(byId.get(doomed.id)).toMatchObject({ status: 'orphaned', current: null });
    expect(byId.get(doomed.id)?.target.quote.exact).toBe(doomedQuote);
  });

  it('reports a damaged store and refuses to change it', async () => {
    const dataDir = await temp.make();
    const storeFile = path.join(archiveDataDir(dataDir, await realpath(ARCHIVE_DIR)), 'annotations.json');
    const { ws: first } = await openArchive(dataDir);
    await first.annotations.create({ docId: DOC_004.name, start: 0, end: 10 });
    await first.flush();
    await writeFile(storeFile, '{ damaged');

    const { ws } = await openArchive(dataDir);
    expect(ws.info().storeProblem?.message).toContain(storeFile);
    expect(await errorCode(ws.annotations.create({ docId: DOC_004.name, start: 0, end: 10 }))).toBe('store-corrupt');
    expect(await readFile(storeFile, 'utf8')).toBe('{ damaged');
  });
});
