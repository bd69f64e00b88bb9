// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArchiveDocument, DocumentSummary, OpenedDocument, ResultOf, WorkstationInfo } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { IngestReportDialog } from '../../src/renderer/src/components/IngestReportDialog';
import { MetadataDialog } from '../../src/renderer/src/components/MetadataDialog';
import { annotation, fakeClient, hit, READY, searchResult, type Handlers } from './fake-client';
import { archiveDocument, ReaderWithDefaults, selectInReader, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

type Entry = ResultOf<'ingestReport'>[number];
const sha = (c: string) => c.repeat(64);
const REPORT: Entry[] = [
  { file: 'a.txt', status: 'indexed', reason: null, format: 'txt', encoding: 'UTF-8', sha256: sha('a') },
  { file: 'russian/b.txt', status: 'indexed', reason: null, format: 'txt', encoding: 'windows-1251', sha256: sha('b') },
  { file: 'c.pdf', status: 'indexed', reason: null, format: 'pdf', encoding: null, sha256: sha('c') },
  { file: 'photo.jpg', status: 'skipped', reason: 'not a supported format (.jpg)', format: null, encoding: null, sha256: null },
  { file: '.hidden', status: 'skipped', reason: 'hidden file', format: null, encoding: null, sha256: null },
  { file: 'locked.txt', status: 'failed', reason: 'permission denied', format: 'txt', encoding: null, sha256: null },
];

const rowFiles = () => within(screen.getByRole('table')).queryAllByRole('rowheader').map((cell) => cell.textContent);

describe('the ingest report', () => {
  function renderReport(report = REPORT) {
    const client = fakeClient({ ingestReport: () => report });
    render(<IngestReportDialog client={client} revision={0} onClose={() => undefined} />);
    return client;
  }

  it('lists every file in a table with headers: outcome, reason, format, encoding and a short SHA-256', async () => {
    renderReport();
    const table = await screen.findByRole('table');
    // The sorted column's arrow is drawn for the eye; aria-sort says it to screen readers.
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['File', 'Outcome ▲', 'Format', 'Encoding', 'SHA-256']);
    await waitFor(() => expect(rowFiles()).toHaveLength(6));
    // Problems first: failed, then skipped, then indexed, each by name.
    expect(rowFiles()).toEqual(['locked.txt', '.hidden', 'photo.jpg', 'a.txt', 'c.pdf', 'russian/b.txt']);
    const russian = screen.getByRole('row', { name: /russian\/b\.txt/ });
    expect(within(russian).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Indexed', 'txt', 'windows-1251', 'bbbbbbbbbbbb…']);
    expect(within(russian).getByTitle(`SHA-256 ${sha('b')}`)).toBeTruthy();
    const jpg = screen.getByRole('row', { name: /photo\.jpg/ });
    expect(within(jpg).getAllByRole('cell')[0].textContent).toBe('Skipped not a supported format (.jpg)');
    // What skipped and failed mean, in words.
    expect(screen.getByText(/Left out on purpose/)).toBeTruthy();
    expect(screen.getByText(/tried to read it and could not/)).toBeTruthy();
    expect(screen.getByText('6 files in the archive folder: 3 indexed, 2 skipped, 1 failed.')).toBeTruthy();
  });

  it('filters by status with a count on each choice, and by file name', async () => {
    renderReport();
    await waitFor(() => expect(rowFiles()).toHaveLength(6));
    const choices = screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent);
    expect(choices).toEqual(['All 6', 'Indexed 3', 'Skipped 2', 'Failed 1']);

    fireEvent.click(screen.getByRole('radio', { name: /Skipped/ }));
    expect(rowFiles()).toEqual(['.hidden', 'photo.jpg']);
    fireEvent.click(screen.getByRole('radio', { name: /Failed/ }));
    expect(rowFiles()).toEqual(['locked.txt']);
    fireEvent.click(screen.getByRole('radio', { name: /Indexed/ }));
    expect(rowFiles()).toEqual(['a.txt', 'c.pdf', 'russian/b.txt']);

    fireEvent.change(screen.getByLabelText('File name contains'), { target: { value: 'RUSS' } });
    expect(rowFiles()).toEqual(['russian/b.txt']);
    fireEvent.change(screen.getByLabelText('File name contains'), { target: { value: 'nothing like it' } });
    expect(rowFiles()).toEqual([]);
    expect(screen.getByText('No files indexed match.')).toBeTruthy();
  });

  it('sorts by a column, both ways, and says so to screen readers', async () => {
    renderReport();
    await waitFor(() => expect(rowFiles()).toHaveLength(6));
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(header('Outcome').getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(within(header('File')).getByRole('button'));
    expect(header('File').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Outcome').getAttribute('aria-sort')).toBeNull();
    expect(rowFiles()).toEqual(['.hidden', 'a.txt', 'c.pdf', 'locked.txt', 'photo.jpg', 'russian/b.txt']);
    fireEvent.click(within(header('File')).getByRole('button'));
    expect(header('File').getAttribute('aria-sort')).toBe('descending');
    expect(rowFiles()?.[0]).toBe('russian/b.txt');

    // By encoding: files without one last.
    fireEvent.click(within(header('Encoding')).getByRole('button'));
    expect(rowFiles()?.slice(0, 2)).toEqual(['a.txt', 'russian/b.txt']);
  });

  it('shows a large folder 500 rows at a time', async () => {
    renderReport(Array.from({ length: 620 }, (_, i) => ({ ...REPORT[0], file: `f${String(i).padStart(4, '0')}.txt` })));
    await waitFor(() => expect(rowFiles()).toHaveLength(500));
    fireEvent.click(screen.getByRole('button', { name: 'Show all 620 rows (120 more)' }));
    expect(rowFiles()).toHaveLength(620);
  });
});

const TEXT = [
  'Protesters gathered in Almaty on Wednesday.',
  'Read More: Another story you may like',
  'Share This Article',
  'Police used tear gas.',
].join('\n');

function boilerplateDocument(): ArchiveDocument {
  const doc = archiveDocument('002.html', 'Uprisings', TEXT);
  return { ...doc, boilerplate: [doc.paragraphs[1], doc.paragraphs[2]] };
}

describe('the reader', () => {
  it('draws boilerplate dimmed and labelled in words, still selectable and highlightable at its offsets', async () => {
    const doc = boilerplateDocument();
    const readMore = TEXT.indexOf('Read More');
    const onCreate = vi.fn(async () => undefined);
    const { container } = render(
      <ReaderWithDefaults
        opened={{ document: doc, matches: [], matchKinds: [], terms: [] }}
        annotations={[annotation({ docId: doc.id, quote: 'Another story', start: TEXT.indexOf('Another story') })]}
        onCreate={onCreate}
      />,
    );
    const paragraphs = [...container.querySelectorAll<HTMLElement>('.doc-text p')];
    expect(paragraphs.map((p) => p.classList.contains('boilerplate'))).toEqual([false, true, true, false]);
    for (const p of paragraphs.slice(1, 3)) {
      expect(p.dataset.label).toBe('web page furniture — not searched');
      expect(p.title).toMatch(/left out of search/);
    }
    // The text is complete and the highlight inside the boilerplate is drawn.
    expect(paragraphs[1].textContent).toBe('Read More: Another story you may like');
    expect(paragraphs[1].querySelector('.hl')?.textContent).toBe('Another story');

    selectInReader(container, readMore, readMore + 'Read More'.length);
    fireEvent.keyDown(document.body, { key: 'h', code: 'KeyH' });
    await waitFor(() => expect(onCreate).toHaveBeenCalledWith(expect.objectContaining({ start: readMore, end: readMore + 9 })));
  });

  it('shows the document information: format and pages, encoding, publisher, the URL as plain text, dates, language, dateline', () => {
    const base = archiveDocument('report.pdf', 'A report', 'Page one.\nPage two.');
    const doc: ArchiveDocument = {
      ...base,
      format: 'pdf',
      encoding: null,
      pages: [base.paragraphs[0], base.paragraphs[1]],
      publisher: 'Human Rights Watch',
      url: 'https://www.hrw.org/report/2022/kazakhstan',
      retrieved: { text: '2022-03-01', iso: '2022-03-01' },
      language: 'ru',
      dateline: 'ALMATY, Kazakhstan',
    };
    render(<ReaderWithDefaults opened={{ document: doc, matches: [], matchKinds: [], terms: [] }} onEditMetadata={() => undefined} />);
    const info = screen.getByLabelText('Document information');
    const pairs = [...info.querySelectorAll('div')].map((d) => `${d.querySelector('dt')?.textContent}: ${d.querySelector('dd')?.textContent}`);
    expect(pairs).toEqual([
      'Format: PDF · 2 pages',
      'Publisher: Human Rights Watch',
      'URL: https://www.hrw.org/report/2022/kazakhstan',
      'Retrieved: 2022-03-01',
      'Language: Russian (ru)',
      'Dateline: ALMATY, Kazakhstan',
    ]);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit metadata…' })).toBeTruthy();
  });
});

function summaryOf(doc: ArchiveDocument): DocumentSummary {
  const { text: _text, paragraphs: _paragraphs, ...summary } = doc;
  return summary;
}

const CORRECTABLE: ArchiveDocument = {
  ...archiveDocument('003.txt', 'Kazakhstan unrest', 'Tokayev ordered security forces to fire without warning.'),
  byline: 'A. Writer',
  date: { text: 'Sat. Jan 22nd, 2022', iso: '2022-01-22' },
  publisher: 'Radio Free Europe',
  language: 'en',
};

describe('the metadata form', () => {
  it('sends only the fields changed, an emptied one as "" to clear the correction, and says the source file is never changed', async () => {
    const onSaved = vi.fn();
    const onClose = vi.fn();
    const client = fakeClient({
      getDocumentMetadata: () => ({ publisher: 'Radio Free Europe' }),
      setDocumentMetadata: ({ id: _id, ...edit }) => ({ ...summaryOf(CORRECTABLE), title: edit.title ?? CORRECTABLE.title, publisher: null }),
    });
    render(<MetadataDialog client={client} document={summaryOf(CORRECTABLE)} onClose={onClose} onSaved={onSaved} />);
    const dialog = screen.getByRole('dialog', { name: 'Edit metadata' });
    expect(dialog.textContent).toMatch(/kept in Casefile’s data folder; the source file 003\.txt is never changed/);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Kazakhstan unrest');
    expect((screen.getByLabelText('Date published') as HTMLInputElement).value).toBe('2022-01-22');
    // The field the user corrected before says so.
    expect(await screen.findByText('· your correction')).toBeTruthy();
    expect(screen.getByLabelText(/Publisher or source/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '  Corrected title ' } });
    fireEvent.change(screen.getByLabelText(/Publisher or source/), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Retrieved on'), { target: { value: '2024-05-01' } });
    // Changed and changed back: not sent.
    fireEvent.change(screen.getByLabelText('Byline (author)'), { target: { value: 'Someone' } });
    fireEvent.change(screen.getByLabelText('Byline (author)'), { target: { value: 'A. Writer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(client.calls.filter((c) => c.method === 'setDocumentMetadata').map((c) => c.args)).toEqual([
      { id: '003.txt', title: 'Corrected title', publisher: '', retrieved: '2024-05-01' },
    ]);
    expect(onSaved.mock.calls[0][0]).toMatchObject({ title: 'Corrected title', publisher: null });
    expect(onClose).toHaveBeenCalled();
  });

  it('sends nothing when nothing changed, and keeps the form open with the message when saving fails', async () => {
    const onClose = vi.fn();
    const client = fakeClient({
      getDocumentMetadata: () => ({}),
      setDocumentMetadata: () => {
        throw new Error('setDocumentMetadata: date: must be a date written YYYY-MM-DD');
      },
    });
    render(<MetadataDialog client={client} document={summaryOf(CORRECTABLE)} onClose={onClose} onSaved={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(client.calls.some((c) => c.method === 'setDocumentMetadata')).toBe(false);

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'kk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'setDocumentMetadata: date: must be a date written YYYY-MM-DD');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY };

/** The App over one document whose title the metadata form can change; every answer recorded. */
function appClient(handlers: Handlers = {}) {
  let doc = CORRECTABLE;
  const client = fakeClient({
    info: () => INFO,
    indexStatus: () => READY,
    listTags: () => [],
    listDocuments: () => [summaryOf(doc)],
    listAnnotations: () => [annotation({ docId: doc.id, quote: 'Tokayev', start: 0 })],
    search: ({ query }) => searchResult(query, [hit({ id: doc.id, title: doc.title })]),
    getDocument: (): OpenedDocument => ({ document: doc, matches: [], matchKinds: [], terms: [] }),
    getDocumentMetadata: () => ({}),
    setDocumentMetadata: ({ title }) => {
      doc = { ...doc, title: title || CORRECTABLE.title };
      return summaryOf(doc);
    },
    ...handlers,
  });
  return client;
}

const callsOf = (client: ReturnType<typeof appClient>, method: string) => client.calls.filter((c) => c.method === method);

describe('in the app', () => {
  it('the archive line opens the ingest report', async () => {
    const client = appClient({ info: () => ({ ...INFO, skipped: [{ id: 'photo.jpg', reason: 'not a supported format (.jpg)' }] }), ingestReport: () => REPORT });
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: '1 document (1 file not indexed) · /archive Ingest report' }));
    expect(await screen.findByRole('dialog', { name: 'Ingest report' })).toBeTruthy();
    await waitFor(() => expect(rowFiles()).toHaveLength(6));
  });

  it('a corrected title shows in the reader, the result list and the sidebar', async () => {
    const client = appClient();
    render(<App client={client} />);
    fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Tokayev' } });
    fireEvent.click(await screen.findByRole('button', { name: /Kazakhstan unrest/ }));
    await screen.findByRole('heading', { name: 'Kazakhstan unrest' });
    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    expect(await screen.findByRole('heading', { name: 'Kazakhstan unrest', level: 3 })).toBeTruthy();
    const searches = callsOf(client, 'search').length;

    fireEvent.click(screen.getByRole('button', { name: 'Edit metadata…' }));
    fireEvent.change(await screen.findByLabelText('Title'), { target: { value: 'The January events' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));

    expect(await screen.findByRole('heading', { name: 'The January events', level: 1 })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /The January events/ })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'The January events', level: 3 })).toBeTruthy();
    expect(callsOf(client, 'search').length).toBeGreaterThan(searches);
    expect(screen.getByText('Metadata saved in Casefile’s data folder; the source file is unchanged.')).toBeTruthy();
  });

  const ADDED: Entry[] = [
    { file: 'story (2).txt', status: 'indexed', reason: null, format: 'txt', encoding: 'windows-1251', sha256: sha('d') },
    { file: 'photo.jpg', status: 'skipped', reason: 'not a supported format (.jpg)', format: null, encoding: null, sha256: null },
  ];
  const FILES = () => [new File(['Hello'], 'story.txt', { type: 'text/plain' }), new File([new Uint8Array([0xff, 0xd8])], 'photo.jpg', { type: 'image/jpeg' })];

  it('Add files… sends the chosen files as base64 and shows what became of each, with the new name of a renamed one', async () => {
    const client = appClient({ addFiles: () => ADDED });
    render(<App client={client} />);
    fireEvent.change(screen.getByLabelText('Search the archive'), { target: { value: 'Tokayev' } });
    await screen.findByRole('button', { name: /Kazakhstan unrest/ });
    const searches = callsOf(client, 'search').length;
    const infos = callsOf(client, 'info').length;

    fireEvent.change(screen.getByLabelText('Add files to the archive'), { target: { files: FILES() } });
    const dialog = await screen.findByRole('dialog', { name: 'Files added' });
    expect(callsOf(client, 'addFiles').map((c) => c.args)).toEqual([
      { files: [{ name: 'story.txt', base64: btoa('Hello') }, { name: 'photo.jpg', base64: btoa('\xff\xd8') }] },
    ]);
    const rows = within(dialog).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['story.txt', 'Indexed', 'story (2).txt (renamed: a file of that name is already in the archive)'],
      ['photo.jpg', 'Skipped not a supported format (.jpg)', 'photo.jpg'],
    ]);
    expect(within(dialog).getByRole('status').textContent).toMatch(/^2 files: 1 indexed, 1 skipped\. Copies are in the archive folder/);
    // The counts and the search are asked for again.
    await waitFor(() => expect(callsOf(client, 'search').length).toBeGreaterThan(searches));
    expect(callsOf(client, 'info').length).toBeGreaterThan(infos);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('files dragged over the window show a drop zone; dropped, they are added', async () => {
    const client = appClient({ addFiles: () => ADDED });
    render(<App client={client} />);
    const files = FILES();
    const dataTransfer = { types: ['Files'], files, dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByText('Drop files to add them to the archive')).toBeTruthy();
    // Crossing into a child and back out keeps it; leaving the window hides it.
    fireEvent.dragEnter(window, { dataTransfer });
    fireEvent.dragLeave(window, { dataTransfer });
    expect(screen.getByText('Drop files to add them to the archive')).toBeTruthy();
    fireEvent.dragLeave(window, { dataTransfer });
    expect(screen.queryByText('Drop files to add them to the archive')).toBeNull();
    // A drag that carries no files (reordering the dossier) shows nothing.
    fireEvent.dragEnter(window, { dataTransfer: { types: ['text/plain'], files: [] } });
    expect(screen.queryByText('Drop files to add them to the archive')).toBeNull();

    fireEvent.dragEnter(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByText('Drop files to add them to the archive')).toBeNull();
    expect(await screen.findByRole('dialog', { name: 'Files added' })).toBeTruthy();
    expect((callsOf(client, 'addFiles')[0].args as { files: Array<{ name: string }> }).files.map((f) => f.name)).toEqual(['story.txt', 'photo.jpg']);
  });

  it('the progress dialog may be hidden; the outcome then comes as a message', async () => {
    let answer: (entries: Entry[]) => void = () => undefined;
    const client = appClient({ addFiles: () => new Promise<Entry[]>((resolve) => (answer = resolve)) });
    render(<App client={client} />);
    fireEvent.change(screen.getByLabelText('Add files to the archive'), { target: { files: FILES() } });
    const dialog = await screen.findByRole('dialog', { name: 'Adding files' });
    expect(within(dialog).getByRole('progressbar')).toBeTruthy();
    await waitFor(() => expect(callsOf(client, 'addFiles')).toHaveLength(1));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hide (the files are still added)' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    answer(ADDED);
    expect(await screen.findByText('Files added — 2 files: 1 indexed, 1 skipped')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a refused call is said for each of its files, never thrown away', async () => {
    const client = appClient({
      addFiles: () => {
        throw new Error('request body over 209715200 bytes');
      },
    });
    render(<App client={client} />);
    fireEvent.change(screen.getByLabelText('Add files to the archive'), { target: { files: FILES() } });
    const dialog = await screen.findByRole('dialog', { name: 'Files added' });
    const rows = within(dialog).getAllByRole('row').slice(1).map((row) => row.children[1].textContent);
    expect(rows).toEqual(['Not added request body over 209715200 bytes', 'Not added request body over 209715200 bytes']);
    expect(within(dialog).getByRole('status').textContent).toMatch(/^2 files: 2 not added\./);
  });
});
