import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { invokeApi, type ApiResult } from '../core/api';
import type { ErrorCode } from '../core/errors';
import { ArchiveSession } from '../core/session';
import type { Workstation } from '../core/workstation';
import { CONTENT_SECURITY_POLICY } from './csp';
import { servedFile } from './ui-files';

export interface WebShellOptions {
  /** The archive served: fixed, or a session the user can switch to another folder. */
  workstation: Workstation | ArchiveSession;
  /** The built renderer (electron-vite's out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed only in tests; a fresh random token otherwise. */
  token?: string;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const COOKIE = 'casefile_token';
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Methods that carry a user's file (an import, a dossier to verify, files to add) may be this large. */
const MAX_FILE_BODY_BYTES = 200 * 1024 * 1024;
const FILE_METHODS = new Set(['addFiles', 'importAnnotations', 'verifyDossier']);


const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  'invalid-argument': 400,
  'invalid-query': 400,
  ambiguous: 400,
  'not-found': 404,
  'store-corrupt': 409,
  'write-failed': 507,
  internal: 500,
};

/**
 * Serves the renderer and the API on 127.0.0.1 to whoever holds the token: the printed URL sets it
 * as an HttpOnly cookie; API clients may send it as `X-Casefile-Token`. Requests naming another host
 * (DNS rebinding) or coming from another origin (CSRF) are refused before the token is even read.
 */
export async function startWebShell({ workstation, rendererDir, port = 0, token = newToken() }: WebShellOptions): Promise<WebShell> {
  const root = path.resolve(rendererDir);
  let boundPort = port;
  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('web shell:', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error');
      else response.destroy();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const allowedHosts = [`${HOST}:${boundPort}`, `localhost:${boundPort}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return send(response, 403, 'text/plain; charset=utf-8', 'forbidden: unexpected Host header');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
      return send(response, 403, 'text/plain; charset=utf-8', 'forbidden: cross-origin request');
    }
    const url = new URL(request.url ?? '/', `http://${HOST}:${boundPort}`);
    const offered = url.searchParams.get('token');
    if (request.method === 'GET' && url.pathname === '/' && offered !== null) {
      if (!sameToken(offered, token)) return send(response, 401, 'text/plain; charset=utf-8', 'unauthorized: wrong token');
      response.writeHead(302, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      response.end();
      return;
    }
    const presented = headerValue(request.headers['x-casefile-token']) ?? cookieValue(request.headers.cookie, COOKIE);
    if (presented === undefined || !sameToken(presented, token)) {
      return send(response, 401, 'text/plain; charset=utf-8', 'unauthorized: open the URL that Casefile printed; it carries the access token');
    }
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'use POST for the API');
      // A page elsewhere can send a form or text/plain without asking; application/json it cannot.
      if (!isJson(request.headers['content-type'])) return send(response, 415, 'text/plain; charset=utf-8', 'the API takes application/json');
      return serveApi(url.pathname.slice('/api/'.length), request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
    return serveStatic(url.pathname, response);
  }

  async function serveApi(method: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let body: string;
    const limit = FILE_METHODS.has(method) ? MAX_FILE_BODY_BYTES : MAX_BODY_BYTES;
    try {
      body = await readBody(request, limit);
    } catch {
      return sendResult(response, 413, { ok: false, error: { code: 'invalid-argument', message: `request body over ${limit} bytes` } });
    }
    let args: unknown;
    try {
      args = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendResult(response, 400, { ok: false, error: { code: 'invalid-argument', message: `${method}: the request body is not valid JSON` } });
    }
    const result =
      workstation instanceof ArchiveSession
        ? await invokeApi(workstation.current, method, args, workstation)
        : await invokeApi(workstation, method, args);
    return sendResult(response, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
  }

  async function serveStatic(pathname: string, response: http.ServerResponse): Promise<void> {
    const file = await servedFile(root, pathname);
    if (file === null) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return send(response, 200, type, await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${boundPort}/?token=${token}`,
    port: boundPort,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  response.end(body);
}

function sendResult(response: http.ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result));
}
