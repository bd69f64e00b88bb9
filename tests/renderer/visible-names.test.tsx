// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResultOf } from '../../src/core/api/types';
import { IngestReportDialog } from '../../src/renderer/src/components/IngestReportDialog';
import { MetadataDialog } from '../../src/renderer/src/components/MetadataDialog';
import { fakeClient } from './fake-client';
import { archiveDocument, ReaderWithDefaults, stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

type Entry = ResultOf<'ingestReport'>[number];

/** Reads as "invoiceexe.pdf" when the override is obeyed; it is an .exe. */
const SPOOFED = 'invoice\u202Efdp.exe';
const SPOOFED_SHOWN = 'invoice[U+202E]fdp.exe';
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

describe('file names with invisible characters', () => {
  it('are shown in the ingest report with the bidirectional override and control characters written out', async () => {
    const report: Entry[] = [
      { file: `reports/${SPOOFED}`, status: 'skipped', reason: 'not a supported format (.exe)', format: null, encoding: null, sha256: null },
      { file: 'isolate\u2067x\u2069.txt', status: 'indexed', reason: null, format: 'txt', encoding: 'UTF-8', sha256: 'a'.repeat(64) },
      { file: 'tab\there.txt', status: 'skipped', reason: 'unusable as a document id', format: null, encoding: null, sha256: null },
    ];
    render(<IngestReportDialog client={fakeClient({ ingestReport: () => report })} revision={0} onClose={() => undefined} />);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).queryAllByRole('rowheader')).toHaveLength(3));
    const names = within(table).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(names).toEqual(expect.arrayContaining([`reports/${SPOOFED_SHOWN}`, 'isolate[U+2067]x[U+2069].txt', 'tab[U+0009]here.txt']));
    expect(table.textContent).not.toMatch(BIDI_CONTROLS);
  });

  it('are shown in the reader and the metadata dialog with the override written out', () => {
    const document = archiveDocument(SPOOFED, 'Quarterly invoice', 'Quarterly invoice\nThe amount is due in March.');
    const { container } = render(<ReaderWithDefaults opened={{ document, matches: [], matchKinds: [], terms: [] }} />);
    expect(container.querySelector('.doc-meta')?.textContent).toContain(SPOOFED_SHOWN);
    expect(container.textContent).not.toMatch(BIDI_CONTROLS);
    cleanup();
    const client = fakeClient({ getDocumentMetadata: () => ({}) });
    render(<MetadataDialog client={client} document={document} onSaved={() => undefined} onClose={() => undefined} />);
    expect(screen.getByText(SPOOFED_SHOWN)).toBeTruthy();
  });
});
