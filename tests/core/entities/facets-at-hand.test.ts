import { describe, expect, it } from 'vitest';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { callApi, openWorkstation, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-facets-at-hand-');

describe('entity facets in the app', () => {
  it('the first answer does not wait for every document’s names: it says the facets are pending, and a later search has them', async () => {
    // The app's way of opening: follow the folder (and read names) only after the first answer.
    const ws = await openWorkstation({ archiveDir: ARCHIVE_DIR, dataDir: await temp.make(), indexBuilder: inProcessBuilder, followAfterFirstAnswer: true });
    await ws.indexReady();
    const first = await callApi(ws, 'search', { query: 'Tokayev', entityFacets: true });
    expect(first.total).toBeGreaterThan(0);
    expect(first.entityFacets).toBeUndefined();
    expect(first.entityFacetsPending).toBe(true);

    await expect
      .poll(async () => (await callApi(ws, 'search', { query: 'Tokayev', entityFacets: true })).entityFacets?.person.some((p) => /Tokayev/u.test(p.name)), { timeout: 30_000 })
      .toBe(true);
    const later = await callApi(ws, 'search', { query: 'Tokayev', entityFacets: true });
    expect(later.entityFacetsPending).toBeUndefined();
  });

  it('a one-shot command (no following) computes the facets at once', async () => {
    const ws = await openWorkstation({ archiveDir: ARCHIVE_DIR, dataDir: await temp.make(), indexBuilder: inProcessBuilder });
    await ws.indexReady();
    const answer = await callApi(ws, 'search', { query: 'Tokayev', entityFacets: true });
    expect(answer.entityFacets?.person.length).toBeGreaterThan(0);
    expect(answer.entityFacetsPending).toBeUndefined();
  });
});
