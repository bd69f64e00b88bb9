// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DossierExport } from '../../src/renderer/src/components/DossierExport';
import { dossier } from './dossier-fixtures';
import { stubDownloads } from './downloads';
import { fakeClient } from './fake-client';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const BYTES = 'PK\u0003\u0004 a Word document';

describe('the dossier export offers a Word document', () => {
  it('lists it among the dossier’s formats, exports this dossier as docx and saves the file with its media type', async () => {
    const { blobs, click } = stubDownloads();
    const D = dossier();
    const client = fakeClient({
      exportDossier: () => ({ fileName: 'January.docx', mediaType: DOCX_MEDIA_TYPE, byteLength: BYTES.length, base64: btoa(BYTES), warnings: [] }),
    });
    render(<DossierExport client={client} dossier={D} flush={async () => null} />);
    const group = screen.getByRole('group', { name: 'Export' });
    const select = within(group).getByLabelText<HTMLSelectElement>('Format');
    const labels = [...select.options].map((o) => o.text);
    // With the dossier's own formats, before the sources for a reference manager.
    expect(labels.indexOf('Word document (.docx)')).toBeGreaterThan(0);
    expect(labels.indexOf('Word document (.docx)')).toBeLessThan(labels.findIndex((l) => l.startsWith('Sources for Zotero')));

    fireEvent.change(select, { target: { value: 'docx' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Export Word document' }));
    expect(await within(group).findByText('Saved January.docx (1 KB).')).toBeTruthy();
    expect(client.calls.map((c) => [c.method, c.args])).toEqual([['exportDossier', { dossier: D.id, format: 'docx' }]]);
    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs[0].type).toBe(DOCX_MEDIA_TYPE);
    expect(blobs[0].size).toBe(BYTES.length);
  });
});
