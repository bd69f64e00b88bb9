// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Claim, DocumentSummary, MeasureFigures, OpenedDocument, TimelineEntry, WorkstationInfo, WorkstationSearchResult } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { markedSentence } from '../../src/renderer/src/figures/claim-text';
import { FiguresView } from '../../src/renderer/src/figures/FiguresView';
import type { Place } from '../../src/renderer/src/figures/open-at-place';
import { InLanguage } from '../../src/renderer/src/i18n';
import { INITIAL_SEARCH, searchArgs, type SearchSettings } from '../../src/renderer/src/search/settings';
import { DateHistogram } from '../../src/renderer/src/timeline/DateHistogram';
import { TimelineView } from '../../src/renderer/src/timeline/TimelineView';
import { catalogueFor } from '../../src/shared/i18n/catalogue';
import { annotation, fakeClient, READY, searchResult } from './fake-client';
import { archiveDocument, stubLayout } from './reader-fixtures';
import { englishWords, everythingSaid } from './russian-checks';

beforeAll(stubLayout);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const TOLL_TEXT = 'Unrest in January.\nThe official death toll stands at 227, with 149 killed in Almaty alone.';
const TOLL = archiveDocument('001.txt', 'What comes after', TOLL_TEXT);
const PERSONS_TEXT = 'Report.\n164 persons died, including three children.';
const PERSONS = archiveDocument('000.txt', 'Participants fear prosecution', PERSONS_TEXT);
const summary = ({ text: _t, paragraphs: _p, ...rest }: typeof TOLL, date: string | null): DocumentSummary => ({ ...rest, date: date ? { iso: date, text: date } : null });
const DOCUMENTS = [summary(PERSONS, null), summary(TOLL, '2022-01-15')];

function claim(doc: typeof TOLL, text: string, overrides: Partial<Claim> = {}): Claim {
  const start = doc.text.indexOf(text);
  const sentenceStart = doc.text.lastIndexOf('\n', start) + 1;
  return { measure: 'deaths', value: 0, high: null, qualifier: null, text, sentence: doc.text.slice(sentenceStart).split('\n')[0], doc: doc.id, start, end: start + text.length, date: null, ...overrides };
}
const C227 = claim(TOLL, 'The official death toll stands at 227', { value: 227, date: '2022-01-15' });
const C149 = claim(TOLL, 'with 149 killed in Almaty alone', { value: 149, date: '2022-01-15' });
const C164 = claim(PERSONS, '164 persons died', { value: 164 });
const DETAINED: Claim = { ...claim(PERSONS, '164 persons died', { value: 9900, qualifier: 'almost' }), measure: 'detentions' };
const FIGURES: MeasureFigures[] = [
  { measure: 'deaths', claims: [C164, C227, C149], conflict: true },
  { measure: 'detentions', claims: [DETAINED], conflict: false },
];

describe('markedSentence', () => {
  it('marks the number as written in the claim’s clause, else the clause', () => {
    expect(markedSentence(C227)).toEqual({ before: 'The official death toll stands at ', marked: '227', after: ', with 149 killed in Almaty alone.' });
    expect(markedSentence({ sentence: 'Police said 9 900 were held and 9,900 detained.', text: '9,900 detained', value: 9900 }).marked).toBe('9,900');
    const inWords = markedSentence({ sentence: '164 persons died, including three children.', text: 'including three children.', value: 3 });
    expect(inWords).toEqual({ before: '164 persons died, ', marked: 'including three children.', after: '' });
  });
});

interface HarnessProps {
  onOpen?(place: Place): void;
  onAnnotate?(claim: Claim): Promise<void>;
  annotated?: Array<ReturnType<typeof annotation>>;
}

function FiguresHarness({ onOpen = () => undefined, onAnnotate = async () => undefined, annotated = [] }: HarnessProps) {
  const [revision, setRevision] = useState(0);
  const client = fakeClient({ figures: () => FIGURES, listDocuments: () => DOCUMENTS, listAnnotations: () => annotated });
  return (
    <>
      <button type="button" onClick={() => setRevision((n) => n + 1)}>
        archive changed
      </button>
      <FiguresView client={client} archiveRevision={revision} annotationsRevision={0} active onOpen={onOpen} onAnnotate={onAnnotate} onShowAnnotation={() => undefined} onAddTable={() => undefined} />
    </>
  );
}

describe('the Figures view', () => {
  it('shows each measure’s claims side by side, highest first, with the disagreement said in words', async () => {
    render(<FiguresHarness />);
    const deaths = await screen.findByRole('region', { name: /^Deaths/ });
    expect(within(deaths).getByText('Sources disagree')).toBeTruthy();
    expect(within(within(deaths).getByRole('list', { name: 'Values given for deaths' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['227', '164', '149']);
    const claims = within(within(deaths).getByRole('list', { name: 'Claims about deaths' })).getAllByRole('listitem');
    expect(claims.map((li) => li.querySelector('.claim-value')?.textContent)).toEqual(['227', '164', '149']);
    expect(claims[0].querySelector('mark')?.textContent).toBe('227');
    expect(claims[0].textContent).toContain('What comes after · 2022-01-15');
    expect(claims[1].textContent).toContain('Participants fear prosecution · undated');

    const detentions = screen.getByRole('region', { name: /^Detentions/ });
    expect(within(detentions).getByText('Sources agree')).toBeTruthy();
    expect(detentions.querySelector('.claim-value')?.textContent).toBe('almost 9,900');

    fireEvent.change(screen.getByRole('combobox', { name: 'Measure' }), { target: { value: 'detentions' } });
    expect(screen.queryByRole('region', { name: /^Deaths/ })).toBeNull();
    expect(screen.getByRole('region', { name: /^Detentions/ })).toBeTruthy();
  });

  it('opens a claim at its place, annotates it in one click, and says when it is annotated', async () => {
    const opened: Place[] = [];
    const annotated: Claim[] = [];
    render(<FiguresHarness onOpen={(p) => opened.push(p)} onAnnotate={async (c) => void annotated.push(c)} />);
    const deaths = await screen.findByRole('region', { name: /^Deaths/ });
    fireEvent.click(within(deaths).getAllByRole('button', { name: /The official death toll stands at 227/ })[0]);
    expect(opened).toEqual([C227]);
    fireEvent.click(within(deaths).getByRole('button', { name: 'Annotate the claim 227 in What comes after' }));
    expect(annotated).toEqual([C227]);
    cleanup();

    const highlight = annotation({ docId: TOLL.id, quote: C227.text, start: C227.start });
    render(<FiguresHarness annotated={[highlight]} />);
    const button = await screen.findByRole('button', { name: 'Annotated: show the highlight of 227 in What comes after' });
    expect(button.textContent).toBe('✓ Annotated');
    expect(screen.getAllByRole('button', { name: /^Annotate the claim/ })).toHaveLength(3);
  });

  it('reads the figures again when the archive changes', async () => {
    let calls = 0;
    const client = fakeClient({ figures: () => (++calls === 1 ? [] : FIGURES), listDocuments: () => DOCUMENTS, listAnnotations: () => [] });
    const { rerender } = render(<FiguresView client={client} archiveRevision={0} annotationsRevision={0} active onOpen={() => undefined} onAnnotate={async () => undefined} onShowAnnotation={() => undefined} onAddTable={() => undefined} />);
    await screen.findByText(/No figures found/);
    rerender(<FiguresView client={client} archiveRevision={1} annotationsRevision={0} active onOpen={() => undefined} onAnnotate={async () => undefined} onShowAnnotation={() => undefined} onAddTable={() => undefined} />);
    await screen.findByRole('region', { name: /^Deaths/ });
  });
});

const entry = (date: string, precision: TimelineEntry['precision'], text: string, kind: TimelineEntry['kind'] = 'absolute', doc = TOLL.id): TimelineEntry => ({
  date, precision, text, doc, start: 0, end: text.length, kind, basis: kind === 'relative' ? 'publication' : 'written',
});
const TIMELINE: TimelineEntry[] = [
  entry('2021', 'year', 'Last year', 'relative'),
  entry('2022-01', 'month', 'in January'),
  entry('2022-01-02', 'day', 'January 2'),
  entry('2022-01-05', 'day', 'Jan. 5, 2022'),
  entry('2022-01-05', 'day', 'on Wednesday', 'relative', PERSONS.id),
  entry('2022-01-10', 'week', 'last week', 'relative'),
  entry('2022-01-15', 'day', 'Sat. Jan 15th, 2022', 'publication'),
  entry('2022-02-16', 'day', 'February 16'),
];

describe('the Timeline view', () => {
  it('lists the dates in order by month and day, each opening its place, and the undated documents as such', async () => {
    const opened: Place[] = [];
    const openedDocuments: string[] = [];
    const client = fakeClient({ timeline: () => TIMELINE, listDocuments: () => DOCUMENTS });
    render(<TimelineView client={client} archiveRevision={0} active onOpen={(p) => opened.push(p)} onOpenDocument={(id) => openedDocuments.push(id)} />);
    const months = await screen.findAllByRole('heading', { level: 3 });
    expect(months.map((h) => h.textContent)).toEqual(['2021 1 date', 'January 2022 6 dates', 'February 2022 1 date', '1 undated document']);
    const january = screen.getByRole('region', { name: /^January 2022/ });
    expect(within(january).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Sun, January 2, 2022',
      'Wed, January 5, 2022',
      'Week of Jan 10, 2022',
      'Sat, January 15, 2022',
    ]);
    expect(screen.getByText('8 dates in 2 documents')).toBeTruthy();
    expect(within(january).getByText('Sat. Jan 15th, 2022').closest('li')?.textContent).toContain('published');

    fireEvent.click(screen.getByRole('button', { name: /on Wednesday/ }));
    expect(opened).toEqual([TIMELINE[4]]);
    const undated = screen.getByRole('region', { name: '1 undated document' });
    fireEvent.click(within(undated).getByRole('button', { name: 'Participants fear prosecution' }));
    expect(openedDocuments).toEqual([PERSONS.id]);

    fireEvent.click(screen.getByRole('radio', { name: 'Month' }));
    expect(within(january).queryAllByRole('heading', { level: 4 })).toHaveLength(0);
    expect(within(january).getByText('on Wednesday').closest('li')?.querySelector('.entry-date')?.textContent).toBe('Wed, January 5, 2022');
  });
});

function HistogramHarness({ result, initial = INITIAL_SEARCH }: { result: WorkstationSearchResult; initial?: SearchSettings }) {
  const [settings, setSettings] = useState<SearchSettings>(initial);
  return (
    <>
      <output data-testid="range">{`${settings.from}..${settings.to} ${settings.includeUndated ? 'with undated' : ''}`.trim()}</output>
      <DateHistogram result={result} settings={settings} onChange={(changes) => setSettings((s) => ({ ...s, ...changes }))} />
    </>
  );
}

describe('the date histogram', () => {
  const result = searchResult('Tokayev', [], {
    total: 6,
    histogram: { months: [{ month: '2022-01', documents: 4 }, { month: '2022-03', documents: 1 }], undated: 2 },
    undated: 2,
  });

  it('names each month’s bar with its count, months without matches too, and a bar sets or clears the date range', () => {
    render(<HistogramHarness result={result} />);
    const bars = screen.getByRole('toolbar', { name: 'Matching documents by month' });
    expect(within(bars).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['January 2022: 4 documents', 'February 2022: 0 documents', 'March 2022: 1 document']);
    fireEvent.click(within(bars).getByRole('button', { name: 'February 2022: 0 documents' }));
    expect(screen.getByTestId('range').textContent).toBe('2022-02-01..2022-02-28');
    expect(within(bars).getByRole('button', { name: 'February 2022: 0 documents' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(bars).getByRole('button', { name: 'February 2022: 0 documents' }));
    expect(screen.getByTestId('range').textContent).toBe('..');
  });

  it('is one Tab stop whose arrows move between the months', () => {
    render(<HistogramHarness result={result} />);
    const buttons = within(screen.getByRole('toolbar')).getAllByRole('button');
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    act(() => buttons[0].focus());
    fireEvent.keyDown(buttons[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1], { key: 'End' });
    expect(document.activeElement).toBe(buttons[2]);
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('with a date range, says how many undated documents it leaves out and includes them on request', () => {
    render(<HistogramHarness result={result} initial={{ ...INITIAL_SEARCH, from: '2022-01-01', to: '2022-01-31' }} />);
    expect(screen.getByText(/2 undated documents not shown/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'include them' }));
    expect(screen.getByTestId('range').textContent).toBe('2022-01-01..2022-01-31 with undated');
    expect(screen.getByText(/2 undated documents included/)).toBeTruthy();
    // What the search is asked: the histogram always, the undated ones only with a range.
    expect(searchArgs({ ...INITIAL_SEARCH, query: 'x', from: '2022-01-01', includeUndated: true })).toMatchObject({ from: '2022-01-01', includeUndated: true, histogram: true });
    expect(searchArgs({ ...INITIAL_SEARCH, query: 'x', includeUndated: true })).not.toHaveProperty('includeUndated');
  });

  it('without a range says nothing of undated documents left out', () => {
    render(<HistogramHarness result={result} />);
    expect(screen.queryByText(/not shown/)).toBeNull();
  });
});

describe('in the App', () => {
  const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 2, skipped: [], storeProblem: null, index: READY };

  function setup() {
    const created: unknown[] = [];
    const client = fakeClient({
      info: () => INFO,
      indexStatus: () => READY,
      listTags: () => [],
      listDocuments: () => DOCUMENTS,
      listAnnotations: () => [],
      figures: () => FIGURES,
      timeline: () => TIMELINE,
      getDocument: ({ id }): OpenedDocument => ({ document: id === TOLL.id ? TOLL : PERSONS, matches: [], matchKinds: [], terms: [] }),
      createAnnotation: (args) => {
        created.push(args);
        return annotation({ docId: args.docId, quote: TOLL.text.slice(args.start, args.end), start: args.start });
      },
      undo: () => ({ action: 'create highlight', ids: [] }),
      getPreferences: () => ({ author: '', recentArchives: [], language: 'system' as const }),
    });
    render(<App client={client} />);
    return { client, created };
  }

  it('Shift+F and Shift+T show the views; a claim opens its document and one click annotates it, said with Undo', async () => {
    const { client, created } = setup();
    fireEvent.keyDown(window, { key: 'F', code: 'KeyF', shiftKey: true });
    expect(screen.getByRole('tab', { name: 'Figures' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('separator', { name: 'Resize the figures' })).toBeTruthy();
    const deaths = await screen.findByRole('region', { name: /^Deaths/ });

    fireEvent.click(within(deaths).getAllByRole('button', { name: /The official death toll stands at 227/ })[0]);
    await waitFor(() => expect(client.calls.some((c) => c.method === 'getDocument' && (c.args as { id: string }).id === TOLL.id)).toBe(true));
    await screen.findByRole('heading', { name: 'What comes after' });

    fireEvent.click(within(deaths).getByRole('button', { name: 'Annotate the claim 227 in What comes after' }));
    await waitFor(() => expect(created).toEqual([{ docId: TOLL.id, start: C227.start, end: C227.end, note: 'Figure: 227 deaths' }]));
    const toast = await screen.findByText('Annotated: 227 deaths');
    fireEvent.click(within(toast.closest('.toast') as HTMLElement).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(client.calls.some((c) => c.method === 'undo')).toBe(true));

    fireEvent.keyDown(window, { key: 'T', code: 'KeyT', shiftKey: true });
    expect(screen.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');
    await screen.findByRole('region', { name: /^January 2022/ });
  });
});

describe('in Russian', () => {
  const english = catalogueFor('en');
  const leftInEnglish = (part: object) => englishWords(part).filter((text) => everythingSaid().includes(text));

  it('the Figures and Timeline views and the histogram say everything in Russian', async () => {
    const client = fakeClient({ figures: () => FIGURES, listDocuments: () => DOCUMENTS, listAnnotations: () => [], timeline: () => TIMELINE });
    const result = searchResult('Tokayev', [], { total: 6, histogram: { months: [{ month: '2022-01', documents: 4 }], undated: 2 }, undated: 2 });
    render(
      <InLanguage language="ru">
        <FiguresView client={client} archiveRevision={0} annotationsRevision={0} active onOpen={() => undefined} onAnnotate={async () => undefined} onShowAnnotation={() => undefined} onAddTable={() => undefined} />
        <TimelineView client={client} archiveRevision={0} active onOpen={() => undefined} onOpenDocument={() => undefined} />
        <HistogramHarness result={result} initial={{ ...INITIAL_SEARCH, from: '2022-01-01' }} />
      </InLanguage>,
    );
    const deaths = await screen.findByRole('region', { name: /^Погибшие/ });
    expect(within(deaths).getByText('Источники расходятся')).toBeTruthy();
    expect(screen.getByRole('region', { name: /^Задержанные/ }).querySelector('.claim-value')?.textContent).toBe('почти 9\u00a0900');
    await screen.findByRole('region', { name: /^январь 2022/ });
    expect(screen.getByRole('region', { name: '1 документ без даты' })).toBeTruthy();
    expect(screen.getByRole('toolbar', { name: 'Найденные документы по месяцам' })).toBeTruthy();
    expect(screen.getByText(/Не показано: 2 документа без даты/)).toBeTruthy();
    expect(leftInEnglish(english.figures)).toEqual([]);
    // "last week", "Last year" are the documents' own words, not the interface's.
    expect(leftInEnglish(english.timeline).filter((text) => !TIMELINE.some((e) => e.text.toLowerCase().includes(text)))).toEqual([]);
  });
});
