// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArgsOf } from '../../src/core/api/types';
import { DossierExport } from '../../src/renderer/src/components/DossierExport';
import { dossier } from './dossier-fixtures';
import { stubDownloads } from './downloads';
import { fakeClient } from './fake-client';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const RIS = 'TY  - GEN\nTI  - Notes on January\nER  - \n';

describe('the dossier export offers the sources for Zotero', () => {
  it('lists CSL-JSON, BibTeX and RIS, exports the chosen one for this dossier and saves the file', async () => {
    const { blobs, click } = stubDownloads();
    const D = dossier();
    const client = fakeClient({
      exportSources: ({ format }: ArgsOf<'exportSources'>) => ({
        fileName: `January.sources.${format === 'ris' ? 'ris' : 'x'}`,
        mediaType: 'application/x-research-info-systems',
        byteLength: RIS.length,
        base64: btoa(RIS),
        warnings: ['gone.txt is no longer in the archive: it has no reference to export'],
      }),
    });
    render(<DossierExport client={client} dossier={D} flush={async () => null} />);
    const group = screen.getByRole('group', { name: 'Export' });
    const select = within(group).getByLabelText<HTMLSelectElement>('Format');
    const labels = [...select.options].map((o) => o.text);
    expect(labels).toEqual(expect.arrayContaining(['Sources for Zotero: CSL-JSON', 'Sources for Zotero: BibTeX', 'Sources for Zotero: RIS']));
    // The dossier's own formats come first.
    expect(labels[0]).toBe('PDF (to read, print and verify)');

    fireEvent.change(select, { target: { value: 'sources-ris' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Export sources (RIS)' }));
    expect(await within(group).findByText('Saved January.sources.ris (1 KB).')).toBeTruthy();
    expect(client.calls.map((c) => [c.method, c.args])).toEqual([['exportSources', { dossier: D.id, format: 'ris' }]]);
    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs[0].type).toBe('application/x-research-info-systems');
    expect(blobs[0].size).toBe(RIS.length);
    expect(within(group).getByRole('alert').textContent).toContain('gone.txt is no longer in the archive');

    fireEvent.change(select, { target: { value: 'sources-csl-json' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Export sources (CSL-JSON)' }));
    await waitFor(() => expect(client.calls.at(-1)?.args).toEqual({ dossier: D.id, format: 'csl-json' }));
    fireEvent.change(select, { target: { value: 'sources-bibtex' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Export sources (BibTeX)' }));
    await waitFor(() => expect(client.calls.at(-1)?.args).toEqual({ dossier: D.id, format: 'bibtex' }));
    expect(client.calls.some((c) => c.method === 'exportDossier')).toBe(false);
  });
});
