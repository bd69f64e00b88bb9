import net from 'node:net';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation } from '../../src/core/workstation';
import { CONTENT_SECURITY_POLICY } from '../../src/shell/csp';
import { newToken, startWebShell, type WebShell } from '../../src/web/server';
import { rawRequest, type RawResponse } from '../helpers/http';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-web-security-');
const SECRET = 'the name of a source who must stay unknown';
const STORY = 'A story\n\nThe xenolith collection was catalogued in March.';

let shell: WebShell;
let rendererDir: string;
let ws: Workstation;
let annotationId: string;

beforeAll(async () => {
  const base = await temp.make();
  const [archive, renderer, outside] = ['archive', 'renderer', 'outside'].map((name) => path.join(base, name));
  rendererDir = renderer;
  for (const dir of [archive, renderer, outside]) await mkdir(dir);
  await writeFile(path.join(archive, 'story.txt'), STORY);
  await writeFile(path.join(outside, 'secret.txt'), SECRET);
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Casefile</title>');
  // A link inside the served folder that leads out of it must not be followed.
  await symlink(path.join(outside, 'secret.txt'), path.join(renderer, 'leak.txt'));
  await symlink(outside, path.join(renderer, 'assets'));
  ws = await Workstation.open({ archiveDir: archive, dataDir: path.join(base, 'data'), indexBuilder: inProcessBuilder });
  annotationId = (await ws.annotations.create({ docId: 'story.txt', start: 0, end: 7, note: 'kept' })).id;
  shell = await startWebShell({ workstation: ws, rendererDir: renderer });
});

afterAll(async () => {
  await shell.close();
  await ws.close();
  await temp.cleanup();
});

function post(method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest({
    port: shell.port,
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-casefile-token': shell.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** What the archive's data look like: every annotation with its note, and the preferences. */
function dataSnapshot(): string {
  return JSON.stringify({ annotations: ws.annotations.list().map((a) => [a.id, a.note, a.tags]), preferences: ws.preferences.get() });
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('web shell: where it listens and the token', () => {
  it('listens on 127.0.0.1 only: another loopback address (as 0.0.0.0 would accept) is refused', async () => {
    expect(await connects('127.0.0.1', shell.port)).toBe(true);
    expect(await connects('127.0.0.2', shell.port)).toBe(false);
  });

  it('takes a random free port by default', async () => {
    const other = await startWebShell({ workstation: ws, rendererDir });
    try {
      expect(shell.port).toBeGreaterThan(0);
      expect(other.port).toBeGreaterThan(0);
      expect(other.port).not.toBe(shell.port);
    } finally {
      await other.close();
    }
  });

  it('draws a fresh URL-safe token of at least 128 bits for every run', () => {
    const tokens = Array.from({ length: 200 }, newToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/?token=${shell.token}`);
  });

  it.each([
    ['/api/listAnnotations', {}],
    ['/api/deleteAnnotation', {}],
    ['/api/listAnnotations?token=TOKEN', {}],
    ['/api/listAnnotations', { cookie: 'casefile_token=TOKEN' }],
    ['/api/listAnnotations', { authorization: 'Bearer TOKEN' }],
  ])('POST %s %j without the token in X-Casefile-Token → 401', async (pathname, headers: Record<string, string>) => {
    const withToken = (text: string) => text.replace('TOKEN', shell.token);
    const response = await rawRequest({
      port: shell.port,
      method: 'POST',
      path: withToken(pathname),
      headers: { 'content-type': 'application/json', ...Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, withToken(value)])) },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(response.body).not.toContain('kept');
  });

  it('does not take a token that is only a prefix or a longer string of the real one', async () => {
    for (const token of [shell.token.slice(0, 16), `${shell.token}x`, '', ' ']) {
      expect((await post('listAnnotations', {}, { 'x-casefile-token': token })).status).toBe(401);
    }
  });
});

describe('web shell: forbidden requests change nothing', () => {
  const deletion = () => ({ id: annotationId });
  const forbidden: Array<[string, () => Promise<RawResponse>, number]> = [
    ['no token', () => post('deleteAnnotation', deletion(), { 'x-casefile-token': '' }), 401],
    ['a wrong token', () => post('deleteAnnotation', deletion(), { 'x-casefile-token': newToken() }), 401],
    ['a foreign Origin (CSRF)', () => post('deleteAnnotation', deletion(), { origin: 'http://evil.example' }), 403],
    ['another local port as Origin', () => post('deleteAnnotation', deletion(), { origin: `http://127.0.0.1:${shell.port + 1}` }), 403],
    ['Origin: null (a sandboxed frame or a file page)', () => post('deleteAnnotation', deletion(), { origin: 'null' }), 403],
    ['a rebound Host (DNS rebinding)', () => post('deleteAnnotation', deletion(), { host: `evil.example:${shell.port}` }), 403],
    ['Host 0.0.0.0', () => post('deleteAnnotation', deletion(), { host: `0.0.0.0:${shell.port}` }), 403],
    ['a form-encoded body (what a page elsewhere can send unasked)', () => post('deleteAnnotation', `id=${annotationId}`, { 'content-type': 'application/x-www-form-urlencoded' }), 415],
    ['a text/plain body', () => post('deleteAnnotation', JSON.stringify(deletion()), { 'content-type': 'text/plain' }), 415],
    ['GET on the API', () => rawRequest({ port: shell.port, path: '/api/deleteAnnotation', headers: { 'x-casefile-token': shell.token } }), 405],
  ];
  it.each(forbidden)('%s → refused, the annotation and preferences are untouched', async (_name, request, status) => {
    const before = dataSnapshot();
    const response = await request();
    expect(response.status).toBe(status);
    expect(dataSnapshot()).toBe(before);
    expect(ws.annotations.list().map((a) => a.id)).toContain(annotationId);
  });

  // Arguments the API refuses are its answer (200, ok: false), not an HTTP error: see statusOfAnswer.
  const refusedByTheApi: Array<[string, () => Promise<RawResponse>]> = [
    ['a payload the schema refuses', () => post('updateAnnotation', { id: annotationId, note: 'overwritten', tags: 'not-a-list' })],
    ['an unknown field', () => post('updateAnnotation', { id: annotationId, note: 'overwritten', admin: true })],
    ['a preference of the wrong type', () => post('setPreferences', { author: { name: 'x' } })],
  ];
  it.each(refusedByTheApi)('%s → refused in the answer, the annotation and preferences are untouched', async (_name, request) => {
    const before = dataSnapshot();
    const response = await request();
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(dataSnapshot()).toBe(before);
    expect(ws.annotations.list().map((a) => a.id)).toContain(annotationId);
  });
});

describe('web shell: paths from clients stay inside', () => {
  it.each(['../outside/secret.txt', '/etc/passwd', '..%2foutside%2fsecret.txt', 'story.txt\u0000', '..\\outside\\secret.txt'])(
    'getDocument %j → refused, nothing read',
    async (id) => {
      const response = await post('getDocument', { id });
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(response.body).not.toContain(SECRET);
    },
  );

  it.each(['/leak.txt', '/assets/secret.txt', '/assets/', '/assets'])('GET %s (a link out of the served folder) → 404', async (pathname) => {
    const response = await rawRequest({ port: shell.port, path: pathname, headers: { 'x-casefile-token': shell.token } });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it('an API method name that tries to climb is an unknown method', async () => {
    const response = await post('..%2f..%2fgetDocument', { id: 'story.txt' });
    expect(response.status).toBe(404);
  });
});

describe('web shell: the same content security policy as the Electron shell', () => {
  it('sends it with every answer, refusals included', async () => {
    for (const response of [
      await rawRequest({ port: shell.port, path: '/' }),
      await rawRequest({ port: shell.port, path: '/?token=WRONG' }),
      await rawRequest({ port: shell.port, method: 'POST', path: '/api/listAnnotations', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await post('listAnnotations', {}),
    ]) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});
