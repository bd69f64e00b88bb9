import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveDataDir } from '../../../src/core/locations';
import { apiError, callApi, makeBench, tempDirsPerTest, type Bench } from '../../helpers/workstation';
import { realpath } from 'node:fs/promises';

const temp = tempDirsPerTest('casefile-marks-');

// Written for the test: three documents that all name Tokayev.
const FILES = {
  'a.txt': 'Almaty protests\n\nPresident Tokayev spoke on television.\n',
  'b.txt': 'Wire report\n\nTokayev met the cabinet.\n',
  'c.txt': 'Analysis\n\nWhat Tokayev wants.\n',
};

const marksFile = async (bench: Bench) => path.join(archiveDataDir(bench.dataDir, await realpath(bench.archiveDir)), 'document-marks.json');
const ids = (result: { hits: Array<{ id: string }> }) => result.hits.map((h) => h.id).sort();

describe('document marks', () => {
  it('stars and tags whole documents, and a search keeps only those marked so', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    const ws = await bench.open();
    expect(await callApi(ws, 'markDocument', { id: 'a.txt', starred: true })).toEqual({ docId: 'a.txt', starred: true, tags: [] });
    expect(await callApi(ws, 'markDocument', { id: 'b.txt', tags: ['Follow up', 'kz', 'kz'] })).toEqual({ docId: 'b.txt', starred: false, tags: ['Follow up', 'kz'] });
    await callApi(ws, 'markDocument', { id: 'c.txt', starred: true, tags: ['kz'] });
    expect((await callApi(ws, 'search', { query: 'Tokayev' })).total).toBe(3);
    const starred = await callApi(ws, 'search', { query: 'Tokayev', starred: true });
    expect([starred.total, ids(starred)]).toEqual([2, ['a.txt', 'c.txt']]);
    expect(ids(await callApi(ws, 'search', { query: 'Tokayev', documentTags: ['KZ'] }))).toEqual(['b.txt', 'c.txt']);
    expect(ids(await callApi(ws, 'search', { query: 'Tokayev', documentTags: ['kz', 'follow up'] }))).toEqual(['b.txt']);
    expect(ids(await callApi(ws, 'search', { query: 'Tokayev', starred: true, documentTags: ['kz'] }))).toEqual(['c.txt']);
    expect((await callApi(ws, 'search', { query: 'Tokayev', starred: true, limit: 1 })).hits).toHaveLength(1);
    // Like every other filter, marks narrow what the words' counts and the name facets describe.
    const described = await callApi(ws, 'search', { query: 'Tokayev', starred: true, entityFacets: true });
    expect(described.terms.map((t) => t.documents)).toEqual([2]);
    const people = (described.entityFacets?.person ?? []).find((f) => f.name === 'Tokayev');
    expect(people?.documents).toBe(2);
    // Unstarred and untagged, a document keeps no mark.
    await callApi(ws, 'markDocument', { id: 'a.txt', starred: false });
    expect((await callApi(ws, 'documentMarks', {})).map((m) => m.docId).sort()).toEqual(['b.txt', 'c.txt']);
    expect((await apiError(ws, 'markDocument', { id: 'nowhere.txt', starred: true })).code).toBe('not-found');
  });

  it('keeps them in the data folder, across a reopen, for a document edited in place and one renamed', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    let ws = await bench.open();
    await callApi(ws, 'markDocument', { id: 'a.txt', starred: true, tags: ['edited'] });
    await callApi(ws, 'markDocument', { id: 'b.txt', starred: true, tags: ['moved'] });
    await ws.close();
    const stored = JSON.parse(await readFile(await marksFile(bench), 'utf8')) as { marks: Array<{ docId: string }> };
    expect(stored.marks.map((m) => m.docId).sort()).toEqual(['a.txt', 'b.txt']);
    await bench.write('a.txt', `${FILES['a.txt']}An editor's note was added.\n`);
    await bench.remove('b.txt');
    await bench.write('wires/b-renamed.txt', FILES['b.txt']);
    ws = await bench.open();
    const marks = await callApi(ws, 'documentMarks', {});
    expect(marks.sort((x, y) => x.docId.localeCompare(y.docId))).toEqual([
      { docId: 'a.txt', starred: true, tags: ['edited'] },
      { docId: 'wires/b-renamed.txt', starred: true, tags: ['moved'] },
    ]);
    // A change to the renamed document replaces its old record rather than adding a second one.
    await callApi(ws, 'markDocument', { id: 'wires/b-renamed.txt', starred: false });
    await ws.close();
    const after = JSON.parse(await readFile(await marksFile(bench), 'utf8')) as { marks: Array<{ docId: string }> };
    expect(after.marks.map((m) => m.docId).sort()).toEqual(['a.txt', 'wires/b-renamed.txt']);
  });

  it('merges what another process marked meanwhile', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    const first = await bench.open();
    const second = await bench.open();
    await callApi(first, 'markDocument', { id: 'a.txt', starred: true });
    await callApi(second, 'markDocument', { id: 'b.txt', starred: true });
    expect((await callApi(second, 'documentMarks', {})).map((m) => m.docId).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('refuses changes to a damaged file with a clear error, and leaves it as found', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    const file = await marksFile(bench);
    await (await bench.open()).close();
    await writeFile(file, '{"format": "casefile-document-marks", "version": 1, "marks": [');
    const ws = await bench.open();
    const refused = await apiError(ws, 'markDocument', { id: 'a.txt', starred: true });
    expect(refused.code).toBe('store-corrupt');
    expect(refused.message).toMatch(/document marks/);
    expect(await readFile(file, 'utf8')).toBe('{"format": "casefile-document-marks", "version": 1, "marks": [');
  });
});
