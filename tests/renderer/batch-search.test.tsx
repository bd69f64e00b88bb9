// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, type CasefileClient } from '../../src/renderer/src/api/client';
import { BatchSearchDialog } from '../../src/renderer/src/batch/BatchSearchDialog';
import { useBatchSearch } from '../../src/renderer/src/batch/use-batch-search';
import { InLanguage } from '../../src/renderer/src/i18n';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { catalogueFor } from '../../src/shared/i18n/catalogue';
import { stubDownloads } from './downloads';
import { englishWords, everythingSaid } from './russian-checks';
import { workstationTransport } from '../helpers/api-transport';
import { makeBench, tempDirsPerTest } from '../helpers/workstation';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
const temp = tempDirsPerTest('casefile-batch-dialog-');

// Written for the test: a name in three spellings, and a two-word name.
const FILES = {
  'a.txt': 'Almaty protests\n\nPresident Tokayev spoke on television. Karim Masimov was detained the next day.\n',
  'b.txt': 'Итоги недели\n\nТокаев выступил с обращением. Токаев ввёл режим ЧП.\n',
  'c.txt': 'Wire report\n\nMr Tokaev met Karim Bekov; Masimov was not there.\n',
};

/** The dialog on a real workstation, through the API as a shell carries it. */
async function openDialog(settings: SearchSettings = INITIAL_SEARCH) {
  const ws = await (await makeBench(() => temp.make(), FILES)).open();
  const client = createClient(workstationTransport(ws));
  const searched: string[] = [];
  const closed = vi.fn();
  function Host({ client: c }: { client: CasefileClient }) {
    const session = useBatchSearch(c);
    const [open, setOpen] = useState(true);
    return open ? (
      <BatchSearchDialog
        client={c}
        session={session}
        settings={settings}
        onClose={() => {
          closed();
          setOpen(false);
        }}
        onSearch={(query) => searched.push(query)}
      />
    ) : null;
  }
  return { client, searched, closed, Host };
}

const list = () => screen.getByLabelText(/Names or queries/);
const rowOf = (query: string) => screen.getByRole('rowheader', { name: query }).closest('tr') as HTMLElement;

describe('batch search', () => {
  it('searches a pasted list: progress, then a row per query with its counts, other spellings and first passage', async () => {
    const { client, searched, Host } = await openDialog();
    render(<Host client={client} />);
    fireEvent.change(list(), { target: { value: 'Tokayev\nKarim Masimov\ntitle:\ntokayev\nnobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search all' }));
    await screen.findByText('4 queries searched; 1 could not be.');
    expect(screen.getByRole('progressbar', { name: 'Queries searched' })).toHaveProperty('value', 4);
    const table = screen.getByRole('table', { name: 'Results of the batch: 4 queries' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Tokayev', 'Karim Masimov', 'title:', 'nobody']);
    const tokayev = within(rowOf('Tokayev')).getAllByRole('cell').map((cell) => cell.textContent);
    expect(tokayev.slice(0, 3)).toEqual(['1, 4', '3', '4']);
    expect(tokayev[3]).toMatch(/Токаев \(2\)/);
    expect(tokayev[3]).toMatch(/Tokaev \(1\)/);
    expect(rowOf('Tokayev').querySelector('mark')).not.toBeNull();
    // A line of plain words is one phrase (the checkbox is on unless unticked).
    expect(within(rowOf('Karim Masimov')).getAllByRole('cell')[1].textContent).toBe('1');
    expect(rowOf('title:').textContent).toMatch(/Could not be searched: nothing after 'title:'/);
    fireEvent.click(within(rowOf('Karim Masimov')).getByRole('button', { name: 'Show the results for “Karim Masimov” in the search pane' }));
    expect(searched).toEqual(['"Karim Masimov"']);
  }, 30_000);

  it('applies the search pane’s options to every query', async () => {
    const { client, Host } = await openDialog({ ...INITIAL_SEARCH, source: 'nowhere' });
    render(<Host client={client} />);
    fireEvent.change(list(), { target: { value: 'Tokayev' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search all' }));
    await screen.findByText('1 query searched.');
    expect(within(rowOf('Tokayev')).getAllByRole('cell')[1].textContent).toBe('0');
  }, 30_000);

  it('stops a long list on request and keeps the rows done', async () => {
    const { client, Host } = await openDialog();
    render(<Host client={client} />);
    fireEvent.change(list(), { target: { value: Array.from({ length: 3000 }, (_, i) => `Tokayev${i}`).join('\n') } });
    fireEvent.click(screen.getByRole('button', { name: 'Search all' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Stop' }));
    const stopped = await screen.findByText(/^Stopped after [\d,]+ of 3,000 queries\.$/);
    const done = Number(/after ([\d,]+)/.exec(stopped.textContent ?? '')?.[1].replace(/,/g, ''));
    expect(done).toBeLessThan(3000);
    // The first 300 rows are drawn; the rest on request.
    expect(screen.queryAllByRole('rowheader')).toHaveLength(Math.min(done, 300));
    if (done > 300) {
      fireEvent.click(screen.getByRole('button', { name: `Show all ${done.toLocaleString('en')} rows (${(done - 300).toLocaleString('en')} more)` }));
      expect(screen.queryAllByRole('rowheader')).toHaveLength(done);
    }
  }, 30_000);

  it('reads an opened CSV file’s first column, says when the list is empty, and exports the table as CSV', async () => {
    const { client, Host } = await openDialog();
    const downloads = stubDownloads();
    render(<Host client={client} />);
    fireEvent.click(screen.getByRole('button', { name: 'Search all' }));
    expect(screen.getByRole('alert').textContent).toBe('The list is empty: paste names, one a line, or open a file.');
    const input = document.querySelector<HTMLInputElement>('input[type=file]') as HTMLInputElement;
    const content = '\ufeffName,Country\r\n"Masimov",KZ\r\n';
    const file = new File([content], 'names.csv', { type: 'text/csv' });
    // jsdom's File has no text(); browsers' has.
    Object.defineProperty(file, 'text', { value: async () => content });
    fireEvent.change(input, { target: { files: [file] } });
    await screen.findByText('Read from names.csv.');
    expect(screen.getByLabelText('CSV column')).toHaveProperty('value', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Search all' }));
    await screen.findByText('1 query searched.');
    expect(within(rowOf('Masimov')).getAllByRole('cell')[0].textContent).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV…' }));
    await screen.findByText(/Saved batch-search\.csv/);
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(downloads.blobs[0]);
    });
    expect(csv).toMatch(/^lines,query,documents,matches,matched as,first documents,first passage,error\r\n2,Masimov,2,2,/);
  }, 30_000);

  it('speaks Russian in Russian, with no word of its English left', async () => {
    const { client, Host } = await openDialog();
    render(
      <InLanguage language="ru">
        <Host client={client} />
      </InLanguage>,
    );
    fireEvent.change(screen.getByLabelText(/Имена или запросы/), { target: { value: 'Tokayev\ntitle:' } });
    fireEvent.click(screen.getByRole('button', { name: 'Искать все' }));
    await screen.findByText('Выполнено: 2 запроса; не удалось выполнить: 1.');
    expect(screen.getByRole('table', { name: 'Результаты пакетного поиска: 2 запроса' })).toBeTruthy();
    expect(rowOf('title:').textContent).toMatch(/Не удалось выполнить: после «title:» ничего нет|Не удалось выполнить: [а-яё]/i);
    const said = everythingSaid();
    expect(englishWords(catalogueFor('en').batch).filter((text) => said.includes(text))).toEqual([]);
  }, 30_000);
});
