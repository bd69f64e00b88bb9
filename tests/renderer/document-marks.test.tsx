// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type CasefileClient } from '../../src/renderer/src/api/client';
import { SearchPanel } from '../../src/renderer/src/components/SearchPanel';
import { InLanguage } from '../../src/renderer/src/i18n';
import { DocumentMarks } from '../../src/renderer/src/marks/DocumentMarks';
import { useDocumentMarks } from '../../src/renderer/src/marks/use-document-marks';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { catalogueFor } from '../../src/shared/i18n/catalogue';
import { workstationTransport } from '../helpers/api-transport';
import { makeBench, tempDirsPerTest } from '../helpers/workstation';
import { englishWords, everythingSaid } from './russian-checks';

afterEach(cleanup);
const temp = tempDirsPerTest('casefile-marks-ui-');

// Written for the test: three documents that all name Tokayev.
const FILES = {
  'a.txt': 'Almaty protests\n\nPresident Tokayev spoke on television.\n',
  'b.txt': 'Wire report\n\nTokayev met the cabinet.\n',
  'c.txt': 'Analysis\n\nWhat Tokayev wants.\n',
};

async function client(): Promise<CasefileClient> {
  const ws = await (await makeBench(() => temp.make(), FILES)).open();
  return createClient(workstationTransport(ws));
}

/** The search pane and the reader's marks of one document, sharing the app's marks as App.tsx does. */
function Host({ client: c, docId }: { client: CasefileClient; docId: string }) {
  const marks = useDocumentMarks(c, 0);
  const [settings, setSettings] = useState<SearchSettings>({ ...INITIAL_SEARCH, query: 'Tokayev' });
  return (
    <>
      <SearchPanel client={c} settings={settings} onSettingsChange={setSettings} openId={null} onOpen={() => undefined} archiveRevision={0} marks={marks} />
      <DocumentMarks mark={marks.marks.get(docId)} error={marks.error} onChange={(change) => void marks.mark(docId, change)} />
    </>
  );
}

const resultIds = () => [...document.querySelectorAll<HTMLElement>('.result-item')].map((li) => li.dataset.id).sort();

describe('document marks in the interface', () => {
  it('stars a result, tags the open document, and the search options keep only those so marked', async () => {
    render(<Host client={await client()} docId="c.txt" />);
    await waitFor(() => expect(resultIds()).toEqual(['a.txt', 'b.txt', 'c.txt']));
    const starA = within(document.querySelector('[data-id="a.txt"]') as HTMLElement).getByRole('button', { name: 'Star this document', description: 'Almaty protests' });
    expect(starA.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(starA);
    await waitFor(() => expect(starA.getAttribute('aria-pressed')).toBe('true'));
    // The reader's header: its own star and a field of tags, saved on Enter.
    const tags = screen.getByLabelText('Document tags');
    fireEvent.change(tags, { target: { value: 'kz, follow up' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    await waitFor(() => expect(within(document.querySelector('[data-id="c.txt"]') as HTMLElement).getByText('follow up')).toBeTruthy());

    fireEvent.click(screen.getByRole('checkbox', { name: 'Starred documents only' }));
    await waitFor(() => expect(resultIds()).toEqual(['a.txt']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Starred documents only' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'With document tags' }), { target: { value: 'KZ' } });
    await waitFor(() => expect(resultIds()).toEqual(['c.txt']));
    expect(screen.getByText(/Filter by source or date/).textContent).toMatch(/tagged KZ/);
  }, 30_000);

  it('counts a document starred here as new in a saved search of starred documents', async () => {
    const c = await client();
    await c.call('markDocument', { id: 'a.txt', starred: true });
    await c.call('saveSearch', { name: 'Starred Tokayev', query: 'Tokayev', starred: true });
    render(<Host client={c} docId="b.txt" />);
    await waitFor(() => expect(resultIds()).toEqual(['a.txt', 'b.txt', 'c.txt']));
    fireEvent.click(screen.getByText('Saved searches'));
    const saved = await screen.findByRole('button', { name: 'Starred Tokayev' });
    expect(saved.nextElementSibling?.textContent).toBe('nothing new');
    fireEvent.click(within(document.querySelector('[data-id="b.txt"]') as HTMLElement).getByRole('button', { name: 'Star this document' }));
    await waitFor(() => expect(saved.nextElementSibling?.textContent).toBe('1 new'));
  }, 30_000);

  it('speaks Russian in Russian', async () => {
    render(
      <InLanguage language="ru">
        <Host client={await client()} docId="c.txt" />
      </InLanguage>,
    );
    await waitFor(() => expect(resultIds()).toHaveLength(3));
    const star = within(document.querySelector('[data-id="c.txt"]') as HTMLElement).getByRole('button', { name: 'Отметить документ звёздочкой' });
    fireEvent.click(star);
    await waitFor(() => expect(star.getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByRole('checkbox', { name: 'Только отмеченные документы' })).toBeTruthy();
    const said = everythingSaid();
    expect(englishWords(catalogueFor('en').marks).filter((text) => said.includes(text))).toEqual([]);
  }, 30_000);
});
