import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation } from '../../src/core/workstation';
import type { SenderEvent } from '../../src/main/ipc';
import { pdfWithPages } from '../e2e/pdf-fixtures';
import { tempDirs } from '../helpers/temp-dir';

vi.mock('electron', () => ({ shell: { openPath: vi.fn() } }));
const { READ_ORIGINAL_CHANNEL, registerOriginalReading } = await import('../../src/main/original-file');
type Handler = (event: SenderEvent, id: unknown) => Promise<unknown>;

const temp = tempDirs('casefile-read-original-');
let ws: Workstation;
let archive: string;

beforeAll(async () => {
  const base = await temp.make();
  archive = path.join(base, 'archive');
  await mkdir(archive, { recursive: true });
  await writeFile(path.join(archive, 'briefing.pdf'), await pdfWithPages('Briefing', [['The figures were revised on 15 January.']]));
  await writeFile(path.join(archive, 'notes.txt'), 'Field notes\n\nThe collection was catalogued in March.');
  ws = await Workstation.open({ archiveDir: archive, dataDir: path.join(base, 'data'), indexBuilder: inProcessBuilder });
}, 60_000);

afterAll(async () => {
  await ws.close();
  await temp.cleanup();
});

function reader(trusted = true): (id: unknown) => Promise<unknown> {
  let registered: Handler | null = null;
  registerOriginalReading({ handle: (channel, listener) => void (channel === READ_ORIGINAL_CHANNEL && (registered = listener)) }, () => trusted, () => ws);
  return (id) => registered!({} as SenderEvent, id);
}

describe('A PDF original’s bytes for the page view (Electron)', () => {
  it('hands over a PDF of the archive, byte for byte', async () => {
    const answer = (await reader()('briefing.pdf')) as { bytes: Uint8Array; mediaType: string };
    expect(answer.mediaType).toBe('application/pdf');
    expect(Buffer.from(answer.bytes).equals(await readFile(path.join(archive, 'briefing.pdf')))).toBe(true);
  });

  it('hands over nothing but a PDF, nothing outside the archive, and nothing to a page that is not Casefile’s', async () => {
    expect(await reader()('notes.txt')).toEqual({ error: 'only a PDF is shown as its pages' });
    expect(await reader()('../secret.pdf')).toHaveProperty('error');
    expect(await reader()('missing.pdf')).toHaveProperty('error');
    expect(await reader(false)('briefing.pdf')).toEqual({ error: 'refused: the message does not come from Casefile’s page' });
  });
});
