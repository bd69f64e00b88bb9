import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation } from '../../src/core/workstation';
import { startWebShell, type WebShell } from '../../src/web/server';
import { rawRequest, type RawResponse } from '../helpers/http';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-web-token-');
const INDEX_HTML = '<!doctype html><title>Casefile</title><p>renderer index</p>';
/** The limits of the shell with small limits: a request's body, and the body of a method that carries a file. */
const SMALL = { request: 1024, file: 4096 };

let shell: WebShell;
let smallShell: WebShell;
let ws: Workstation;

beforeAll(async () => {
  const base = await temp.make();
  const [archive, renderer] = ['archive', 'renderer'].map((name) => path.join(base, name));
  await mkdir(archive);
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(path.join(archive, 'story.txt'), 'A story\n\nThe xenolith collection was catalogued in March.');
  await writeFile(path.join(renderer, 'index.html'), INDEX_HTML);
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log("app");');
  ws = await Workstation.open({ archiveDir: archive, dataDir: path.join(base, 'data'), indexBuilder: inProcessBuilder });
  shell = await startWebShell({ workstation: ws, rendererDir: renderer });
  smallShell = await startWebShell({ workstation: ws, rendererDir: renderer, maxBodyBytes: SMALL });
});

afterAll(async () => {
  await shell.close();
  await smallShell.close();
  await ws.close();
  await temp.cleanup();
});

function post(target: WebShell, method: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port: target.port,
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-casefile-token': target.token, ...headers },
    body,
  });
}

function errorOf(response: RawResponse): { ok: boolean; error?: { code: string; message: string } } {
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(response.body) as { ok: boolean; error?: { code: string; message: string } };
}

describe('web shell: the token travels in a header, never in a cookie', () => {
  it('the printed address serves the page itself, and sets no cookie (a cookie would go to every port of 127.0.0.1)', async () => {
    const response = await rawRequest({ port: shell.port, path: `/?token=${shell.token}` });
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('no answer sets a cookie, whatever was asked', async () => {
    const answers = [
      await rawRequest({ port: shell.port, path: '/' }),
      await rawRequest({ port: shell.port, path: '/?token=WRONG' }),
      await rawRequest({ port: shell.port, path: '/assets/app.js' }),
      await post(shell, 'listAnnotations', '{}'),
      await post(shell, 'listAnnotations', '{}', { 'x-casefile-token': '' }),
    ];
    for (const response of answers) expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an API call whose token comes only in a cookie: 401', async () => {
    const response = await post(shell, 'listAnnotations', '{}', { 'x-casefile-token': '', cookie: `casefile_token=${shell.token}` });
    expect(response.status).toBe(401);
    expect(response.body).not.toContain('xenolith');
    const withoutHeader = await rawRequest({
      port: shell.port,
      method: 'POST',
      path: '/api/getDocument',
      headers: { 'content-type': 'application/json', cookie: `casefile_token=${shell.token}` },
      body: JSON.stringify({ id: 'story.txt' }),
    });
    expect(withoutHeader.status).toBe(401);
    expect(withoutHeader.body).not.toContain('xenolith');
  });

  it('answers an API call with the token in X-Casefile-Token', async () => {
    const response = await post(shell, 'getDocument', JSON.stringify({ id: 'story.txt' }));
    expect(response.status).toBe(200);
    expect(response.body).toContain('xenolith');
  });

  it('serves the UI files without the token, so a reload (the address no longer carries it) loads the page', async () => {
    const page = await rawRequest({ port: shell.port, path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    const script = await rawRequest({ port: shell.port, path: '/assets/app.js' });
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log("app");');
  });

  it('still refuses a wrong token in the printed address: 401', async () => {
    expect((await rawRequest({ port: shell.port, path: '/?token=WRONG' })).status).toBe(401);
  });

  it('still refuses the UI files to a foreign Host (DNS rebinding) or Origin: 403', async () => {
    expect((await rawRequest({ port: shell.port, path: '/', headers: { host: `evil.example:${shell.port}` } })).status).toBe(403);
    expect((await rawRequest({ port: shell.port, path: '/', headers: { origin: 'http://evil.example' } })).status).toBe(403);
  });
});

describe('web shell: a body over the limit is answered 413 with the API’s JSON error, not a reset connection', () => {
  it('a request over the default limit (2 MiB) → 413 and ok:false, and the connection answers', async () => {
    const response = await post(shell, 'search', JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024 + 1) }));
    expect(response.status).toBe(413);
    expect(errorOf(response)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(/too large.*2 MB/) } });
  });

  it('a request over the small limit → 413; under it, answered as usual', async () => {
    const over = await post(smallShell, 'search', JSON.stringify({ query: 'x'.repeat(SMALL.request) }));
    expect(over.status).toBe(413);
    expect(errorOf(over)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('search') } });
    expect((await post(smallShell, 'search', JSON.stringify({ query: 'xenolith' }))).status).toBe(200);
  });

  it('a method that carries a file takes the larger limit, and over it → 413', async () => {
    const between = await post(smallShell, 'importAnnotations', JSON.stringify({ content: 'x'.repeat(SMALL.request * 2) }));
    expect(between.status).not.toBe(413);
    expect(errorOf(between).ok).toBe(false); // not a Casefile export, but read and judged
    const over = await post(smallShell, 'importAnnotations', JSON.stringify({ content: 'x'.repeat(SMALL.file) }));
    expect(over.status).toBe(413);
    expect(errorOf(over)).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('importAnnotations') } });
  });

  it('a body many times the limit → 413, and the shell keeps serving afterwards', async () => {
    const body = 'x'.repeat(SMALL.file * 4);
    const over = await post(smallShell, 'verifyDossier', JSON.stringify({ base64: body }));
    expect(over.status).toBe(413);
    expect((await post(smallShell, 'listAnnotations', '{}')).status).toBe(200);
  });
});
