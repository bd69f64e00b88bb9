// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkstationInfo } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { annotation, fakeClient, READY, type Handlers } from './fake-client';
import { stubDownloads } from './downloads';
import { stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 1, skipped: [], storeProblem: null, index: READY };

function appClient(handlers: Handlers) {
  return fakeClient({ info: () => INFO, indexStatus: () => READY, listTags: () => [], listAnnotations: () => [], listDocuments: () => [], ...handlers });
}

describe('preferences', () => {
  it('set the author once; the sidebar shows each annotation’s author', async () => {
    let author = '';
    const client = appClient({
      getPreferences: () => ({ author, recentArchives: [], language: 'system' as const }),
      setPreferences: (changes) => {
        author = changes.author ?? author;
        return { author, recentArchives: [], language: 'system' as const };
      },
      listAnnotations: () => [annotation({ author: 'Dana K.' }), annotation({ id: '00000000-0000-4000-8000-000000000002', start: 40, author: '' })],
    });
    render(<App client={client} />);
    fireEvent.click(screen.getByRole('button', { name: 'Preferences…' }));
    const dialog = screen.getByRole('dialog', { name: 'Preferences' });
    await waitFor(() => expect(client.calls.some((c) => c.method === 'getPreferences')).toBe(true));
    fireEvent.change(within(dialog).getByLabelText('Author name'), { target: { value: 'Dana K.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.calls.find((c) => c.method === 'setPreferences')?.args).toEqual({ author: 'Dana K.' });
    expect(await screen.findByText('Preferences saved.')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    expect(await screen.findByText('by Dana K.')).toBeTruthy();
    expect(screen.getAllByText(/^by /)).toHaveLength(1);
  });
});

describe('a damaged annotation store', () => {
  it('offers Restore from backup, says the damaged file is kept, and refreshes', async () => {
    const problem = { file: '/data/annotations.json', backupFile: '/data/annotations.json.bak', message: 'The annotation store /data/annotations.json is not valid JSON.' };
    const client = appClient({
      info: () => ({ ...INFO, storeProblem: problem }),
      restoreAnnotationBackup: () => INFO,
    });
    render(<App client={client} />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain(problem.message);
    expect(banner.textContent).toContain('The damaged file is kept');
    const before = client.calls.filter((c) => c.method === 'listTags').length;
    fireEvent.click(within(banner).getByRole('button', { name: 'Restore from backup' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(client.calls.some((c) => c.method === 'restoreAnnotationBackup')).toBe(true);
    await waitFor(() => expect(client.calls.filter((c) => c.method === 'listTags').length).toBeGreaterThan(before));
    expect(screen.getByText(/restored from the backup; the damaged file is kept/)).toBeTruthy();
  });

  it('says why a restore failed', async () => {
    const problem = { file: '/d/a.json', backupFile: '/d/a.json.bak', message: 'Damaged.' };
    const client = appClient({
      info: () => ({ ...INFO, storeProblem: problem }),
      restoreAnnotationBackup: () => {
        throw new Error('the backup cannot be used either');
      },
    });
    render(<App client={client} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from backup' }));
    expect(await screen.findByText('Could not restore: the backup cannot be used either')).toBeTruthy();
  });
});

describe('export and import of annotations', () => {
  it('exports in the chosen format and grouping as a download', async () => {
    const { blobs, click } = stubDownloads();
    const client = appClient({
      exportAnnotations: ({ format }) => ({ fileName: `casefile-annotations.${format}`, mediaType: 'text/csv', content: 'created,document\n' }),
    });
    render(<App client={client} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export / import annotations…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export or import annotations' });
    expect((within(dialog).getByLabelText('Group by') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Format'), { target: { value: 'csv' } });
    fireEvent.change(within(dialog).getByLabelText('Group by'), { target: { value: 'tag' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export annotations' }));
    expect(await within(dialog).findByText('Saved casefile-annotations.csv.')).toBeTruthy();
    expect(client.calls.find((c) => c.method === 'exportAnnotations')?.args).toEqual({ format: 'csv', groupBy: 'tag' });
    expect(click).toHaveBeenCalledTimes(1);
    expect([blobs[0].size, blobs[0].type]).toEqual([17, 'text/csv']);
  });

  it('in Electron, saves through the shell’s save dialog and says where', async () => {
    const saveFile = vi.fn(async () => ({ saved: true, path: '/home/dana/casefile-annotations.jsonld' }));
    window.casefile = {
      invoke: async () => ({ ok: false, error: { code: 'internal', message: 'unused' } }),
      saveFile,
      chooseFolder: async () => null,
      onCommand: () => () => undefined,
      copyAnnotationLink: async () => null,
      openOriginal: async () => ({ opened: false, error: null }),
      readOriginal: async () => ({ error: 'unused' }),
      onOpenAnnotation: () => () => undefined,
    };
    try {
      const client = appClient({
        exportAnnotations: () => ({ fileName: 'casefile-annotations.jsonld', mediaType: 'application/ld+json', content: '{"é":1}' }),
      });
      render(<App client={client} />);
      fireEvent.click(screen.getByRole('button', { name: 'Export / import annotations…' }));
      const dialog = screen.getByRole('dialog', { name: 'Export or import annotations' });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Export annotations' }));
      expect(await within(dialog).findByText('Saved /home/dana/casefile-annotations.jsonld.')).toBeTruthy();
      // UTF-8 bytes, base64: what the main process writes to disk.
      expect(saveFile).toHaveBeenCalledWith('casefile-annotations.jsonld', btoa('{"\u00c3\u00a9":1}'));

      saveFile.mockResolvedValueOnce({ saved: false } as never);
      fireEvent.click(within(dialog).getByRole('button', { name: 'Export annotations' }));
      expect(await within(dialog).findByText('Not saved.')).toBeTruthy();
    } finally {
      delete window.casefile;
    }
  });

  it('imports a JSON-LD file and reports what was added, updated, unchanged and refused', async () => {
    const client = appClient({
      importAnnotations: () => ({ added: 2, updated: 1, unchanged: 3, problems: [{ index: 4, message: 'target.selector: missing' }] }),
    });
    render(<App client={client} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export / import annotations…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export or import annotations' });
    const input = within(dialog).getByLabelText('W3C JSON-LD file (.jsonld, .json)') as HTMLInputElement;
    expect(input.accept).toContain('.jsonld');
    const content = '{"type":"AnnotationCollection"}';
    const file = new File([content], 'notes.jsonld', { type: 'application/ld+json' });
    // jsdom's File has no text(); browsers' has.
    Object.defineProperty(file, 'text', { value: async () => content });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await within(dialog).findByText('2 added, 1 updated, 3 unchanged.')).toBeTruthy();
    expect(client.calls.find((c) => c.method === 'importAnnotations')?.args).toEqual({ content: '{"type":"AnnotationCollection"}' });
    expect(within(dialog).getByRole('alert').textContent).toContain('Item 5: target.selector: missing');
  });
});
