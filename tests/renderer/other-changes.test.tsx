// @vitest-environment jsdom
/**
 * Another Casefile process (the CLI, a second window) saves an annotation or a dossier while the app
 * is open: the app shows it without a reload, because it asks the shell for its data revision.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AnchoredAnnotation, Dossier, WorkstationInfo } from '../../src/core/api/types';
import { App } from '../../src/renderer/src/App';
import { annotation, fakeClient, READY } from './fake-client';
import { stubLayout } from './reader-fixtures';

beforeAll(stubLayout);
afterEach(cleanup);

const INFO: WorkstationInfo = { archiveRoot: '/archive', dataDir: '/data', documentCount: 2, skipped: [], storeProblem: null, index: READY };
const FROM_CLI = annotation({ id: '00000000-0000-4000-8000-000000000009', docId: '003.txt', quote: 'made by the command line', note: 'written by another process' });
const STAMP = '2026-01-01T00:00:00.000Z';
const dossier = (name: string, introduction: string): Dossier => ({
  id: '00000000-0000-4000-8000-0000000000d1',
  name,
  title: name,
  author: '',
  date: null,
  introduction,
  sections: [{ id: '00000000-0000-4000-8000-0000000000e1', heading: '', items: [] }],
  created: STAMP,
  modified: STAMP,
});

describe('changes made by another process', () => {
  it('show in All annotations and in the dossier without a reload', async () => {
    let revision = 0;
    let annotations: AnchoredAnnotation[] = [];
    let dossiers = [dossier('Strike', 'first version')];
    const client = fakeClient({
      info: () => INFO,
      indexStatus: () => READY,
      listTags: () => [],
      listDocuments: () => [],
      listAnnotations: () => annotations,
      listDossiers: () => dossiers,
      getDossier: ({ id }) => dossiers.find((d) => d.id === id) ?? dossiers[0],
      dataRevision: () => ({ data: revision, archive: 0 }),
    });
    render(<App client={client} />);
    fireEvent.click(screen.getByRole('tab', { name: 'All annotations' }));
    expect(await screen.findByText(/No annotations/i)).toBeTruthy();

    // The CLI saves an annotation; the shell counts a change it did not make.
    annotations = [FROM_CLI];
    dossiers = [dossier('Strike', 'second version, written elsewhere')];
    revision = 1;
    expect(await screen.findByText('written by another process', {}, { timeout: 8_000 })).toBeTruthy();
    expect(client.calls.filter((c) => c.method === 'listDossiers').length).toBeGreaterThanOrEqual(2);
  });
});

describe('changes counted before the window first asked', () => {
  it('are taken in once: what the views read before may predate them', async () => {
    let asked = false;
    const client = fakeClient({
      info: () => INFO,
      indexStatus: () => READY,
      listTags: () => (asked ? [{ tag: 'counted-before', count: 1 }] : []),
      listDocuments: () => [],
      listAnnotations: () => [],
      listDossiers: () => [],
      dataRevision: () => {
        asked = true;
        return { data: 1, archive: 0 };
      },
    });
    render(<App client={client} />);
    expect(await screen.findByRole('option', { name: 'counted-before (1)' }, { timeout: 8_000 })).toBeTruthy();
  });
});
