// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type CasefileClient } from '../../src/renderer/src/api/client';
import { SearchPanel } from '../../src/renderer/src/components/SearchPanel';
import { InLanguage } from '../../src/renderer/src/i18n';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { catalogueFor } from '../../src/shared/i18n/catalogue';
import { workstationTransport } from '../helpers/api-transport';
import { makeBench, tempDirsPerTest } from '../helpers/workstation';
import { englishWords, everythingSaid } from './russian-checks';

afterEach(cleanup);
const temp = tempDirsPerTest('casefile-saved-ui-');

// Written for the test: two documents that name Tokayev, one that does not.
const FILES = {
  'a.txt': 'Almaty protests\n\nPresident Tokayev spoke on television.\n',
  'b.txt': 'Wire report\n\nTokayev met the cabinet.\n',
  'c.txt': 'Weather\n\nSnow in Astana.\n',
};

async function client(): Promise<CasefileClient> {
  const ws = await (await makeBench(() => temp.make(), FILES)).open();
  return createClient(workstationTransport(ws));
}

/** The search pane as App.tsx mounts it: the archive's revision moves when files are added, the data revision when another window saves. */
function Host({ client: c, archiveRevision, dataRevision = 0 }: { client: CasefileClient; archiveRevision: number; dataRevision?: number }) {
  const [settings, setSettings] = useState<SearchSettings>({ ...INITIAL_SEARCH, query: 'Tokayev', sort: 'newest' });
  return <SearchPanel client={c} settings={settings} onSettingsChange={setSettings} openId={null} onOpen={() => undefined} archiveRevision={archiveRevision} dataRevision={dataRevision} />;
}

/** What a saved search's button says of it: the count beside its name. */
const countOf = (button: HTMLElement) => button.nextElementSibling?.textContent;
const resultIds = () => [...document.querySelectorAll<HTMLElement>('.result-item')].map((li) => li.dataset.id);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('saved searches in the search pane', () => {
  it('lists a search saved in another window once the app hears of that window’s change', async () => {
    const c = await client();
    const view = render(<Host client={c} archiveRevision={0} />);
    await waitFor(() => expect(resultIds().sort()).toEqual(['a.txt', 'b.txt'])); // indexed: nothing else moves
    fireEvent.click(screen.getByText('Saved searches'));
    expect(await screen.findByText(/No saved searches yet/)).toBeTruthy();
    await c.call('saveSearch', { name: 'Snow watch', query: 'Astana' }); // as another window would
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the pane's own polls come and go
    expect(screen.queryByRole('button', { name: 'Snow watch' })).toBeNull();
    view.rerender(<Host client={c} archiveRevision={0} dataRevision={1} />);
    expect(await screen.findByRole('button', { name: 'Snow watch' })).toBeTruthy();
  });

  it('saves the current search, counts a document added since, opens it new first, renames and deletes it', async () => {
    const c = await client();
    const view = render(<Host client={c} archiveRevision={0} />);
    await waitFor(() => expect(resultIds().sort()).toEqual(['a.txt', 'b.txt']));

    fireEvent.click(screen.getByText('Saved searches'));
    expect(screen.getByText(/No saved searches yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save this search…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save search' });
    expect(dialog.textContent).toContain('“Tokayev” · newest first');
    const name = within(dialog).getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('Tokayev');
    fireEvent.change(name, { target: { value: 'President' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    const open = await screen.findByRole('button', { name: 'President' });
    expect(countOf(open)).toBe('nothing new');
    expect(screen.queryByRole('dialog')).toBeNull();

    // A file added through the app's import path; the app moves the archive's revision after it.
    await c.call('addFiles', { files: [{ name: 'd.txt', base64: base64('Late news\n\nTokayev addressed the nation.\n') }] });
    view.rerender(<Host client={c} archiveRevision={1} />);
    await waitFor(() => expect(countOf(open)).toBe('1 new'));
    expect(screen.getByText('Saved searches').textContent).toBe('Saved searches · 1 new');

    // Another search first; then the saved one opened brings back its query and options, the new document first.
    fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Astana' } });
    await waitFor(() => expect(resultIds()).toEqual(['c.txt']));
    fireEvent.click(open);
    await waitFor(() => expect(resultIds()[0]).toBe('d.txt'));
    expect((screen.getByLabelText('Search the archive') as HTMLInputElement).value).toBe('Tokayev');
    expect(resultIds().slice(1).sort()).toEqual(['a.txt', 'b.txt']);
    expect(within(document.querySelector('[data-id="d.txt"]') as HTMLElement).getByText('New')).toBeTruthy();
    expect(document.querySelectorAll('.badge-fresh')).toHaveLength(1);
    expect(screen.getByRole('status').textContent).toBe('Saved search “President”: 1 new since you last looked, shown first.');
    // Seen now: nothing new in the list.
    await waitFor(() => expect(countOf(open)).toBe('nothing new'));

    // Another query: the badges and the note go.
    fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Tokayev cabinet' } });
    await waitFor(() => expect(document.querySelectorAll('.badge-fresh')).toHaveLength(0));
    expect(screen.queryByText(/since you last looked/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Rename “President”' }));
    const rename = screen.getByRole('dialog', { name: 'Rename saved search' });
    fireEvent.change(within(rename).getByLabelText('New name'), { target: { value: 'Tokayev watch' } });
    fireEvent.click(within(rename).getByRole('button', { name: 'Rename' }));
    expect(await screen.findByRole('button', { name: 'Tokayev watch', description: 'nothing new “Tokayev” · newest first' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete “Tokayev watch”' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete saved search?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No saved searches yet/)).toBeTruthy();
    expect(await c.call('savedSearches', {})).toEqual([]);
  }, 60_000);

  it('refuses a name another saved search has when renaming, and says a save under a used name replaces it', async () => {
    const c = await client();
    await c.call('saveSearch', { name: 'First', query: 'Tokayev' });
    await c.call('saveSearch', { name: 'Second', query: 'Astana' });
    render(<Host client={c} archiveRevision={0} />);
    fireEvent.click(screen.getByText('Saved searches'));
    fireEvent.click(await screen.findByRole('button', { name: 'Rename “First”' }));
    const rename = screen.getByRole('dialog', { name: 'Rename saved search' });
    fireEvent.change(within(rename).getByLabelText('New name'), { target: { value: 'second ' } });
    fireEvent.click(within(rename).getByRole('button', { name: 'Rename' }));
    expect((await within(rename).findByRole('alert')).textContent).toBe('Another saved search is named “second”.');
    fireEvent.keyDown(rename, { key: 'Escape' });

    fireEvent.click(screen.getByRole('button', { name: 'Save this search…' }));
    const save = screen.getByRole('dialog', { name: 'Save search' });
    fireEvent.change(within(save).getByLabelText('Name'), { target: { value: 'first' } });
    expect(within(save).getByText('A saved search is named “first” already: saving replaces it.')).toBeTruthy();
  }, 60_000);

  it('speaks Russian in Russian', async () => {
    const c = await client();
    await c.call('saveSearch', { name: 'Президент', query: 'Tokayev', sort: 'newest' });
    await c.call('addFiles', { files: [{ name: 'd.txt', base64: base64('Late news\n\nTokayev addressed the nation.\n') }] });
    // The added file is indexed in the background: rendered once it counts.
    await waitFor(async () => expect((await c.call('savedSearches', {}))[0].added).toBe(1));
    render(
      <InLanguage language="ru">
        <Host client={c} archiveRevision={0} />
      </InLanguage>,
    );
    fireEvent.click(screen.getByText('Сохранённые поиски'));
    const open = await screen.findByRole('button', { name: 'Президент', description: '1 новый «Tokayev» · сначала новые' });
        expect(screen.getByText('«Tokayev» · сначала новые')).toBeTruthy();
    fireEvent.click(open);
    await waitFor(() => expect(within(document.querySelector('[data-id="d.txt"]') as HTMLElement).getByText('Новый')).toBeTruthy());
    expect(screen.getByRole('status').textContent).toBe('Сохранённый поиск «Президент»: 1 новый с прошлого просмотра, они показаны первыми.');
    const said = everythingSaid();
    expect(englishWords(catalogueFor('en').saved).filter((text) => said.includes(text))).toEqual([]);
  }, 60_000);
});
