// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResultOf } from '../../src/core/api/types';
import { ApiCallError, type CasefileClient } from '../../src/renderer/src/api/client';
import { DossierVerify } from '../../src/renderer/src/components/DossierVerify';
import { IngestReportDialog } from '../../src/renderer/src/components/IngestReportDialog';
import { SearchPanel } from '../../src/renderer/src/components/SearchPanel';
import { InLanguage } from '../../src/renderer/src/i18n';
import { INITIAL_SEARCH, type SearchSettings } from '../../src/renderer/src/search/settings';
import { messages as english } from '../../src/shared/i18n/en/messages';
import { fakeClient, READY } from './fake-client';
import { stubLayout } from './reader-fixtures';
import { everythingSaid } from './russian-checks';

beforeAll(stubLayout);
afterEach(cleanup);

function ru(children: ReactNode) {
  return <InLanguage language="ru">{children}</InLanguage>;
}

function SearchHarness({ client }: { client: CasefileClient }) {
  const [settings, setSettings] = useState<SearchSettings>(INITIAL_SEARCH);
  return <SearchPanel client={client} settings={settings} onSettingsChange={setSettings} openId={null} onOpen={() => undefined} archiveRevision={0} />;
}

/** A search refused as the core refuses a query whose quote is never closed (its English, its code and its place). */
function refusingClient(messageCode: { key: string; args: Record<string, string | number> } | undefined) {
  return fakeClient({
    indexStatus: () => READY,
    search: ({ query }) => {
      throw new ApiCallError({ code: 'invalid-query', message: english['query.unclosedQuote'](), span: { start: query.indexOf('"'), end: query.indexOf('"') + 1 }, messageCode });
    },
  });
}

function submitQuery(query: string) {
  const box = screen.getByLabelText('Поиск по архиву');
  fireEvent.change(box, { target: { value: query } });
  fireEvent.keyDown(box, { key: 'Enter' });
}

describe('the core’s sentences in Russian', () => {
  it('a query that cannot be read: the error says it in Russian, with the place, and no English is left', async () => {
    render(ru(<SearchHarness client={refusingClient({ key: 'query.unclosedQuote', args: {} })} />));
    submitQuery('oil "workers');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('кавычка не закрыта: добавьте закрывающую "')).toBeTruthy();
    expect(everythingSaid()).not.toContain(english['query.unclosedQuote']());
    expect(everythingSaid()).not.toContain('never closed');
  });

  it('a code the interface does not know (another version of the core) is said in the core’s English', async () => {
    render(ru(<SearchHarness client={refusingClient({ key: 'query.somethingNew', args: {} })} />));
    submitQuery('oil "workers');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(english['query.unclosedQuote']())).toBeTruthy();
  });

  it('the ingest report says why each file was left out in Russian', async () => {
    const report: ResultOf<'ingestReport'> = [
      { file: 'a.txt', status: 'indexed', reason: null, format: 'txt', encoding: 'UTF-8', sha256: 'a'.repeat(64) },
      {
        file: 'photo.jpg',
        status: 'skipped',
        reason: english['ingest.unsupportedFormat']({ extension: '.jpg' }),
        reasonCode: { key: 'ingest.unsupportedFormat', args: { extension: '.jpg' } },
        format: null,
        encoding: null,
        sha256: null,
      },
      { file: '.notes', status: 'skipped', reason: english['ingest.hiddenFile'](), reasonCode: { key: 'ingest.hiddenFile', args: {} }, format: null, encoding: null, sha256: null },
    ];
    render(ru(<IngestReportDialog client={fakeClient({ ingestReport: () => report })} revision={0} onClose={() => undefined} />));
    const table = await screen.findByRole('table');
    // The table is drawn before the report's rows arrive.
    expect(await within(table).findByText('формат не поддерживается (.jpg)')).toBeTruthy();
    expect(within(table).getByText('скрытый файл')).toBeTruthy();
    expect(everythingSaid()).not.toMatch(/not a supported format|hidden file/);
  });

  it('the dossier’s verification says each quote’s source, print and custody in Russian', async () => {
    const holds = { sha256: '0123456789abcdef', place: '10–42' };
    const changed = { ...holds, was: 'fedcba9876543210', text: 'other words' };
    const report: ResultOf<'verifyDossier'> = {
      title: 'The record',
      created: '2024-05-02T09:30:00.000Z',
      archiveRoot: '/archive',
      pages: 3,
      signature: { state: 'unsigned', subject: null, fingerprint: null },
      ledger: { state: 'ok', problem: null },
      ok: false,
      quotes: [
        {
          number: 1,
          id: '00000000-0000-4000-8000-000000000001',
          docId: '003.txt',
          source: 'ok',
          printed: 'ok',
          status: 'ok',
          detail: english['source.holds'](holds),
          detailCode: { key: 'source.holds', args: holds },
          printedDetail: english['print.ok']({ number: 1, page: 2 }),
          printedDetailCode: { key: 'print.ok', args: { number: 1, page: 2 } },
          page: 2,
          custody: english['custody.unchangedSinceFirstSeen']({ firstSeen: '2024-05-01T10:00:00.000Z' }),
          custodyCode: { key: 'custody.unchangedSinceFirstSeen', args: { firstSeen: '2024-05-01T10:00:00.000Z' } },
        },
        {
          number: 2,
          id: '00000000-0000-4000-8000-000000000002',
          docId: '004.txt',
          source: 'changed',
          printed: 'altered',
          status: 'failed',
          detail: english['source.changedOtherWords'](changed),
          detailCode: { key: 'source.changedOtherWords', args: changed },
          printedDetail: english['print.altered']({ number: 2, page: 3, problem: english['print.noWords']() }),
          printedDetailCode: { key: 'print.altered', args: { number: 2, page: 3, problem: { key: 'print.noWords', args: {} } } },
          page: 3,
          custody: english['custody.noLedger'](),
          custodyCode: { key: 'custody.noLedger', args: {} },
        },
      ],
    };
    render(ru(<DossierVerify client={fakeClient({ verifyDossier: () => report })} titles={new Map()} />));
    const file = new File(['%PDF-1.7 fake'], 'record.pdf', { type: 'application/pdf' });
    // jsdom's File has no arrayBuffer(); browsers' has.
    Object.defineProperty(file, 'arrayBuffer', { value: async () => new TextEncoder().encode('%PDF-1.7 fake').buffer });
    fireEvent.change(screen.getByLabelText('PDF досье'), { target: { files: [file] } });
    const shown = await screen.findByRole('region', { name: 'Отчёт о проверке' });
    await waitFor(() => expect(shown.textContent).toContain('символы 10–42 содержат цитату'));
    expect(shown.textContent).toContain('не менялся с тех пор, как впервые замечен 2024-05-01T10:00:00.000Z');
    expect(shown.textContent).toContain('напечатана как [1] на с. 2, слово в слово');
    expect(shown.textContent).toContain('теперь написано «other words»');
    expect(shown.textContent).toContain('[2] на с. 3: ни одно её слово не напечатано');
    expect(shown.textContent).toContain('журнала хранения под рукой нет');
    expect(everythingSaid()).not.toMatch(/hold the quote|first seen|word for word|source file changed|none of its words|custody ledger at hand/);
  });
});
