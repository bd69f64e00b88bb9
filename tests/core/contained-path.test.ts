import { mkdir, readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confineToArchive, relativePathProblem } from '../../src/core/contained-path';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../helpers/workstation';

const temp = tempDirsPerTest('casefile-paths-');
const SECRET = 'the name of a source who must stay unknown';
const STORY = 'A story\n\nThe xenolith collection was catalogued in March.';

/** An archive with one story in a folder, and beside the archive a secret that must never be read. */
async function archiveBesideSecret() {
  const outside = await temp.make();
  await writeFile(path.join(outside, 'secret.txt'), SECRET);
  const bench = await makeBench(temp.make, { 'sub/story.txt': STORY });
  return { bench, outside };
}

const TRAVERSALS = [
  '../secret.txt',
  '../../etc/passwd',
  'sub/../../secret.txt',
  './sub/story.txt',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  'c:/windows/win.ini',
  '..\\secret.txt',
  'sub\\..\\..\\secret.txt',
  '%2e%2e/secret.txt',
  '..%2fsecret.txt',
  '%2E%2E%2Fsecret.txt',
  'sub%5c..%5csecret.txt',
  'sub/story.txt%00.pdf',
  'sub/story.txt\u0000.pdf',
  'sub/story\n.txt',
  '',
];

describe('relative paths from clients', () => {
  it.each(TRAVERSALS.filter((p) => p !== ''))('%j is refused', (value) => {
    expect(relativePathProblem(value)).not.toBeNull();
  });

  it.each(['story.txt', 'sub/story.txt', 'Статья о Жанаозене.txt', '100 % sure.txt', 'a b/c-d_e.md'])('%j is a plain relative path', (value) => {
    expect(relativePathProblem(value)).toBeNull();
  });
});

describe('document ids and folders through the API', () => {
  it.each(TRAVERSALS)('getDocument(%j) is refused as invalid-argument, never read', async (id) => {
    const { bench } = await archiveBesideSecret();
    const ws = await bench.open();
    try {
      const error = await apiError(ws, 'getDocument', { id });
      expect(error.code).toBe('invalid-argument');
      expect(error.message).not.toContain(SECRET);
    } finally {
      await ws.close();
    }
  });

  it.each(['../outside', '/tmp', 'sub/../../outside', '..%2foutside', 'sub\\..\\..', 'x\u0000y'])(
    'addFiles into folder %j is refused and writes nothing anywhere',
    async (folder) => {
      const { bench, outside } = await archiveBesideSecret();
      const ws = await bench.open();
      try {
        const error = await apiError(ws, 'addFiles', { files: [{ name: 'planted.txt', base64: Buffer.from('planted').toString('base64') }], folder });
        expect(error.code).toBe('invalid-argument');
        expect(await readdir(outside)).toEqual(['secret.txt']);
        expect((await readdir(bench.archiveDir, { recursive: true })).sort()).toEqual(['sub', 'sub/story.txt']);
      } finally {
        await ws.close();
      }
    },
  );

  it('addFiles into a folder that is a link out of the archive is refused and writes nothing outside', async () => {
    const { bench, outside } = await archiveBesideSecret();
    await symlink(outside, path.join(bench.archiveDir, 'linked'));
    const ws = await bench.open();
    try {
      for (const folder of ['linked', 'linked/deeper']) {
        const error = await apiError(ws, 'addFiles', { files: [{ name: 'planted.txt', base64: Buffer.from('planted').toString('base64') }], folder });
        expect(error.code).toBe('invalid-argument');
      }
      expect(await readdir(outside)).toEqual(['secret.txt']);
    } finally {
      await ws.close();
    }
  });

  it('a file that is a link to a file outside the archive is never opened', async () => {
    const { bench, outside } = await archiveBesideSecret();
    await symlink(path.join(outside, 'secret.txt'), path.join(bench.archiveDir, 'leak.txt'));
    const ws = await bench.open();
    try {
      expect(ws.archive.listDocuments().map((d) => d.id)).toEqual(['sub/story.txt']);
      const error = await apiError(ws, 'getDocument', { id: 'leak.txt' });
      expect(error.message).not.toContain(SECRET);
    } finally {
      await ws.close();
    }
  });

  it('a folder swapped for a link out of the archive after indexing is not followed when the document is read again', async () => {
    const { bench, outside } = await archiveBesideSecret();
    const ws = await bench.open();
    try {
      expect((await callApi(ws, 'getDocument', { id: 'sub/story.txt' })).document.text).toContain('xenolith');
      // The attacker's copy outside has the same name as the indexed story.
      await mkdir(path.join(outside, 'sub'));
      await writeFile(path.join(outside, 'sub', 'story.txt'), SECRET);
      await rename(path.join(bench.archiveDir, 'sub'), path.join(bench.archiveDir, 'sub-old'));
      await symlink(path.join(outside, 'sub'), path.join(bench.archiveDir, 'sub'));
      const error = await apiError(ws, 'getDocument', { id: 'sub/story.txt' });
      expect(error.code).toBe('invalid-argument');
      expect(error.message).not.toContain(SECRET);
      const metadata = await apiError(ws, 'setDocumentMetadata', { id: 'sub/story.txt', title: 'renamed' });
      expect(metadata.code).toBe('invalid-argument');
      expect(await readFile(path.join(outside, 'sub', 'story.txt'), 'utf8')).toBe(SECRET);
    } finally {
      await ws.close();
    }
  });

  it('confines paths that do not exist yet by their deepest existing folder, and refuses a dangling link', async () => {
    const { bench, outside } = await archiveBesideSecret();
    await symlink(path.join(outside, 'not-yet'), path.join(bench.archiveDir, 'dangling'));
    await expect(confineToArchive(bench.archiveDir, 'sub/new/deeper')).resolves.toMatch(/sub\/new\/deeper$/);
    await expect(confineToArchive(bench.archiveDir, 'dangling')).rejects.toThrow(/outside the archive/);
    await expect(confineToArchive(bench.archiveDir, 'dangling/x')).rejects.toThrow(/outside the archive/);
  });
});

describe('a call is refused whole, never half done', () => {
  it.each(['...', 'sub/', '../..', '  ', '.\\..'])('addFiles with a good file and one named %j writes neither', async (badName) => {
    const { bench, outside } = await archiveBesideSecret();
    const ws = await bench.open();
    try {
      const file = (name: string) => ({ name, base64: Buffer.from('text of a new story').toString('base64') });
      const error = await apiError(ws, 'addFiles', { files: [file('good.txt'), file(badName)] });
      expect(error.code).toBe('invalid-argument');
      expect((await readdir(bench.archiveDir, { recursive: true })).sort()).toEqual(['sub', 'sub/story.txt']);
      expect(await readdir(outside)).toEqual(['secret.txt']);
    } finally {
      await ws.close();
    }
  });
});
