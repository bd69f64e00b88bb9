// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SearchPanel } from '../../src/renderer/src/components/SearchPanel';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { fakeClient, hit, READY, searchResult } from './fake-client';
import { stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

const FACETS = { person: [{ id: 'person:tokayev', name: 'Kassym-Jomart Tokayev', documents: 4 }], organization: [], place: [] };

describe('entity facets still being read', () => {
  it('the results show at once; the panel asks again until the facets come, then stops asking', async () => {
    let searches = 0;
    const client = fakeClient({
      indexStatus: () => READY,
      // The app's first two answers come before the names are read.
      search: ({ query }) => (++searches <= 2 ? searchResult(query, [hit()], { entityFacetsPending: true }) : searchResult(query, [hit()], { entityFacets: FACETS })),
    });
    function Harness() {
      const [settings, setSettings] = useState<SearchSettings>({ ...INITIAL_SEARCH, query: 'Tokayev' });
      return <SearchPanel client={client} settings={settings} onSettingsChange={setSettings} openId={null} onOpen={() => undefined} archiveRevision={0} />;
    }
    render(<Harness />);
    await screen.findByText('In Kazakhstan, participants of peaceful protests fear prosecution');
    expect(screen.queryByRole('region', { name: 'People, organisations and places in the results' })).toBeNull();
    await screen.findByRole('region', { name: 'People, organisations and places in the results' }, { timeout: 10_000 });
    expect(searches).toBe(3);
    // No more asking once they are there.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await waitFor(() => expect(searches).toBe(3));
  });
});
