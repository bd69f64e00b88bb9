// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArchiveIndexStatus, ArgsOf } from '../../src/core/api/types';
import { ApiCallError, type CasefileClient } from '../../src/renderer/src/api/client';
import { excerptAround } from '../../src/renderer/src/components/QueryError';
import { SearchPanel } from '../../src/renderer/src/components/SearchPanel';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { fakeClient, hit, READY, searchResult, term } from './fake-client';

afterEach(cleanup);

/** The panel with its settings held the way App holds them. */
function Harness({ client }: { client: CasefileClient }) {
  const [settings, setSettings] = useState<SearchSettings>(INITIAL_SEARCH);
  return <SearchPanel client={client} settings={settings} onSettingsChange={setSettings} openId={null} onOpen={() => undefined} archiveRevision={0} />;
}

function typeQuery(query: string) {
  fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: query } });
}

/** The polite live region that says a problem quietly while the query is being typed. */
function quietHint(): HTMLElement {
  const region = document.querySelector<HTMLElement>('#search-problem [aria-live="polite"]');
  if (!region) throw new Error('no quiet hint region');
  return region;
}

const UNKNOWN_FIELD = "unknown field 'foo' — fields are title, body, byline";

/** Refuses `foo:` queries as the core does and answers any other with one hit. */
function parsingClient() {
  return fakeClient({
    indexStatus: () => READY,
    search: ({ query }: ArgsOf<'search'>) => {
      if (query.startsWith('foo:')) throw new ApiCallError({ code: 'invalid-query', message: UNKNOWN_FIELD, span: { start: 0, end: 3 } });
      return searchResult(query, [hit({ title: `About ${query}` })]);
    },
  });
}

describe('SearchPanel', () => {
  it('while a query cannot be read, keeps the previous results (marked so) and says the problem quietly, with its place', async () => {
    render(<Harness client={parsingClient()} />);
    expect(screen.getByText(/Type words to search/)).toBeTruthy();
    typeQuery('Almaty');
    expect(screen.getByText('Searching…')).toBeTruthy();
    expect(await screen.findByText('About Almaty')).toBeTruthy();

    typeQuery('foo:bar protest');
    const hint = quietHint();
    await waitFor(() => expect(hint.textContent).toBe(`${UNKNOWN_FIELD} (characters 1–3)`));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('About Almaty')).toBeTruthy();
    expect(screen.getByText(/Still showing the results of the previous query/).textContent).toContain('Almaty');
    expect(screen.getByLabelText('Search the archive').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Search the archive').getAttribute('aria-describedby')).toBe('search-problem');

    typeQuery('title:bar protest');
    expect(await screen.findByText('About title:bar protest')).toBeTruthy();
    expect(screen.queryByText(/previous query/)).toBeNull();
    expect(hint.textContent).toBe('');
  });

  it('says the problem plainly, with the offending characters marked, once Enter is pressed', async () => {
    render(<Harness client={parsingClient()} />);
    typeQuery('Almaty');
    expect(await screen.findByText('About Almaty')).toBeTruthy();
    typeQuery('foo:bar protest');
    await waitFor(() => expect(quietHint().textContent).toContain(UNKNOWN_FIELD));
    fireEvent.submit(screen.getByRole('search'));

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(UNKNOWN_FIELD);
    const marks = alert.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe('foo');
    expect(alert.querySelector('code')?.textContent).toBe('foo:bar protest');
    expect(alert.textContent).toContain('characters 1–3');
    expect(quietHint().textContent).toBe(''); // said once, not twice
    expect(screen.getByLabelText('Search the archive').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('About Almaty')).toBeTruthy();

    typeQuery('foo:bar protests'); // typing again: quiet again
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says the problem plainly once the user has stopped typing for a while', async () => {
    render(<Harness client={parsingClient()} />);
    typeQuery('foo:bar');
    await waitFor(() => expect(quietHint().textContent).toContain(UNKNOWN_FIELD));
    expect(screen.queryByRole('alert')).toBeNull();
    const alert = await screen.findByRole('alert', undefined, { timeout: 5_000 });
    expect(alert.textContent).toContain(UNKNOWN_FIELD);
  });

  it('cuts a long malformed query around the marked place', () => {
    const query = `${'word '.repeat(40)}"unclosed ${'more '.repeat(40)}`;
    const at = query.indexOf('"');
    const { text, mark } = excerptAround(query, { start: at, end: at + 1 });
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
    expect(text.slice(...mark)).toBe('"');
    expect(text.length).toBeLessThan(90);
    // A span just past the end still marks something visible.
    const end = excerptAround('title:', { start: 6, end: 6 });
    expect(end.mark[1] - end.mark[0]).toBe(1);
  });

  it('says which other spellings a document matched, and labels variant-only hits', async () => {
    const client = fakeClient({
      indexStatus: () => READY,
      search: ({ query }) =>
        searchResult(
          query,
          [
            hit({ id: 'a.txt', title: 'Writes it as asked', matchCount: 3 }),
            hit({ id: 'b.txt', title: 'Writes Kasym-Zhomart', exact: false, matchCount: 2, matchedVariants: ['Kasym-Zhomart', 'Kasym'] }),
          ],
          { terms: [term({ term: 'Kassym-Jomart', occurrences: 5, documents: 2, variants: [{ text: 'Kasym-Zhomart', occurrences: 2 }] })] },
        ),
    });
    render(<Harness client={client} />);
    typeQuery('Kassym-Jomart');
    const variantHit = (await screen.findByText('Writes Kasym-Zhomart')).closest('li')!;
    expect(within(variantHit).getByText('also matched: Kasym-Zhomart, Kasym')).toBeTruthy();
    expect(within(variantHit).getByText('variant spelling only')).toBeTruthy();
    const exactHit = screen.getByText('Writes it as asked').closest('li')!;
    expect(within(exactHit).queryByText(/also matched/)).toBeNull();
    expect(within(exactHit).queryByText('variant spelling only')).toBeNull();
    expect(within(exactHit).getByText('3 matches')).toBeTruthy();
    const terms = screen.getByRole('list', { name: 'Query terms in the results' });
    expect(terms.textContent).toBe('Kassym-Jomart 5 in 2 docs — also matched Kasym-Zhomart 2');
  });

  it('shows why a term matched nothing', async () => {
    const note = 'the is too common to be indexed (a stop word); it matches nothing on its own';
    const client = fakeClient({
      indexStatus: () => READY,
      search: ({ query }) => searchResult(query, [], { terms: [term({ term: 'the', occurrences: 0, documents: 0, note })] }),
    });
    render(<Harness client={client} />);
    typeQuery('the');
    expect(await screen.findByText(note)).toBeTruthy();
    expect(screen.getByText('No documents match.')).toBeTruthy();
  });

  it('sends variants: false once the Name variants toggle is turned off, with the other options', async () => {
    const client = fakeClient({ indexStatus: () => READY, search: ({ query }) => searchResult(query, [hit()]) });
    render(<Harness client={client} />);
    const toggle = screen.getByRole('checkbox', { name: 'Name variants' }) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBe('variants-help');
    typeQuery('Tokajev');
    await waitFor(() => expect(client.calls.filter((c) => c.method === 'search')).toHaveLength(1));
    expect(client.calls.at(-1)?.args).toMatchObject({ query: 'Tokajev', variants: true, sort: 'relevance' });

    fireEvent.click(toggle);
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'newest' } });
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: ' AP ' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-01-05' } });
    await waitFor(() => expect(client.calls.filter((c) => c.method === 'search')).toHaveLength(2));
    expect(client.calls.at(-1)?.args).toEqual({
      query: 'Tokajev',
      limit: 100,
      variants: false,
      sort: 'newest',
      source: 'AP',
      from: '2022-01-05',
      histogram: true,
      entityFacets: true,
      groupDuplicates: true,
    });
  });

  it('shows indexing progress, polls the index, and searches again once it is ready', async () => {
    let status: ArchiveIndexStatus = { ...READY, state: 'indexing', done: 2, total: 5 };
    const client = fakeClient({
      indexStatus: () => status,
      search: ({ query }) => searchResult(query, [hit({ title: status.state === 'ready' ? 'Complete' : 'Partial' })], { index: status }),
    });
    render(<Harness client={client} />);
    typeQuery('Almaty');
    expect(await screen.findByText('Partial')).toBeTruthy();
    const progress = screen.getByRole('progressbar', { name: 'Indexing 2 of 5 files' });
    expect(progress.getAttribute('value')).toBe('2');
    expect(screen.getByText(/Results may be incomplete/)).toBeTruthy();

    status = READY;
    expect(await screen.findByText('Complete', {}, { timeout: 3_000 })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('stops indexing, says how much search covers, polls no more while stopped, and resumes until the search runs on the complete index', async () => {
    let status: ArchiveIndexStatus = { ...READY, state: 'indexing', done: 2_400, total: 10_000, documents: 10_000 };
    const client = fakeClient({
      indexStatus: () => status,
      cancelIndexing: () => (status = { ...status, state: 'paused' }),
      resumeIndexing: () => (status = { ...status, state: 'indexing', done: 0 }),
      search: ({ query }) => searchResult(query, [hit({ title: status.state === 'ready' ? 'Complete' : 'Partial' })], { index: status }),
    });
    const polls = () => client.calls.filter((c) => c.method === 'indexStatus').length;
    render(<Harness client={client} />);
    typeQuery('Almaty');
    expect(await screen.findByText('Partial')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Indexing 2,400 of 10,000 files' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Stop indexing' }));
    expect((await screen.findByRole('status')).textContent).toBe('Indexing stopped: 2,400 of 10,000 files indexed; search covers only those.');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop indexing' })).toBeNull();
    const polled = polls();
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // over two poll intervals
    expect(polls()).toBe(polled);
    expect(screen.getByText('Partial')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Resume indexing' }));
    expect(await screen.findByRole('progressbar', { name: 'Indexing 0 of 10,000 files' })).toBeTruthy();
    await waitFor(() => expect(polls()).toBeGreaterThan(polled), { timeout: 2_000 });
    status = { ...READY, done: 10_000, total: 10_000, documents: 10_000 };
    expect(await screen.findByText('Complete', {}, { timeout: 3_000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /indexing/i })).toBeNull();
    expect(client.calls.filter((c) => c.method === 'cancelIndexing' || c.method === 'resumeIndexing').map((c) => c.method)).toEqual(['cancelIndexing', 'resumeIndexing']);
  });

  it('says while the files are checked for changes since the archive was last open, and searches again when that is done', async () => {
    let status: ArchiveIndexStatus = { ...READY, checking: true };
    const client = fakeClient({
      indexStatus: () => status,
      search: ({ query }) => searchResult(query, [hit({ title: status.checking ? 'As last seen' : 'As now' })], { index: status }),
    });
    render(<Harness client={client} />);
    typeQuery('Almaty');
    expect(await screen.findByText('As last seen')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Checking the archive’s files for changes since it was last open/);

    status = READY;
    expect(await screen.findByText('As now', {}, { timeout: 3_000 })).toBeTruthy();
    expect(screen.queryByText(/Checking the archive’s files/)).toBeNull();
  });

  it('reports a shell that cannot be reached without a marked query', async () => {
    const client = fakeClient({
      indexStatus: () => READY,
      search: () => {
        throw new ApiCallError({ code: 'internal', message: 'Casefile is not reachable: is the web shell still running?' });
      },
    });
    render(<Harness client={client} />);
    typeQuery('Almaty');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Casefile is not reachable: is the web shell still running?');
    expect(alert.querySelector('mark')).toBeNull();
  });
});
