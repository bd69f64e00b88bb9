// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDocument } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { fakeClient, hit, READY, searchResult, term } from './fake-client';
import { archiveDocument, ReaderWithDefaults, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

const TEXT = 'President Kasym-Zhomart Tokayev spoke.\nTokayev’s order came later.';
const DOCUMENT = archiveDocument('000.txt', 'Peaceful protests', TEXT);
const at = (word: string, from = 0): [number, number] => [TEXT.indexOf(word, from), TEXT.indexOf(word, from) + word.length];
const OPENED: OpenedDocument = {
  document: DOCUMENT,
  matches: [at('Kasym-Zhomart'), at('Tokayev'), at('Tokayev’s')],
  matchKinds: ['variant', 'exact', 'exact'],
  terms: [
    term({ term: 'Kassym-Jomart', occurrences: 1, variants: [{ text: 'Kasym-Zhomart', occurrences: 1 }] }),
    term({ term: 'Tokayev', occurrences: 2 }),
  ],
};

function renderReader(opened: OpenedDocument) {
  return render(<ReaderWithDefaults opened={opened} />);
}

describe('Reader', () => {
  it('draws variant hits apart from exact ones, names them, and steps through every hit', () => {
    const { container } = renderReader(OPENED);
    const hits = [...container.querySelectorAll<HTMLElement>('mark.hit')];
    expect(hits.map((h) => [h.textContent, h.dataset.kind, h.title])).toEqual([
      ['Kasym-Zhomart', 'variant', 'name variant'],
      ['Tokayev', 'exact', ''],
      ['Tokayev’s', 'exact', ''],
    ]);
    expect(hits[0].classList.contains('hit-inexact')).toBe(true);
    expect(screen.getByText('Hit 1 of 3')).toBeTruthy();
    expect(container.querySelector('.hit-kind')?.textContent).toBe(' · name variant');
    expect(screen.getByText(/= name variant or near spelling/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next hit' }));
    expect(screen.getByText('Hit 2 of 3')).toBeTruthy();
    expect(container.querySelector('.hit-kind')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Previous hit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous hit' }));
    expect(screen.getByText('Hit 3 of 3')).toBeTruthy();
    expect(container.querySelector('mark.hit.current')?.textContent).toBe('Tokayev’s');
  });

  it("lists the query's terms with their counts in this article", () => {
    renderReader(OPENED);
    const list = screen.getByRole('list', { name: 'Query terms in this article' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Kassym-Jomart 1 — also matched Kasym-Zhomart 1',
      'Tokayev 2',
    ]);
  });

  it('has no legend when every hit is exact', () => {
    renderReader({ ...OPENED, matchKinds: ['exact', 'exact', 'exact'] });
    expect(screen.queryByText(/name variant or near spelling/)).toBeNull();
  });
});

describe('App', () => {
  it('opens a result with the same variants setting the search used', async () => {
    const client = fakeClient({
      info: () => ({ archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY }),
      indexStatus: () => READY,
      search: ({ query }) => searchResult(query, [hit({ id: '000.txt', title: 'Peaceful protests' })]),
      getDocument: () => OPENED,
      listAnnotations: () => [],
    });
    render(<App client={client} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Name variants' }));
    fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Tokayev' } });
    fireEvent.click(await screen.findByRole('button', { name: /Peaceful protests/ }));
    await waitFor(() => expect(client.calls.some((c) => c.method === 'getDocument')).toBe(true));
    expect(client.calls.find((c) => c.method === 'getDocument')?.args).toEqual({ id: '000.txt', query: 'Tokayev', variants: false });
    expect(await screen.findByRole('heading', { name: 'Peaceful protests' })).toBeTruthy();
  });
});
