// @vitest-environment jsdom
/** Exporting every annotation as a PDF: the file is saved, and items left out are said, not dropped silently. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportDialog } from '../../src/renderer/src/components/ExportDialog';
import { stubDownloads } from './downloads';
import { fakeClient } from './fake-client';

afterEach(cleanup);

describe('Export dossier (all annotations)', () => {
  it('saves the PDF and names what the export left out', async () => {
    const downloads = stubDownloads();
    const client = fakeClient({
      getPreferences: () => ({ author: 'A. Researcher', recentArchives: [], language: 'system' as const }),
      exportDossier: () => ({
        fileName: 'Casefile-dossier.pdf',
        mediaType: 'application/pdf',
        byteLength: 4,
        base64: btoa('%PDF'),
        warnings: ['annotation 1 left out: its source gone.txt is no longer in the archive'],
      }),
    });
    render(<ExportDialog client={client} onClose={() => undefined} />);
    await waitFor(() => expect((screen.getByLabelText('Author') as HTMLInputElement).value).toBe('A. Researcher'));
    fireEvent.click(screen.getByRole('button', { name: /^Export/ }));
    expect(await screen.findByText(/Left out: annotation 1 left out: its source gone\.txt/)).toBeTruthy();
    expect(downloads.blobs).toHaveLength(1);
    expect(client.calls.find((c) => c.method === 'exportDossier')?.args).toEqual({ dossier: null, format: 'pdf', title: 'Casefile dossier', author: 'A. Researcher' });
  });
});
