// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultOf } from '../../src/core/api/types';
import { FolderBrowser } from '../../src/renderer/src/components/FolderBrowser';
import { fakeClient } from './fake-client';

afterEach(cleanup);

type FolderListing = ResultOf<'listFolders'>;

const FOLDERS: Record<string, FolderListing> = {
  '/home/reporter': { path: '/home/reporter', parent: '/home', folders: [{ name: 'Archives', path: '/home/reporter/Archives' }] },
  '/home/reporter/Archives': { path: '/home/reporter/Archives', parent: '/home/reporter', folders: [] },
  '/home': { path: '/home', parent: '/', folders: [{ name: 'reporter', path: '/home/reporter' }] },
};

describe('the folder browser', () => {
  it('shows the folder asked for last when an earlier listing answers after it', async () => {
    // Archives answers only when released; every other folder at once.
    let releaseArchives = (): void => undefined;
    const client = fakeClient({
      listFolders: ({ path = '/home/reporter' }) =>
        path === '/home/reporter/Archives' ? new Promise<FolderListing>((resolve) => (releaseArchives = () => resolve(FOLDERS[path]))) : FOLDERS[path],
    });
    const browsed: string[] = [];
    render(<FolderBrowser client={client} start="/home/reporter" onBrowse={(p) => browsed.push(p)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Archives' }));
    // Still showing /home/reporter: Up goes to /home, which answers first.
    fireEvent.click(screen.getByRole('button', { name: '↑ Up' }));
    expect(await screen.findByRole('list', { name: 'Folders in /home' })).toBeTruthy();
    await act(async () => releaseArchives());
    expect(screen.getByRole('list', { name: 'Folders in /home' })).toBeTruthy();
    expect(browsed.at(-1)).toBe('/home');
  });
});
