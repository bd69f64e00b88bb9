// @vitest-environment jsdom
/** The app's frame, the ingest report and the commands in Russian: every string from their catalogues, none left in English. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResultOf, WorkstationInfo } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { CommandPalette } from '../../src/renderer/src/commands/CommandPalette';
import { ShortcutsSheet } from '../../src/renderer/src/commands/ShortcutsSheet';
import { IngestReportDialog } from '../../src/renderer/src/components/IngestReportDialog';
import { PreferencesDialog } from '../../src/renderer/src/components/PreferencesDialog';
import { InLanguage, LanguageProvider } from '../../src/renderer/src/i18n';
import { catalogueFor } from '../../src/shared/i18n/catalogue';
import { fakeClient, READY } from './fake-client';
import { stubLayout } from './reader-fixtures';
import { englishWords, everythingSaid } from './russian-checks';

beforeAll(stubLayout);
afterEach(cleanup);

const english = catalogueFor('en');

function leftInEnglish(part: object): string[] {
  const said = everythingSaid();
  return englishWords(part).filter((text) => said.includes(text));
}

const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 5, skipped: [{ id: 'a.jpg', reason: 'not a supported format (.jpg)' }], storeProblem: null, index: READY };
type Entry = ResultOf<'ingestReport'>[number];
const REPORT: Entry[] = [
  { file: 'a.txt', status: 'indexed', reason: null, format: 'txt', encoding: 'UTF-8', sha256: 'a'.repeat(64) },
  { file: 'photo.jpg', status: 'skipped', reason: 'not a supported format (.jpg)', format: null, encoding: null, sha256: null },
  { file: 'locked.txt', status: 'failed', reason: 'permission denied', format: 'txt', encoding: null, sha256: null },
];

function appClient() {
  return fakeClient({
    info: () => INFO,
    indexStatus: () => READY,
    listTags: () => [],
    listDocuments: () => [],
    listAnnotations: () => [],
    listDossiers: () => [],
    ingestReport: () => REPORT,
    getPreferences: () => ({ author: '', recentArchives: [], language: 'ru' }),
  });
}

describe('the app in Russian', () => {
  it('shows the top bar and the empty reader in Russian, with nothing of their catalogue left in English', async () => {
    render(
      <InLanguage language="ru">
        <App client={appClient()} />
      </InLanguage>,
    );
    expect(await screen.findByText('5 документов (не проиндексировано: 1 файл)')).toBeTruthy();
    expect(screen.getByTitle('/archive').textContent).toBe('/archive');
    expect(screen.getByRole('heading', { name: 'Статья не открыта' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Открыть архив…' })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Тема: авто' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Аннотации' })).toBeTruthy();
    expect(leftInEnglish(english.app.topBar)).toEqual([]);
    expect(leftInEnglish(english.app.emptyReader)).toEqual([]);
    // The keys stay keys in the Russian sentences.
    expect([...screen.getByText(/Затем/).querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['J', 'Shift', 'H', 'N', 'T', 'D']);
  });

  it('says what a command cannot do in Russian', async () => {
    render(
      <InLanguage language="ru">
        <App client={appClient()} />
      </InLanguage>,
    );
    await screen.findByRole('heading', { name: 'Статья не открыта' });
    fireEvent.keyDown(window, { key: 'j', code: 'KeyJ' });
    expect(await screen.findByText('Сначала откройте статью.')).toBeTruthy();
  });

  it('shows the ingest report in Russian', async () => {
    render(
      <InLanguage language="ru">
        <IngestReportDialog client={fakeClient({ ingestReport: () => REPORT })} revision={0} onClose={() => undefined} />
      </InLanguage>,
    );
    expect(await screen.findByText('В папке архива 3 файла: проиндексировано — 1, пропущено — 1, с ошибкой — 1.')).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Файл', 'Результат ▲', 'Формат', 'Кодировка', 'SHA-256']);
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual(['Все 3', 'Проиндексирован 1', 'Пропущен 1', 'Ошибка 1']);
    expect(leftInEnglish(english.ingest.report)).toEqual([]);
    expect(leftInEnglish(english.ingest.meanings)).toEqual([]);
  });

  it('lists and finds the commands by their Russian titles, in the palette and the shortcuts sheet', () => {
    render(
      <InLanguage language="ru">
        <CommandPalette onRun={() => undefined} onClose={() => undefined} />
      </InLanguage>,
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Команда' }), { target: { value: 'досье' } });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toContain('Экспорт досье…Открывает досье на кнопке «Экспорт» (PDF, Markdown или манифест)Ctrl+E');
    cleanup();
    render(
      <InLanguage language="ru">
        <ShortcutsSheet onClose={() => undefined} />
      </InLanguage>,
    );
    expect(screen.getByRole('heading', { name: 'Правка' })).toBeTruthy();
    expect(screen.getByText('Выделить фрагмент')).toBeTruthy();
    expect(leftInEnglish(english.commands.titles)).toEqual([]);
    expect(leftInEnglish(english.commands.sheet)).toEqual([]);
  });
});

describe('the language preference', () => {
  it('switches the interface as soon as a language is chosen, and saves the choice', async () => {
    let preferences: ResultOf<'getPreferences'> = { author: 'A. Reader', recentArchives: [], language: 'en' };
    const client = fakeClient({
      getPreferences: () => preferences,
      setPreferences: (changes) => (preferences = { ...preferences, ...changes }),
    });
    render(
      <LanguageProvider client={client}>
        <PreferencesDialog client={client} onClose={() => undefined} onSaved={() => undefined} />
      </LanguageProvider>,
    );
    const select = await screen.findByRole('combobox', { name: 'Language' });
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe('en'));
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['System', 'English', 'Русский']);
    fireEvent.change(select, { target: { value: 'ru' } });
    expect(await screen.findByRole('combobox', { name: 'Язык' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Настройки' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');
    expect(preferences.language).toBe('ru');
    // The author's name, not yet saved, is left as it was.
    expect(preferences.author).toBe('A. Reader');
  });
});
