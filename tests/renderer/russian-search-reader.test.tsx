// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveDocument } from '../../src/core/api/types';
import { catalogueFor } from '../../src/shared/i18n/catalogue';
import { MetadataDialog } from '../../src/renderer/src/components/MetadataDialog';
import { SearchPanel } from '../../src/renderer/src/components/SearchPanel';
import { SourcePrintView } from '../../src/renderer/src/components/SourcePrintView';
import { InLanguage } from '../../src/renderer/src/i18n';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { fakeClient, hit, READY, searchResult, term } from './fake-client';
import { archiveDocument, ReaderWithDefaults, selectInReader, stubLayout } from './reader-fixtures';
import { englishWords, everythingSaid } from './russian-checks';

beforeAll(stubLayout);
afterEach(cleanup);

const english = catalogueFor('en');

/** The strings of an area's catalogue (those not also in the archive's own words) that are still shown in English. */
function leftInEnglish(part: object, except: readonly string[] = []): string[] {
  const said = everythingSaid();
  return englishWords(part).filter((text) => !except.includes(text) && said.includes(text));
}

function ru(children: ReactNode) {
  return <InLanguage language="ru">{children}</InLanguage>;
}

/** A two-page PDF in Russian, with a variant hit on each page. */
function russianPdf(): ArchiveDocument {
  const pages = ['Заседание комиссии.\nПредседатель Токаев открыл заседание.', 'Свидетель сказал, что площадь очистили.'];
  const doc = archiveDocument('zasedanie.pdf', 'Заседание', pages.join('\n'));
  const first = pages[0].length;
  return { ...doc, format: 'pdf', language: 'en', pages: [{ start: 0, end: first }, { start: first + 1, end: doc.text.length }] };
}

describe('the search pane and the reader in Russian', () => {
  it('the reader says its hits, page markers, document information and new-highlight toolbar in Russian', () => {
    const document = russianPdf();
    const at = document.text.indexOf('Токаев');
    const { container } = render(
      ru(
        <ReaderWithDefaults
          onEditMetadata={() => undefined}
          opened={{ document, matches: [[at, at + 6], [0, 9]], matchKinds: ['variant', 'exact'], terms: [term({ term: 'tokayev', occurrences: 2 })] }}
        />,
      ),
    );
    expect(screen.getByRole('region', { name: 'Чтение' })).toBeTruthy();
    expect(screen.getByText('Совпадение 1 из 2')).toBeTruthy();
    expect(screen.getByText('пунктир')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Следующее совпадение' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Изменить метаданные…' })).toBeTruthy();
    expect(screen.getAllByRole('separator').map((marker) => [marker.textContent, marker.getAttribute('aria-label')])).toEqual([
      ['с. 1', 'Страница 1 из 2'],
      ['с. 2', 'Страница 2 из 2'],
    ]);
    const info = screen.getByLabelText('Сведения о документе');
    expect(within(info).getByText('PDF · 2 страницы')).toBeTruthy();
    // The document's language is named in the interface's language.
    expect(within(info).getByText('английский (en)')).toBeTruthy();
    expect(container.querySelector('mark[data-kind="variant"]')?.getAttribute('title')).toBe('вариант имени');

    selectInReader(container, at, at + 6);
    fireEvent.mouseUp(container.querySelector('.doc-text')!);
    return screen.findByRole('dialog', { name: 'Новое выделение' }).then((toolbar) => {
      expect(within(toolbar).getByText(/Клавиши:/)).toBeTruthy();
      expect(leftInEnglish(english.reader, [english.reader.info.url])).toEqual([]);
    });
  });

  it('a captured web page shows its capture and digest state in Russian', () => {
    const document: ArchiveDocument = {
      ...archiveDocument('crawl.warc', 'Страница', 'Текст страницы.'),
      format: 'warc',
      capture: {
        url: 'https://example.kz/news',
        capturedAt: '2022-01-05T10:00:00Z',
        recordId: 'urn:uuid:1',
        payloadDigest: 'sha1:ABC',
        payloadDigestMatches: false,
        archiveFile: 'crawl.warc',
        warcName: null,
        httpStatus: 200,
        mediaType: 'text/html',
        redirectedFrom: ['http://example.kz/'],
      },
    };
    render(ru(<ReaderWithDefaults opened={{ document, matches: [], matchKinds: [], terms: [] }} />));
    const info = screen.getByLabelText('Сведения о документе');
    for (const label of ['Сохранено', 'Веб-архив', 'Запись WARC', 'Перенаправление с', 'Дайджест содержимого']) expect(within(info).getByText(label)).toBeTruthy();
    expect(within(info).getByText(/НЕ совпадает с сохранёнными байтами/)).toBeTruthy();
  });

  it('the search pane says its hint, options, results, terms and query syntax in Russian', async () => {
    const client = fakeClient({
      indexStatus: () => READY,
      search: ({ query }) =>
        searchResult(query, [hit({ matchCount: 5, exact: false, matchedVariants: ['Токаев'] })], {
          total: 12,
          terms: [term({ presence: 'required', occurrences: 39, documents: 4 })],
        }),
    });
    function Harness() {
      const [settings, setSettings] = useState<SearchSettings>(INITIAL_SEARCH);
      return <SearchPanel client={client} settings={settings} onSettingsChange={setSettings} openId={null} onOpen={() => undefined} archiveRevision={0} />;
    }
    render(ru(<Harness />));
    expect(screen.getByText(/Введите слова, чтобы искать/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Поиск по архиву'), { target: { value: 'Tokayev' } });
    expect(await screen.findByText('12 документов (показаны первые 1)')).toBeTruthy();
    expect(screen.getByText('5 совпадений', { exact: false })).toBeTruthy();
    expect(screen.getByText('только другое написание')).toBeTruthy();
    expect(screen.getByText('39 в 4 документах')).toBeTruthy();
    expect(screen.getByText('Синтаксис запросов')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Варианты имён' })).toBeTruthy();
    // The query language's own words (AND, title:) and the archive's are not the interface's.
    expect(leftInEnglish(english.search)).toEqual([]);
  });

  it('the metadata form and the page view are in Russian', () => {
    const document = russianPdf();
    const client = fakeClient({ getDocumentMetadata: () => ({ title: 'Заседание' }) });
    render(ru(<MetadataDialog client={client} document={document} onClose={() => undefined} onSaved={() => undefined} />));
    expect(screen.getByRole('dialog', { name: 'Изменить метаданные' })).toBeTruthy();
    expect(screen.getByLabelText(/Дата публикации/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Сохранить исправления' })).toBeTruthy();
    cleanup();

    render(ru(<SourcePrintView document={document} reference={null} onClose={() => undefined} />));
    expect(screen.getByRole('toolbar', { name: 'Постраничный вид' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Страница 2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Печать…' })).toBeTruthy();
    expect(leftInEnglish(english.reader.pageView)).toEqual([]);
  });
});
