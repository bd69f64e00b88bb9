import { describe, expect, it } from 'vitest';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-saved-options-');

// Written for the test: three documents that name Tokayev, one a near copy of another.
const FILES = {
  'a.txt': 'Almaty protests\n\nPresident Tokayev spoke on television about the protests in Almaty and the price of gas.\n',
  'b.txt': 'Wire report\n\nTokayev met the cabinet.\n',
  'c.txt': 'Weather\n\nSnow in Astana.\n',
};

describe('saved searches: names, filters and how a run is shown', () => {
  it('renames a saved search, refusing a name another one has', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    const ws = await bench.open();
    const first = await callApi(ws, 'saveSearch', { name: 'First', query: 'Tokayev' });
    await callApi(ws, 'saveSearch', { name: 'Second', query: 'Astana' });
    const renamed = await callApi(ws, 'renameSavedSearch', { id: first.id, name: '  President  ' });
    expect([renamed.name, renamed.query]).toEqual(['President', 'Tokayev']);
    expect((await callApi(ws, 'savedSearches', {})).map((s) => s.name).sort()).toEqual(['President', 'Second']);
    expect((await apiError(ws, 'renameSavedSearch', { id: first.id, name: 'second' })).code).toBe('invalid-argument');
    expect((await apiError(ws, 'renameSavedSearch', { id: '00000000-0000-4000-8000-000000000000', name: 'x' })).code).toBe('not-found');
  });

  it('keeps the marks filters: a starred-only search counts only starred documents as new', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    const ws = await bench.open();
    await callApi(ws, 'markDocument', { id: 'a.txt', starred: true });
    const saved = await callApi(ws, 'saveSearch', { name: 'Starred', query: 'Tokayev', starred: true });
    expect(saved.options).toEqual({ starred: true });
    await callApi(ws, 'markDocument', { id: 'b.txt', starred: true, tags: ['wire'] });
    const [listed] = await callApi(ws, 'savedSearches', {});
    expect([listed.added, listed.changed]).toEqual([1, 0]);
    const run = await callApi(ws, 'runSavedSearch', { id: saved.id });
    expect(run.added).toEqual(['b.txt']);
    expect(run.result.hits.map((h) => h.id)).toEqual(['b.txt', 'a.txt']);

    const tagged = await callApi(ws, 'saveSearch', { name: 'Wire', query: 'Tokayev', documentTags: ['Wire'] });
    const taggedRun = await callApi(ws, 'runSavedSearch', { id: tagged.id });
    expect(taggedRun.result.hits.map((h) => h.id)).toEqual(['b.txt']);
  });

  it('shapes a run as the search method does: histogram, entity facets, copies folded', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    let ws = await bench.open();
    const saved = await callApi(ws, 'saveSearch', { name: 'President', query: 'Tokayev' });
    await ws.close();
    // A reprint of a.txt added later: new, and a copy of a document seen before.
    await bench.write('d.txt', 'Almaty protests\n\nPresident Tokayev spoke on television about the protests in Almaty and the price of gas.\n');
    ws = await bench.open();
    const plain = await callApi(ws, 'runSavedSearch', { id: saved.id });
    expect(plain.result.histogram).toBeUndefined();
    expect(plain.result.hits[0].id).toBe('d.txt');
    const shaped = await callApi(ws, 'runSavedSearch', { id: saved.id, histogram: true, groupDuplicates: true, limit: 10 });
    expect(shaped.result.histogram).toBeDefined();
    expect(shaped.added).toEqual(['d.txt']);
    expect(shaped.result.hits.map((h) => h.id)).toEqual(['d.txt', 'b.txt']);
    expect(shaped.result.hits[0].alsoIn?.map((c) => c.id)).toEqual(['a.txt']);
  });
});
