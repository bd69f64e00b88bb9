import { appendFile, cp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invokeApi } from '../../src/core/api';
import { ArchiveService } from '../../src/core/archive/archive-service';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { ArchiveSession } from '../../src/core/session';
import { ARCHIVE_DIR, archiveFile } from '../helpers/archive-files';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-session-');
afterEach(temp.cleanup);

const QUOTE = '“It’s unfathomable. I can’t understand. How is this possible?”';

async function twoArchives() {
  const first = await temp.make();
  await cp(ARCHIVE_DIR, first, { recursive: true });
  const second = await temp.make();
  await writeFile(path.join(second, 'other.txt'), 'Another archive\n\nAbout the Zhanaozen strike of 2011.');
  return { first, second, data: await temp.make() };
}

describe('switching archives', () => {
  it('opens another folder through the API, keeping each archive’s annotations apart, and remembers both', async () => {
    const { first, second, data } = await twoArchives();
    const session = await ArchiveSession.open({ archiveDir: first, dataDir: data, indexBuilder: inProcessBuilder });
    try {
      await session.current.annotations.annotateQuote({ docId: archiveFile('004_').name, quote: QUOTE });
      const opened = await invokeApi(session.current, 'openArchive', { path: second }, session);
      expect(opened).toMatchObject({ ok: true, value: { documentCount: 1 } });
      expect(session.current.annotations.list()).toEqual([]);
      await session.current.indexReady();
      expect(session.current.search('Zhanaozen').hits.map((h) => h.id)).toEqual(['other.txt']);
      await session.switchTo(first);
      expect(session.current.annotations.list().map((a) => a.target.quote.exact)).toEqual([QUOTE]);
      const recent = await invokeApi(session.current, 'recentArchives', {}, session);
      expect(recent.ok && (recent.value as Array<{ path: string }>).map((r) => path.basename(r.path))).toEqual([path.basename(first), path.basename(second)]);
    } finally {
      await session.close();
    }
  });

  it('keeps the open archive when the new folder does not exist, and says so', async () => {
    const { first, data } = await twoArchives();
    const session = await ArchiveSession.open({ archiveDir: first, dataDir: data, indexBuilder: inProcessBuilder });
    try {
      const result = await invokeApi(session.current, 'openArchive', { path: path.join(first, 'no-such-folder') }, session);
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(session.current.info().documentCount).toBe(5);
    } finally {
      await session.close();
    }
  });

  it('refuses to switch in a one-shot command (no session), with a clear error', async () => {
    const { first, second, data } = await twoArchives();
    const session = await ArchiveSession.open({ archiveDir: first, dataDir: data, indexBuilder: inProcessBuilder });
    try {
      expect(await invokeApi(session.current, 'openArchive', { path: second })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    } finally {
      await session.close();
    }
  });
});

describe('the app’s session (watch: true)', () => {
  async function eventually(check: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    if (!check()) throw new Error(`never: ${what}`);
  }

  it('answers the first search before it follows the folder, then follows it: a file added afterwards is found', async () => {
    const { first, data } = await twoArchives();
    // Opened once before, so the app opens it as last seen.
    await (await ArchiveSession.open({ archiveDir: first, dataDir: data, indexBuilder: inProcessBuilder })).close();
    const watching = vi.spyOn(ArchiveService.prototype, 'watch');
    const session = await ArchiveSession.open({ archiveDir: first, dataDir: data, indexBuilder: inProcessBuilder, watch: true });
    try {
      // Nothing of the folder is compared or watched yet: the answer says its results may still change.
      expect(watching).not.toHaveBeenCalled();
      expect(session.current.archive.checking).toBe(true);
      await session.current.indexReady();
      const answer = session.current.search('Tokayev');
      expect(answer.hits.length).toBeGreaterThan(0);
      expect(answer.index.checking).toBe(true);
      expect(watching).not.toHaveBeenCalled();
      await eventually(() => watching.mock.calls.length > 0, 'the folder is watched after the first answer');
      await session.current.archiveVerified();
      await writeFile(path.join(first, 'later.txt'), 'Added later\n\nThe Zhanaozen strike of 2011 came back in the news.');
      await eventually(() => session.current.search('Zhanaozen').hits.some((h) => h.id === 'later.txt'), 'the added file is searchable');
    } finally {
      await session.close();
      watching.mockRestore();
    }
  });

  it('follows the folder without a search too, and a close before it starts leaves nothing running', async () => {
    const { first, data } = await twoArchives();
    const quiet = await ArchiveSession.open({ archiveDir: first, dataDir: data, indexBuilder: inProcessBuilder, watch: true });
    await quiet.close(); // before following began: no watcher is left behind to keep the process alive
    const session = await ArchiveSession.open({ archiveDir: first, dataDir: data, indexBuilder: inProcessBuilder, watch: true });
    try {
      await writeFile(path.join(first, 'later.txt'), 'Added later\n\nThe Zhanaozen strike of 2011 came back in the news.');
      await eventually(() => session.current.archive.documents.has('later.txt'), 'the added file is taken in');
    } finally {
      await session.close();
    }
  });

  it('sees a file changed before its watcher started, on a first open too (no catalog yet)', async () => {
    const { first, data } = await twoArchives();
    const session = await ArchiveSession.open({ archiveDir: first, dataDir: data, indexBuilder: inProcessBuilder, watch: true });
    try {
      // At once: the watcher starts only after the first answer (or a moment later).
      const [file] = (await readdir(first)).filter((f) => f.endsWith('.txt')).sort();
      await appendFile(path.join(first, file), '\nA paragraph about Xenolith added at once.\n');
      await eventually(() => session.current.archive.documents.get(file)?.text.includes('Xenolith') ?? false, 'the change is taken in');
    } finally {
      await session.close();
    }
  });
});

