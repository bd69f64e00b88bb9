// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentComparison } from '../../src/core/api/types';
import { SearchPanel } from '../../src/renderer/src/components/SearchPanel';
import { CompareDialog } from '../../src/renderer/src/duplicates/CompareDialog';
import { CopiesOfHit } from '../../src/renderer/src/duplicates/CopiesOfHit';
import { InLanguage } from '../../src/renderer/src/i18n';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { duplicates as english } from '../../src/shared/i18n/en/duplicates';
import { fakeClient, hit, READY, searchResult } from './fake-client';
import { stubLayout } from './reader-fixtures';
import { englishWords, everythingSaid } from './russian-checks';

beforeAll(() => {
  stubLayout();
  // jsdom lays nothing out; stepping through differences scrolls them into view.
  Element.prototype.scrollIntoView = function scrollIntoView() {};
});
afterEach(cleanup);

const A = 'Tokayev ordered security forces to fire without warning. About 5,000 people were detained in Almaty.';
const B = 'Tokayev ordered police to fire without warning. About 6,000 people were detained in Almaty.';
const doc = (id: string, title: string) => ({ id, title, byline: 'Wire', date: '2022-01-07' });

/** A and B as the core compares them (offsets aside, which the dialog does not use). */
const PARTS: DocumentComparison['parts'] = [
  { kind: 'same', text: 'Tokayev ordered ' },
  { kind: 'removed', text: 'security forces' },
  { kind: 'added', text: 'police' },
  { kind: 'same', text: ' to fire without warning. About ' },
  { kind: 'removed', text: '5,000' },
  { kind: 'added', text: '6,000' },
  { kind: 'same', text: ' people were detained in Almaty.' },
];

function comparing(parts: DocumentComparison['parts']) {
  return fakeClient({ compareDocuments: () => ({ a: doc('a.txt', 'Original story'), b: doc('b.txt', 'Reprint'), similarity: 0.62, parts }) });
}

const COPIES = [
  { ...doc('b.txt', 'Reprint'), similarity: 0.93 },
  { ...doc('c.txt', 'Another reprint'), similarity: 0.71 },
];

describe('copies folded under a result', () => {
  it('says how many other sources carry the text, and lists them on request with their share in common', () => {
    const opened: string[] = [];
    const compared: string[] = [];
    render(<CopiesOfHit title="Original story" copies={COPIES} onOpen={(id) => opened.push(id)} onCompare={(id) => compared.push(id)} />);
    const toggle = screen.getByRole('button', { name: 'Also in 2 other sources' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const list = screen.getByRole('list', { name: 'Copies of “Original story” among the results' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('93% in common'), expect.stringContaining('71% in common')]);
    fireEvent.click(within(list).getAllByRole('button', { name: 'Compare' })[1]);
    fireEvent.click(within(list).getAllByRole('button', { name: 'Open' })[0]);
    expect(compared).toEqual(['c.txt']);
    expect(opened).toEqual(['b.txt']);
  });
});

describe('two documents compared side by side', () => {
  it('marks what only each one has, names the marks for screen readers, and steps through the differences in both columns', async () => {
    render(<CompareDialog client={comparing(PARTS)} a="a.txt" b="b.txt" onOpen={() => undefined} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: 'Compare documents' });
    await within(dialog).findByText(/62% of their wording in common\. 2 differences/u);
    const left = within(dialog).getByRole('region', { name: 'Original story' });
    const right = within(dialog).getByRole('region', { name: 'Reprint' });
    expect([...left.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['only in the first: security forces', 'only in the first: 5,000']);
    expect([...right.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['only in the second: police', 'only in the second: 6,000']);
    expect(left.querySelector('.compare-text')?.textContent?.replace(/only in the first: /gu, '')).toBe(A);
    expect(right.querySelector('.compare-text')?.textContent?.replace(/only in the second: /gu, '')).toBe(B);

    const next = within(dialog).getByRole('button', { name: 'Next difference' });
    fireEvent.click(next);
    within(dialog).getByText('Difference 1 of 2');
    fireEvent.click(next);
    within(dialog).getByText('Difference 2 of 2');
    expect((next as HTMLButtonElement).disabled).toBe(true);
    expect([left, right].map((side) => side.querySelector('.current')?.textContent)).toEqual(['only in the first: 5,000', 'only in the second: 6,000']);
  });

  it('a difference only one side has words of still has a place in the other column, where stepping to it points', async () => {
    const inserted: DocumentComparison['parts'] = [{ kind: 'added', text: 'Headline\n\n' }, ...PARTS!];
    render(<CompareDialog client={comparing(inserted)} a="a.txt" b="b.txt" onOpen={() => undefined} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: 'Compare documents' });
    await within(dialog).findByText(/3 differences/u);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next difference' }));
    const left = within(dialog).getByRole('region', { name: 'Original story' });
    const right = within(dialog).getByRole('region', { name: 'Reprint' });
    expect(left.querySelector('.current')?.className).toBe('change-gap current');
    expect(left.querySelector('.current')?.getAttribute('aria-hidden')).toBe('true');
    expect(right.querySelector('.current')?.textContent).toBe('only in the second: Headline\n\n');
  });

  it('says so when two documents are too different to compare word by word', async () => {
    render(<CompareDialog client={comparing(null)} a="a.txt" b="b.txt" onOpen={() => undefined} onClose={() => undefined} />);
    await screen.findByText(/too different to compare word by word/u);
  });

  it('speaks Russian in a Russian interface', async () => {
    const ru = (children: ReactNode) => <InLanguage language="ru">{children}</InLanguage>;
    render(ru(<CompareDialog client={comparing(PARTS)} a="a.txt" b="b.txt" onOpen={() => undefined} onClose={() => undefined} />));
    await screen.findByRole('dialog', { name: 'Сравнение документов' });
    await waitFor(() => expect(everythingSaid()).toContain('Совпадает 62% текста. 2 различия'));
    cleanup();
    render(ru(<CopiesOfHit title="X" copies={COPIES} onOpen={() => undefined} onCompare={() => undefined} />));
    fireEvent.click(screen.getByRole('button', { name: 'Ещё в 2 источниках' }));
    const said = everythingSaid();
    for (const words of englishWords(english)) expect(said).not.toContain(words);
  });
});

describe('copies in the results', () => {
  function Harness({ opened }: { opened: string[] }) {
    const [settings, setSettings] = useState<SearchSettings>({ ...INITIAL_SEARCH, query: 'Tokayev' });
    const client = fakeClient({
      indexStatus: () => READY,
      search: ({ query }) => searchResult(query, [hit({ id: 'a.txt', title: 'Original story', alsoIn: COPIES }), hit({ id: 'd.txt', title: 'Something else' })], { total: 4 }),
      compareDocuments: ({ a, b }) => ({ a: doc(a, 'Original story'), b: doc(b, 'Reprint'), similarity: 0.93, parts: PARTS }),
    });
    return <SearchPanel client={client} settings={settings} onSettingsChange={setSettings} openId={null} onOpen={(id) => opened.push(id)} archiveRevision={0} />;
  }

  it('a result lists its copies; Compare shows it beside the copy, and Open there opens that document', async () => {
    const opened: string[] = [];
    render(<Harness opened={opened} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Also in 2 other sources' }));
    // Two results and two copies folded into the first: all four documents are shown.
    expect(screen.getByText('4 documents')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Compare' })[0]);
    const dialog = await screen.findByRole('dialog', { name: 'Compare documents' });
    await within(dialog).findByText(/93% of their wording in common/u);
    fireEvent.click(within(within(dialog).getByRole('region', { name: 'Reprint' })).getByRole('button', { name: 'Open' }));
    expect(opened).toEqual(['b.txt']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
