import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-search-copies-');
const read = (file: string) => readFileSync(path.join(ARCHIVE_DIR, file), 'utf8');
const STORY = read('003_39bcaa47380087dc.txt');
const OTHER = read('000_d2eb1496df625781.txt');

describe('search with copies folded', () => {
  it('a wire story reprinted three times fills one place in the results; the reprints are listed under it', async () => {
    const bench = await makeBench(() => temp.make(), {
      'wire.txt': STORY,
      'outlet-a.txt': `Reprinted by Outlet A\n\n${STORY}`,
      'outlet-b.txt': STORY.replace('security forces', 'police'),
      'other.txt': OTHER,
    });
    const ws = await bench.open();
    await ws.indexReady();
    const plain = await callApi(ws, 'search', { query: 'Tokayev' });
    expect(plain.hits.map((h) => h.id).sort()).toEqual(['other.txt', 'outlet-a.txt', 'outlet-b.txt', 'wire.txt']);
    expect(plain.hits.every((h) => h.alsoIn === undefined)).toBe(true);

    const grouped = await callApi(ws, 'search', { query: 'Tokayev', groupDuplicates: true });
    expect(grouped.total).toBe(plain.total);
    const leaders = grouped.hits.map((h) => h.id);
    expect(leaders).toHaveLength(2);
    expect(leaders).toContain('other.txt');
    const story = grouped.hits.find((h) => h.id !== 'other.txt')!;
    // The leader is the copy that ranked highest; the others follow in rank order.
    const storyRanks = plain.hits.filter((h) => h.id !== 'other.txt').map((h) => h.id);
    expect([story.id, ...(story.alsoIn ?? []).map((c) => c.id)]).toEqual(storyRanks);
    for (const copy of story.alsoIn ?? []) expect(copy.similarity).toBeGreaterThan(0.9);
    expect(grouped.hits.find((h) => h.id === 'other.txt')?.alsoIn).toBeUndefined();
  });

  it('copies that do not match the query are not listed: only results are folded', async () => {
    const bench = await makeBench(() => temp.make(), { 'wire.txt': STORY, 'copy.txt': STORY.replace(/Zhovtis/gu, 'the activist') });
    const ws = await bench.open();
    await ws.indexReady();
    const grouped = await callApi(ws, 'search', { query: 'Zhovtis', groupDuplicates: true });
    expect(grouped.hits.map((h) => [h.id, h.alsoIn])).toEqual([['wire.txt', undefined]]);
  });
});
