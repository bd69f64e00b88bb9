import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeApi } from '../../src/core/api';
import { expandHome, listFolders } from '../../src/core/folders';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { ArchiveSession } from '../../src/core/session';
import { Workstation } from '../../src/core/workstation';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-folders-');
let home: string;
const realHome = process.env.HOME;

// os.homedir() follows $HOME on POSIX: each test gets a home of its own with an archive in it.
beforeEach(async () => {
  home = await temp.make();
  process.env.HOME = home;
  await mkdir(path.join(home, 'notes', 'kazakhstan'), { recursive: true });
  await writeFile(path.join(home, 'notes', 'kazakhstan', 'story.txt'), 'A story\n\nThe xenolith collection was catalogued in March.');
});
afterEach(async () => {
  process.env.HOME = realHome;
  await temp.cleanup();
});

describe('~ in an archive path', () => {
  it('expands ~ and ~/… to the home folder, and leaves other paths as they are', () => {
    expect(expandHome('~')).toBe(home);
    expect(expandHome('~/notes/kazakhstan')).toBe(path.join(home, 'notes', 'kazakhstan'));
    expect(expandHome('/srv/~/archive')).toBe('/srv/~/archive');
    expect(expandHome('~other/archive')).toBe('~other/archive'); // another user's home is not guessed
    expect(expandHome('notes/~')).toBe('notes/~');
  });

  it('opens ~/… as the archive in the core, through the API and from the CLI', async () => {
    const data = await temp.make();
    const ws = await Workstation.open({ archiveDir: '~/notes/kazakhstan', dataDir: data, indexBuilder: inProcessBuilder });
    try {
      expect(ws.info()).toMatchObject({ archiveRoot: path.join(home, 'notes', 'kazakhstan'), documentCount: 1 });
    } finally {
      await ws.close();
    }

    const other = await temp.make();
    await writeFile(path.join(other, 'other.txt'), 'Another archive\n\nAbout the Zhanaozen strike.');
    const session = await ArchiveSession.open({ archiveDir: other, dataDir: data, indexBuilder: inProcessBuilder });
    try {
      const opened = await invokeApi(session.current, 'openArchive', { path: '~/notes/kazakhstan' }, session);
      expect(opened).toMatchObject({ ok: true, value: { archiveRoot: path.join(home, 'notes', 'kazakhstan') } });
    } finally {
      await session.close();
    }

    // `--archive=~/…` reaches the CLI unexpanded: the shell expands a ~ only at the start of a word.
    const run = await runCli(['search', 'xenolith', '--archive=~/notes/kazakhstan', `--data=${data}`]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('story.txt');
  });

  it('says which folder is missing, expanded, and refuses a file given as the archive', async () => {
    const data = await temp.make();
    await expect(Workstation.open({ archiveDir: '~/nowhere', dataDir: data })).rejects.toThrow(
      `no folder "~/nowhere" (${path.join(home, 'nowhere')})`,
    );
    await expect(Workstation.open({ archiveDir: '~/notes/kazakhstan/story.txt', dataDir: data })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/is a file, not a folder/),
    });
  });
});

describe('listing folders (the web shell’s folder browser)', () => {
  it('starts at the home folder and lists its sub-folders by name, without hidden ones or files', async () => {
    await mkdir(path.join(home, '.cache'));
    await mkdir(path.join(home, 'Archives'));
    await writeFile(path.join(home, 'todo.txt'), 'not a folder');
    const listing = await listFolders({});
    expect(listing).toEqual({
      path: home,
      parent: path.dirname(home),
      folders: [
        { name: 'Archives', path: path.join(home, 'Archives') },
        { name: 'notes', path: path.join(home, 'notes') },
      ],
    });
    expect((await listFolders({ hidden: true })).folders.map((f) => f.name)).toEqual(['.cache', 'Archives', 'notes']);
  });

  it('goes down into a folder given as ~/…, and up to the root, which has no parent', async () => {
    expect(await listFolders({ path: '~/notes' })).toMatchObject({
      path: path.join(home, 'notes'),
      parent: home,
      folders: [{ name: 'kazakhstan' }],
    });
    expect((await listFolders({ path: '/' })).parent).toBeNull();
  });

  it('lists a link to a folder as a folder', async () => {
    await symlink(path.join(home, 'notes', 'kazakhstan'), path.join(home, 'linked'));
    expect((await listFolders({})).folders.map((f) => f.name)).toEqual(['linked', 'notes']);
  });

  it('refuses, in words, a folder that is not there, a file, and a folder it may not read', async () => {
    await expect(listFolders({ path: '~/nowhere' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(listFolders({ path: '~/notes/kazakhstan/story.txt' })).rejects.toMatchObject({ code: 'invalid-argument' });
    if (process.getuid?.() === 0) return; // root reads every folder
    const locked = path.join(home, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o000);
    try {
      await expect(listFolders({ path: locked })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/permission/) });
    } finally {
      await chmod(locked, 0o700);
    }
  });

  it('is an API method that needs no archive session', async () => {
    const ws = await Workstation.open({ archiveDir: '~/notes/kazakhstan', dataDir: await temp.make(), indexBuilder: inProcessBuilder });
    try {
      expect(await invokeApi(ws, 'listFolders', { path: '~' })).toMatchObject({ ok: true, value: { path: home } });
      expect(await invokeApi(ws, 'listFolders', { path: '~/nowhere' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      await ws.close();
    }
  });
});
