import { describe, expect, it } from 'vitest';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-saved-');

// Written for the test: two documents that name Tokayev, one that does not.
const FILES = {
  'a.txt': 'Almaty protests\n\nPresident Tokayev spoke on television.\n',
  'b.txt': 'Wire report\n\nTokayev met the cabinet.\n',
  'c.txt': 'Weather\n\nSnow in Astana.\n',
};

describe('saved searches', () => {
  it('say how many matching documents are new or changed since last looked at, and show them first', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    let ws = await bench.open();
    const saved = await callApi(ws, 'saveSearch', { name: 'President', query: 'Tokayev', sort: 'relevance' });
    expect([saved.name, saved.added, saved.changed]).toEqual(['President', 0, 0]);
    await ws.close();

    // Files added and changed while the app was closed: one new match, one changed, one now matching.
    await bench.write('d.txt', 'Late news\n\nTokayev addressed the nation again.\n');
    await bench.write('b.txt', 'Wire report\n\nTokayev met the cabinet. Updated with a correction.\n');
    await bench.write('c.txt', 'Weather\n\nSnow in Astana; Tokayev cancelled a trip.\n');
    ws = await bench.open();
    const [listed] = await callApi(ws, 'savedSearches', {});
    expect([listed.name, listed.added, listed.changed]).toEqual(['President', 2, 1]);
    const run = await callApi(ws, 'runSavedSearch', { id: saved.id });
    expect([...run.added].sort()).toEqual(['c.txt', 'd.txt']);
    expect(run.changed).toEqual(['b.txt']);
    expect(run.result.total).toBe(4);
    expect(run.result.hits.map((h) => h.id).slice(0, 3).sort()).toEqual(['b.txt', 'c.txt', 'd.txt']);
    expect(run.result.hits[3].id).toBe('a.txt');

    const seen = await callApi(ws, 'markSavedSearchSeen', { id: saved.id });
    expect([seen.added, seen.changed]).toEqual([0, 0]);
    await callApi(ws, 'deleteSavedSearch', { id: saved.id });
    expect(await callApi(ws, 'savedSearches', {})).toEqual([]);
    expect((await apiError(ws, 'runSavedSearch', { id: saved.id })).code).toBe('not-found');
  });

  it('replaces a search saved under the same name, and keeps its options', async () => {
    const bench = await makeBench(() => temp.make(), FILES);
    const ws = await bench.open();
    await callApi(ws, 'saveSearch', { name: 'Mine', query: 'Tokayev' });
    await callApi(ws, 'saveSearch', { name: 'mine', query: 'Astana', source: 'nowhere' });
    const list = await callApi(ws, 'savedSearches', {});
    expect(list.map((s) => [s.name, s.query, s.options])).toEqual([['mine', 'Astana', { source: 'nowhere' }]]);
    expect((await apiError(ws, 'saveSearch', { name: ' ', query: 'x' })).code).toBe('invalid-argument');
  });
});
