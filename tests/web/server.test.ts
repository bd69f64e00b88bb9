import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/core/workstation';
import { startWebShell, statusOfAnswer, type WebShell } from '../../src/web/server';
import { ARCHIVE_DIR, readArchiveFiles } from '../helpers/archive-files';
import { rawRequest, type RawResponse } from '../helpers/http';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-web-');
const INDEX_HTML = '<!doctype html><title>Casefile test renderer</title><p>renderer index</p>';
const SECRET = 'secret outside the renderer folder';

let shell: WebShell;
let token: string;
let port: number;
let ws: Workstation;

beforeAll(async () => {
  const base = await temp.make();
  const rendererDir = path.join(base, 'renderer');
  await mkdir(path.join(rendererDir, 'assets', 'sub'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  // Files next to the renderer folder must never be served.
  await writeFile(path.join(base, 'package.json'), JSON.stringify({ secret: SECRET }));
  await mkdir(path.join(base, 'renderer-private'));
  await writeFile(path.join(base, 'renderer-private', 'secret.txt'), SECRET);
  ws = await Workstation.open({ archiveDir: ARCHIVE_DIR, dataDir: path.join(base, 'data') });
  shell = await startWebShell({ workstation: ws, rendererDir, port: 0 });
  token = shell.token;
  port = shell.port;
});

afterAll(async () => {
  await shell.close();
  await ws.close();
  await temp.cleanup();
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({ port, path: pathname, headers });
}

function api(method: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port,
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-casefile-token': token, ...headers },
    body,
  });
}

function json(response: RawResponse): { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } } {
  return JSON.parse(response.body) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } };
}

describe('web shell: access', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a long random token', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(port).toBeGreaterThan(0);
  });

  it('refuses GET / with a wrong token: 401', async () => {
    expect((await get('/?token=WRONG')).status).toBe(401);
    // One character changed (never to itself: a token ending in x made this the right token, 1 run in 64).
    const changed = token.endsWith('x') ? 'y' : 'x';
    expect((await get(`/?token=${token.slice(0, -1)}${changed}`)).status).toBe(401);
  });

  it('serves index.html at the printed URL, with a strict content security policy', async () => {
    const response = await get(`/?token=${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves other files of the renderer', async () => {
    const response = await get('/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.body).toBe('console.log("app");');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('refuses a Host header naming another host: 403, even with the right token', async () => {
    const response = await get(`/?token=${token}`, { host: 'evil.example:80' });
    expect(response.status).toBe(403);
    expect((await api('search', '{"query":"Zhanaozen"}', { host: `attacker.test:${port}` })).status).toBe(403);
  });

  it('accepts localhost:PORT as Host', async () => {
    expect((await get('/', { host: `localhost:${port}`, 'x-casefile-token': token })).status).toBe(200);
  });

  it('refuses a request from a foreign Origin: 403, even with the right token', async () => {
    const response = await api('search', '{"query":"Zhanaozen"}', { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect((await api('search', '{"query":"Zhanaozen"}', { origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    expect((await api('search', '{"query":"Zhanaozen"}', { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });
});

describe('web shell: API', () => {
  it('POST /api/search with X-Casefile-Token answers {ok:true, value:{total:3,…}} for Zhanaozen', async () => {
    const expected = readArchiveFiles().filter((f) => f.raw.includes('Zhanaozen')).map((f) => f.name);
    const response = await api('search', JSON.stringify({ query: 'Zhanaozen' }));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = json(response);
    expect(body.ok).toBe(true);
    expect(body.value).toMatchObject({ query: 'Zhanaozen', total: expected.length });
    expect(expected.length).toBe(3);
    const hits = (body.value?.hits ?? []) as Array<{ id: string }>;
    expect(hits.map((h) => h.id).sort()).toEqual(expected.sort());
  });

  it('refuses the API without the token: 401', async () => {
    const response = await rawRequest({ port, method: 'POST', path: '/api/search', body: '{"query":"x"}' });
    expect(response.status).toBe(401);
  });

  it('answers a body that is not JSON with 400 and ok:false', async () => {
    const response = await api('search', '{"query": ');
    expect(response.status).toBe(400);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('answers an unknown API method with 404 and ok:false', async () => {
    const response = await api('dropEverything', '{}');
    expect(response.status).toBe(404);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await api('constructor', '{}')).status).toBe(404);
    expect((await api('__proto__', '{}')).status).toBe(404);
  });

  // Refusals the page expects (a query still being typed, a folder that is not there) are answers, not
  // HTTP errors: Chromium logs every 4xx/5xx fetch as "Failed to load resource" in the console.
  it('answers invalid arguments ({query: 5}) with 200 and ok:false', async () => {
    const response = await api('search', JSON.stringify({ query: 5 }));
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await api('search', JSON.stringify({ query: 'x', extra: true }))).status).toBe(200);
  });

  it('answers a malformed query with 200 and invalid-query, with where it is wrong', async () => {
    const response = await api('search', JSON.stringify({ query: '"kazakh oil' }));
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'invalid-query', span: { start: 0 } } });
  });

  it('answers a document that is not there with 200 and not-found', async () => {
    const response = await api('getDocument', JSON.stringify({ id: 'no/such-file.txt' }));
    expect(response.status).toBe(200);
    expect(json(response)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('keeps 500 for a failure nobody foresaw, and 200 for every refusal the user can act on', () => {
    expect(statusOfAnswer({ ok: false, error: { code: 'internal', message: 'search failed unexpectedly' } })).toBe(500);
    for (const code of ['invalid-argument', 'invalid-query', 'not-found', 'ambiguous', 'store-corrupt', 'write-failed'] as const) {
      expect(statusOfAnswer({ ok: false, error: { code, message: 'refused' } })).toBe(200);
    }
    expect(statusOfAnswer({ ok: true, value: null })).toBe(200);
  });

  it('answers GET on the API with 405', async () => {
    expect((await get('/api/search', { 'x-casefile-token': token })).status).toBe(405);
  });

  it('creates and lists an annotation through the API', async () => {
    const doc = readArchiveFiles()[0].name;
    const created = json(await api('createAnnotation', JSON.stringify({ docId: doc, start: 0, end: 12, note: 'via http' })));
    expect(created).toMatchObject({ ok: true, value: { status: 'anchored', note: 'via http' } });
    const listed = json(await api('listAnnotations', JSON.stringify({ docId: doc })));
    expect(listed.ok).toBe(true);
    expect(listed.value).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.value?.id })]));
  });
});

describe('web shell: static files never leave the renderer folder', () => {
  it.each([
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/..%2f..%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/..%5cpackage.json',
    '/..%2frenderer-private%2fsecret.txt',
    '/../package.json',
    '/index.html%00.js',
  ])('GET %s → 404', async (raw) => {
    const response = await get(raw, { 'x-casefile-token': token });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it('does not list a folder: GET /assets and /assets/ → 404', async () => {
    expect((await get('/assets', { 'x-casefile-token': token })).status).toBe(404);
    expect((await get('/assets/', { 'x-casefile-token': token })).status).toBe(404);
  });

  it('answers a missing file with 404', async () => {
    expect((await get('/nope.js', { 'x-casefile-token': token })).status).toBe(404);
  });
});
