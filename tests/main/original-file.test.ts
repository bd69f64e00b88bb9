import path from 'node:path';
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation } from '../../src/core/workstation';
import type { SenderEvent } from '../../src/main/ipc';
import { pdfWithPages } from '../e2e/pdf-fixtures';
import { originalsArchive, swapForLinks } from '../helpers/original-archive';
import { tempDirs } from '../helpers/temp-dir';

/** Electron's shell: the paths it was asked to open, and what the system answers (empty: opened). */
const electron = vi.hoisted(() => {
  const shell = { opened: [] as string[], answer: '', openPath: vi.fn(async (file: string) => (shell.opened.push(file), shell.answer)) };
  return { shell };
});
vi.mock('electron', () => electron);

// One mock of Electron for both handlers of this module: the node tests share their module cache (isolate: false).
const { OPEN_ORIGINAL_CHANNEL, READ_ORIGINAL_CHANNEL, registerOriginalOpening, registerOriginalReading } = await import('../../src/main/original-file');
type Handler = (event: SenderEvent, id: unknown) => Promise<unknown>;

const temp = tempDirs('casefile-open-original-');
const event = {} as SenderEvent;
let ws: Workstation;
let archive: string;

beforeAll(async () => {
  const base = await temp.make();
  const made = await originalsArchive(base);
  archive = await realpath(made.archive);
  ws = await Workstation.open({ archiveDir: made.archive, dataDir: path.join(base, 'data'), indexBuilder: inProcessBuilder });
  await swapForLinks(made.archive, made.outside);
}, 60_000);

afterAll(async () => {
  await ws.close();
  await temp.cleanup();
});

beforeEach(() => {
  electron.shell.opened = [];
  electron.shell.answer = '';
});

/** The IPC handler as the main process registers it, with whether the sender is trusted and what the user answers when asked. */
function handler({ trusted = true, webAnswer = true } = {}) {
  let registered: Handler | null = null;
  const asked: string[] = [];
  registerOriginalOpening(
    { handle: (channel, listener) => void (channel === OPEN_ORIGINAL_CHANNEL && (registered = listener)) },
    () => trusted,
    () => ws,
    async (fileName) => (asked.push(fileName), webAnswer),
  );
  return { open: (id: unknown) => registered!(event, id), asked };
}

describe('Open the original (Electron: the system’s viewer)', () => {
  it('opens the document’s file, at its real place in the archive', async () => {
    const { open } = handler();
    expect(await open('notes.txt')).toEqual({ opened: true });
    expect(electron.shell.opened).toEqual([path.join(archive, 'notes.txt')]);
  });

  it('says what the system answered when it could not open it', async () => {
    electron.shell.answer = 'No application is registered for .txt';
    expect(await handler().open('notes.txt')).toEqual({ opened: false, error: 'No application is registered for .txt' });
  });

  it('asks before a saved web page opens (a browser may fetch from the web), and opens nothing if declined', async () => {
    const declined = handler({ webAnswer: false });
    expect(await declined.open('page.html')).toEqual({ opened: false, error: null });
    expect(declined.asked).toEqual(['page.html']);
    expect(electron.shell.opened).toEqual([]);
    expect(await handler().open('page.html')).toEqual({ opened: true });
    expect(handler().asked).toEqual([]);
  });

  it.each([
    ['a path outside the archive', '../outside/secret.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a file that is no document of the archive', 'folder-moved/inner.txt'],
    ['not a string', { id: 'notes.txt' }],
    ['a folder swapped for a link to outside', 'folder/inner.txt'],
    ['a file swapped for a link to outside', 'swapped.txt'],
  ])('opens nothing for %s', async (_name, id) => {
    const outcome = (await handler().open(id)) as { opened: boolean; error: string };
    expect(outcome.opened).toBe(false);
    expect(outcome.error).toMatch(/\S/);
    expect(electron.shell.opened).toEqual([]);
  });

  it('refuses a message that does not come from the app’s page', async () => {
    expect(await handler({ trusted: false }).open('notes.txt')).toMatchObject({ opened: false });
    expect(electron.shell.opened).toEqual([]);
  });
});

describe('A PDF original’s bytes for the page view (Electron)', () => {
  let pdfArchive: string;
  let pdfWorkstation: Workstation;

  beforeAll(async () => {
    const base = await temp.make();
    pdfArchive = path.join(base, 'archive');
    await mkdir(pdfArchive, { recursive: true });
    await writeFile(path.join(pdfArchive, 'briefing.pdf'), await pdfWithPages('Briefing', [['The figures were revised on 15 January.']]));
    await writeFile(path.join(pdfArchive, 'notes.txt'), 'Field notes\n\nThe collection was catalogued in March.');
    pdfWorkstation = await Workstation.open({ archiveDir: pdfArchive, dataDir: path.join(base, 'data'), indexBuilder: inProcessBuilder });
  }, 60_000);

  afterAll(async () => {
    await pdfWorkstation.close();
  });

  function reader(trusted = true): (id: unknown) => Promise<unknown> {
    let registered: Handler | null = null;
    registerOriginalReading({ handle: (channel, listener) => void (channel === READ_ORIGINAL_CHANNEL && (registered = listener)) }, () => trusted, () => pdfWorkstation);
    return (id) => registered!({} as SenderEvent, id);
  }

  it('hands over a PDF of the archive, byte for byte', async () => {
    const answer = (await reader()('briefing.pdf')) as { bytes: Uint8Array; mediaType: string };
    expect(answer.mediaType).toBe('application/pdf');
    expect(Buffer.from(answer.bytes).equals(await readFile(path.join(pdfArchive, 'briefing.pdf')))).toBe(true);
  });

  it('hands over nothing but a PDF, nothing outside the archive, and nothing to a page that is not Casefile’s', async () => {
    expect(await reader()('notes.txt')).toEqual({ error: 'only a PDF is shown as its pages' });
    expect(await reader()('../secret.pdf')).toHaveProperty('error');
    expect(await reader()('missing.pdf')).toHaveProperty('error');
    expect(await reader(false)('briefing.pdf')).toEqual({ error: 'refused: the message does not come from Casefile’s page' });
  });
});
