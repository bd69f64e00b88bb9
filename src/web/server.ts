import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { invokeApi, isMethodName, type ApiResult } from '../core/api';
import { ArchiveSession } from '../core/session';
import type { Workstation } from '../core/workstation';
import { CONTENT_SECURITY_POLICY } from '../shell/csp';
import { servedFile } from '../shell/ui-files';
import { ORIGINAL_FILE_PATH } from '../shared/original-file-path';
import { originalAnswer } from './original-route';

export interface WebShellOptions {
  /** The archive served: fixed, or a session the user can switch to another folder. */
  workstation: Workstation | ArchiveSession;
  /** The built renderer (electron-vite's out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed only in tests; a fresh random token otherwise. */
  token?: string;
  /** Smaller only in tests: the largest request body, and the largest for a method that carries a file. */
  maxBodyBytes?: BodyLimits;
}

export interface BodyLimits {
  request: number;
  file: number;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MIB = 1024 * 1024;
/** Methods that carry a user's file (an import, a dossier to verify, files to add) may be as large as `file`. */
const BODY_LIMITS: BodyLimits = { request: 2 * MIB, file: 200 * MIB };
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

/**
 * The HTTP status of an API answer. A refusal the user can act on (a query still being typed, a
 * folder that is not there, a full disk) is an answer like any other: 200 with `ok: false`, which the
 * page turns into the same thrown error, since Chromium logs every 4xx/5xx fetch in the console as
 * "Failed to load resource". Only a failure nobody foresaw keeps its 500; the HTTP exchange's own
 * refusals (token, origin, method, size) keep their 4xx.
 */
export function statusOfAnswer(result: ApiResult<unknown>): number {
  return result.ok || result.error.code !== 'internal' ? 200 : 500;
}

/**
 * Serves the renderer and the API on 127.0.0.1. The API answers only requests carrying the token in
 * `X-Casefile-Token`: the page takes it from the printed URL into its tab's sessionStorage, which
 * only this origin (port included) can read. No cookie: a browser sends cookies for 127.0.0.1 to
 * every port, so any local server the user visits would receive it. The UI's files hold no secret
 * and are served without the token, which a page can only send once its script runs. Requests
 * naming another host (DNS rebinding) or coming from another origin (CSRF) are refused first.
 */
export async function startWebShell({
  workstation,
  rendererDir,
  port = 0,
  token = newToken(),
  maxBodyBytes = BODY_LIMITS,
}: WebShellOptions): Promise<WebShell> {
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
    if (url.pathname.startsWith('/api/')) {
      const presented = headerValue(request.headers['x-casefile-token']);
      if (presented === undefined || !sameToken(presented, token)) {
        return send(response, 401, 'text/plain; charset=utf-8', 'unauthorized: send the token of the URL that Casefile printed as X-Casefile-Token');
      }
      // A document's original, as a download (src/web/original-route.ts).
      if (url.pathname === ORIGINAL_FILE_PATH && (request.method === 'GET' || request.method === 'HEAD')) {
        const answer = await originalAnswer(workstation instanceof ArchiveSession ? workstation.current : workstation, url);
        response.writeHead(answer.status, { ...SECURITY_HEADERS, ...answer.headers });
        return void response.end(request.method === 'HEAD' ? undefined : answer.body);
      }
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'use POST for the API');
      // A page elsewhere can send a form or text/plain without asking; application/json it cannot.
      if (!isJson(request.headers['content-type'])) return send(response, 415, 'text/plain; charset=utf-8', 'the API takes application/json');
      return serveApi(url.pathname.slice('/api/'.length), request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed');
    // A stale or mistyped printed URL is told so at once rather than by the page's first API call.
    const offered = url.searchParams.get('token');
    if (offered !== null && !sameToken(offered, token)) {
      return send(response, 401, 'text/plain; charset=utf-8', 'unauthorized: wrong token; open the URL that the running Casefile printed');
    }
    return serveStatic(url.pathname, response);
  }

  async function serveApi(method: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const limit = FILE_METHODS.has(method) ? maxBodyBytes.file : maxBodyBytes.request;
    const body = await readBody(request, limit);
    if (body === null) {
      const message = `${method}: the request is too large for the web shell (over ${describeSize(limit)})`;
      return sendResult(response, 413, { ok: false, error: { code: 'invalid-argument', message } });
    }
    let args: unknown;
    try {
      args = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendResult(response, 400, { ok: false, error: { code: 'invalid-argument', message: `${method}: the request body is not valid JSON` } });
    }
    // No such method is a wrong address (a client out of step with this shell), not an answer.
    if (!isMethodName(method)) return sendResult(response, 404, { ok: false, error: { code: 'not-found', message: `unknown method ${JSON.stringify(method)}` } });
    const result =
      workstation instanceof ArchiveSession
        ? await invokeApi(workstation.current, method, args, workstation, callerOf(request))
        : await invokeApi(workstation, method, args, undefined, callerOf(request));
    return sendResult(response, statusOfAnswer(result), result);
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

/**
 * The request's body, or null when it is over `limit` bytes. Past the limit the rest is still read,
 * and dropped: a connection closed while the client is sending loses the answer (a reset instead of 413).
 */
function readBody(request: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks = [];
    });
    request.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function describeSize(bytes: number): string {
  return bytes >= MIB ? `${Math.floor(bytes / MIB)} MB` : `${bytes} bytes`;
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  response.end(body);
}

function sendResult(response: http.ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

/** The tab that called, as its page names itself (X-Casefile-Window): other tabs are told of its changes. */
function callerOf(request: http.IncomingMessage): string | undefined {
  const named = headerValue(request.headers['x-casefile-window']);
  return named && /^[\w-]{1,64}$/.test(named) ? `tab-${named}` : undefined;
}
