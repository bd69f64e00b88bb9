/** The renderer's HTTP transport against a real web shell: what each kind of answer becomes for the page. */
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation } from '../../src/core/workstation';
import { ApiCallError, createClient, httpTransport } from '../../src/renderer/src/api/client';
import { startWebShell, type WebShell } from '../../src/web/server';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-http-transport-');

let shell: WebShell;
let ws: Workstation;
let origin: string;

beforeAll(async () => {
  const base = await temp.make();
  const [archive, renderer] = ['archive', 'renderer'].map((name) => path.join(base, name));
  for (const dir of [archive, renderer]) await mkdir(dir);
  await writeFile(path.join(archive, 'story.txt'), 'A story\n\nThe xenolith collection was catalogued in March.');
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Casefile</title>');
  ws = await Workstation.open({ archiveDir: archive, dataDir: path.join(base, 'data'), indexBuilder: inProcessBuilder });
  shell = await startWebShell({ workstation: ws, rendererDir: renderer, maxBodyBytes: { request: 1024, file: 4096 } });
  origin = `http://127.0.0.1:${shell.port}`;
});

afterAll(async () => {
  await shell.close();
  await ws.close();
  await temp.cleanup();
});

describe('the renderer’s HTTP transport', () => {
  it('sends the token in its header: the call is answered', async () => {
    const client = createClient(httpTransport(shell.token, origin));
    expect((await client.call('search', { query: 'xenolith' })).total).toBe(1);
  });

  it('a refusal answered with 200 (a query still being typed) becomes the same ApiCallError, with its code and place', async () => {
    const client = createClient(httpTransport(shell.token, origin));
    const refusal = await client.call('search', { query: 'xenolith "collection was' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiCallError);
    expect(refusal).toMatchObject({ code: 'invalid-query', span: { start: 9 } });
    await expect(client.call('openArchive', { path: '/no/such/folder' })).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('a body over the shell’s limit becomes a refused call saying it is too large, not “not reachable”', async () => {
    const client = createClient(httpTransport(shell.token, origin));
    const refusal = await client.call('importAnnotations', { content: 'x'.repeat(5000) }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiCallError);
    expect((refusal as ApiCallError).message).toMatch(/^importAnnotations: the request is too large for the web shell \(over 4096 bytes\)/);
  });

  it('a token the shell does not know becomes a refused call that says to open the printed URL', async () => {
    const client = createClient(httpTransport('an-old-token', origin));
    await expect(client.call('search', { query: 'xenolith' })).rejects.toThrow(/Not authorised.*Open the URL it printed/);
  });

  it('a shell that is gone becomes a refused call saying it is not reachable', async () => {
    const client = createClient(httpTransport(shell.token, `http://127.0.0.2:${shell.port}`)); // the shell listens on 127.0.0.1 only
    await expect(client.call('search', { query: 'xenolith' })).rejects.toThrow(/not reachable/);
  });

  it('a plain-text refusal (as the shell gives for a foreign Host) becomes a refused call carrying its words, not a JSON parse error', async () => {
    const refusing = http.createServer((_request, response) => {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('forbidden: unexpected Host header');
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    try {
      const client = createClient(httpTransport(shell.token, `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`));
      await expect(client.call('search', { query: 'xenolith' })).rejects.toThrow('The web shell refused the call (403: forbidden: unexpected Host header).');
    } finally {
      await new Promise((resolve) => refusing.close(resolve));
    }
  });

  it('tells a tab of the changes another tab made, and not of its own', async () => {
    const [first, second] = [createClient(httpTransport(shell.token, origin)), createClient(httpTransport(shell.token, origin))];
    const before = { first: await first.call('dataRevision', {}), second: await second.call('dataRevision', {}) };
    await first.call('annotateQuote', { docId: 'story.txt', quote: 'xenolith collection' });
    await first.call('createDossier', { name: 'Tabs' });
    expect((await first.call('dataRevision', {})).data).toBe(before.first.data);
    expect((await second.call('dataRevision', {})).data).toBe(before.second.data + 2);
    // Reading changes nothing anyone needs to hear of.
    await second.call('listAnnotations', {});
    expect((await first.call('dataRevision', {})).data).toBe(before.first.data);
  });
});

