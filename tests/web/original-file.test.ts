import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation } from '../../src/core/workstation';
import { startWebShell, type WebShell } from '../../src/web/server';
import { rawRequest } from '../helpers/http';
import { NOTES, originalsArchive, PAGE, SECRET, swapForLinks } from '../helpers/original-archive';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-original-');
let shell: WebShell;
let ws: Workstation;

beforeAll(async () => {
  const base = await temp.make();
  const { archive, outside } = await originalsArchive(base);
  const rendererDir = path.join(base, 'renderer');
  await mkdir(rendererDir);
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>renderer</title>');
  ws = await Workstation.open({ archiveDir: archive, dataDir: path.join(base, 'data'), indexBuilder: inProcessBuilder });
  await swapForLinks(archive, outside);
  shell = await startWebShell({ workstation: ws, rendererDir, port: 0 });
}, 60_000);

afterAll(async () => {
  await shell.close();
  await ws.close();
  await temp.cleanup();
});

const original = (id: string, headers: Record<string, string> = { 'x-casefile-token': shell.token }, method = 'GET') =>
  rawRequest({ port: shell.port, method, path: `/api/original?id=${encodeURIComponent(id)}`, headers });

describe('web shell: a document’s original file', () => {
  it('is sent as a download of its exact bytes, typed, not sniffed, sandboxed', async () => {
    const answer = await original('notes.txt');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(NOTES);
    expect(answer.headers['content-type']).toBe('text/plain');
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="notes.txt"; filename*=UTF-8''notes.txt`);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'$/);
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('a saved web page goes out as bytes, never as HTML in the app’s origin', async () => {
    const answer = await original('page.html');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(PAGE);
    expect(answer.headers['content-type']).toBe('application/octet-stream');
    expect(answer.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('names a file with any characters safely, exact in filename*', async () => {
    const answer = await original('Заметки «полевые».txt');
    expect(answer.status).toBe(200);
    const disposition = answer.headers['content-disposition'] ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('Заметки «полевые».txt');
  });

  it('is refused without the token, or with another', async () => {
    expect((await original('notes.txt', {})).status).toBe(401);
    expect((await original('notes.txt', { 'x-casefile-token': 'x'.repeat(shell.token.length) })).status).toBe(401);
    // The token in the address (which a link could carry, and history keeps) is not enough.
    const inAddress = await rawRequest({ port: shell.port, path: `/api/original?id=notes.txt&token=${shell.token}` });
    expect(inAddress.status).toBe(401);
  });

  it.each([
    ['a climb out of the archive', '../outside/secret.txt'],
    ['an encoded climb', '%2e%2e/outside/secret.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a backslash path', '..\\outside\\secret.txt'],
    ['a NUL', 'notes.txt\u0000.pdf'],
    ['no id', ''],
  ])('refuses %s', async (_name, id) => {
    const answer = await original(id);
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain(SECRET);
  });

  it('sends nothing that is not a document of the archive', async () => {
    const answer = await original('folder-moved/inner.txt');
    expect(answer.status).toBe(404);
    expect((await original('../../etc/passwd')).body).not.toMatch(/root:/);
  });

  it('follows no link: a folder or a file swapped for a link to outside after reading is refused', async () => {
    for (const id of ['folder/inner.txt', 'swapped.txt']) {
      const answer = await original(id);
      expect(answer.status).toBe(400);
      expect(answer.body).not.toContain(SECRET);
      expect(answer.body).toMatch(/link/);
    }
  });

  it('answers HEAD with the headers only, and leaves other methods to the API', async () => {
    const head = await original('notes.txt', { 'x-casefile-token': shell.token }, 'HEAD');
    expect([head.status, head.body, head.headers['content-disposition']]).toEqual([200, '', expect.stringMatching(/^attachment/)]);
    const post = await original('notes.txt', { 'x-casefile-token': shell.token }, 'POST');
    expect(post.status).not.toBe(200);
  });
});
