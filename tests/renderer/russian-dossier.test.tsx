// @vitest-environment jsdom
/** Annotations and the dossier in Russian: their strings from the catalogue, none left in English, English as before. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResultOf, WorkstationInfo } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { InLanguage } from '../../src/renderer/src/i18n';
import { catalogueFor } from '../../src/shared/i18n/catalogue';
import { dossier, dossierServer, sections, uuid } from './dossier-fixtures';
import { annotation, fakeClient, READY } from './fake-client';
import { archiveDocument, stubLayout } from './reader-fixtures';
import { englishWords, everythingSaid } from './russian-checks';

beforeAll(stubLayout);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

const english = catalogueFor('en');

/** Names that are the same in every language (a format's name) are not left in English. */
const NAMES = new Set(['Markdown']);
const leftInEnglish = (part: object) => englishWords(part).filter((text) => !NAMES.has(text) && everythingSaid().includes(text));

const DOCUMENT = archiveDocument('003.txt', 'Kazakhstan unrest', 'Tokayev ordered security forces to fire without warning.');
const { text: _text, paragraphs: _paragraphs, ...SUMMARY } = DOCUMENT;
const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY };
const NOTED = annotation({ id: uuid(0, 1), docId: '003.txt', quote: 'Tokayev ordered security forces', note: 'The order itself', tags: ['timeline', 'orders'], author: 'Dana K.' });
const MOVED = annotation({ id: uuid(0, 2), docId: '003.txt', quote: 'to fire without warning', start: 32, status: 'moved', color: 'green' });
const FUZZY = annotation({ id: uuid(0, 3), docId: '003.txt', quote: 'fire without warning', start: 35, status: 'fuzzy', currentText: 'shoot without warning', color: 'blue' });
const GONE = annotation({ id: uuid(0, 4), docId: 'gone.txt', quote: 'a passage no longer there', status: 'orphaned', current: null });
const REPORT: ResultOf<'verifyDossier'> = {
  title: 'The record',
  created: '2024-05-02T09:30:00.000Z',
  archiveRoot: '/archive',
  pages: 9,
  signature: { state: 'unsigned', subject: null, fingerprint: null },
  ledger: { state: 'ok', problem: null },
  ok: false,
  quotes: [
    { number: 1, id: NOTED.id, docId: '003.txt', source: 'ok', status: 'ok', detail: 'characters 0–31 hold the quote', custody: 'as first seen', printed: 'ok', printedDetail: 'printed on p. 4', page: 4 },
    { number: 2, id: MOVED.id, docId: '003.txt', source: 'changed', status: 'failed', detail: 'the text reads otherwise', custody: 'as first seen', printed: 'ok', printedDetail: 'printed on p. 4', page: 4 },
  ],
};

function renderApp(language: 'en' | 'ru') {
  const server = dossierServer([dossier({ sections: sections([uuid(8, 1), 'Background', [NOTED.id]], [uuid(8, 2), '', [MOVED.id, GONE.id]]) })]);
  const client = fakeClient({
    info: () => INFO,
    indexStatus: () => READY,
    listTags: () => [{ tag: 'orders', count: 1 }, { tag: 'timeline', count: 1 }],
    listDocuments: () => [SUMMARY],
    listAnnotations: ({ docId }) => [NOTED, MOVED, FUZZY, GONE].filter((a) => !docId || a.target.docId === docId),
    getPreferences: () => ({ author: 'Dana K.', recentArchives: [], language }),
    verifyDossier: () => REPORT,
    ...server.handlers,
  });
  render(
    <InLanguage language={language}>
      <App client={client} />
    </InLanguage>,
  );
}

function choosePdf(label: string) {
  const file = new File(['%PDF-1.7 fake'], 'record.pdf', { type: 'application/pdf' });
  // jsdom's File has no arrayBuffer(); browsers' has.
  Object.defineProperty(file, 'arrayBuffer', { value: async () => new TextEncoder().encode('%PDF-1.7 fake').buffer });
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

describe('annotations and the dossier in Russian', () => {
  it('the sidebar: tabs, cards with note and tags, statuses, the comparison and the orphaned ones, all in Russian', async () => {
    renderApp('ru');
    fireEvent.click(await screen.findByRole('tab', { name: 'Все аннотации' }));
    const card = (await screen.findByRole('button', { name: `“${NOTED.target.quote.exact}”` })).closest('li')!;
    expect(within(card).getByText('автор: Dana K.')).toBeTruthy();
    expect(within(card).getByText('жёлтый')).toBeTruthy();
    expect(within(card).getByText('✓ В досье')).toBeTruthy();
    expect(screen.getByText('4 аннотации')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Потерянные/ })).toBeTruthy();
    expect(screen.getByText('перемещена')).toBeTruthy();
    expect(screen.getByText('нужна проверка')).toBeTruthy();
    expect(screen.getByText('Было')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Принять' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Любая метка' })).toBeTruthy();
    // Editing a card: its fields and buttons too.
    fireEvent.click(within(card).getByRole('button', { name: 'Изменить' }));
    expect(within(card).getByRole('textbox', { name: 'Изменить заметку' })).toBeTruthy();
    expect(within(within(card).getByRole('radiogroup', { name: 'Цвет' })).getByRole('radio', { name: 'жёлтый' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Отмена' })).toBeTruthy();
    expect(leftInEnglish(english.annotations)).toEqual([]);
  });

  it('the dossier pane and a verify report: Russian throughout, the core’s details as they came', async () => {
    renderApp('ru');
    fireEvent.click(await screen.findByRole('tab', { name: 'Досье' }));
    await screen.findByRole('navigation', { name: 'Структура досье' });
    await waitFor(() => expect(document.querySelector('.outline-counts')?.textContent).toBe('3 цитаты · 2 раздела · 2 источника'));
    expect(screen.getByRole('region', { name: 'Раздел 2 (без названия)' })).toBeTruthy();
    expect(screen.getAllByLabelText('Новые цитаты сюда')).toHaveLength(2);
    expect(screen.getByRole('listitem', { name: /^Цитата 1:/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Экспорт в PDF' })).toBeTruthy();
    // Keys stay keys inside the Russian sentence.
    expect([...screen.getByText(/Перетащите цитату/).querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', '↑', '↓', 'Alt', 'Shift', '↑', '↓', 'd']);

    choosePdf('PDF досье');
    const report = await screen.findByRole('region', { name: 'Отчёт о проверке' });
    expect(within(report).getByRole('alert').textContent).toBe('Не подтверждено: в порядке цитат: 1 из 2; изменено: 1, отсутствует: 0.');
    const states = within(report).getAllByRole('listitem').map((line) => line.querySelector('.verify-status')?.textContent);
    expect(states).toEqual(['изменена', 'без подписи', 'в порядке', 'в порядке']);
    expect(report.textContent).toContain('Источник: the text reads otherwise; as first seen');
    expect(leftInEnglish(english.dossier)).toEqual([]);
  });

  it('in English, the same screens read as before', async () => {
    renderApp('en');
    fireEvent.click(await screen.findByRole('tab', { name: 'Dossier' }));
    await screen.findByRole('navigation', { name: 'Dossier outline' });
    await waitFor(() => expect(document.querySelector('.outline-counts')?.textContent).toBe('3 quotes · 2 sections · 2 sources'));
    const hint = screen.getByText(/Drag a quote/);
    expect(hint.textContent).toBe(
      'Drag a quote by its handle, or focus it and press Alt+↑/↓ to move it; Alt+Shift+↑/↓ moves it to the section before or after. In the reader, d adds the focused highlight.',
    );
    await waitFor(() => expect(screen.getByRole('region', { name: 'Section 2 (untitled)' })).toBeTruthy());
  });
});
