import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchive, MAX_FILE_BYTES } from '../../../src/core/archive/archive';
import { IngestCatalog } from '../../../src/core/archive/catalog';
import { verifyEvidenceBundle } from '../../../src/core/dossier/evidence-bundle';
import { readManifestFromPdf, isListed } from '../../../src/core/dossier/verify';
import { readOriginalFile } from '../../../src/core/original-file';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { Workstation } from '../../../src/core/workstation';
import { runCli } from '../../helpers/cli';
import { tempDirs } from '../../helpers/temp-dir';

/**
 * Web archives as Debian's wget writes them (`wget --warc-file`), crawled in the test from a local
 * server (no network): a page reached through a redirect, an image, a PDF, a missing robots.txt, and
 * a second crawl with `--warc-dedup` that writes revisit records. wget writes no WACZ: that package
 * is built here from the first crawl's WARC, as Webrecorder's tools lay it out.
 */
const run = promisify(execFile);
const temp = tempDirs('casefile-warc-');

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Death toll rises to 227 - Steppe Wire</title>
<meta property="og:site_name" content="Steppe Wire"><meta name="author" content="Dana Omarova">
<meta property="article:published_time" content="2022-01-15T09:00:00Z"></head>
<body><article><h1>Death toll rises to 227</h1><p>By Dana Omarova</p>
<p>The death toll from the January unrest stands at 227, the prosecutor general’s office said on Saturday.</p>
<p>About 9,900 people were detained across Kazakhstan, officials said.</p><img src="/photo.png" alt=""></article></body></html>`;
const PDF_SENTENCE = 'Detention figures reported by the ministry: 9,900 detained.';

let root: string;
let port: number;
let server: http.Server;
const served: Record<string, { type: string; body: Uint8Array } | { redirect: string }> = {};

async function pdfBytes(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([400, 300]).drawText(PDF_SENTENCE, { x: 20, y: 250, size: 10, font });
  return pdf.save();
}

async function crawl(name: string, extra: string[]): Promise<void> {
  const urls = ['/old-address', '/report.pdf'].map((p) => `http://127.0.0.1:${port}${p}`);
  await run('wget', ['-q', '-p', '--no-verbose', `--warc-file=${name}`, ...extra, '-P', path.join(root, `download-${name}`), ...urls], { cwd: root }).catch((error: unknown) => {
    // wget exits 8 when a request answers with an error status (the robots.txt 404): the WARC is written all the same.
    if ((error as { code?: number }).code !== 8) throw error;
  });
}

beforeAll(async () => {
  root = await temp.make();
  Object.assign(served, {
    '/old-address': { redirect: '/news/death-toll' },
    '/news/death-toll': { type: 'text/html; charset=utf-8', body: new TextEncoder().encode(ARTICLE) },
    '/photo.png': { type: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
    '/report.pdf': { type: 'application/pdf', body: await pdfBytes() },
  });
  server = http.createServer((request, response) => {
    const found = served[request.url ?? ''];
    if (!found) return response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
    if ('redirect' in found) return response.writeHead(301, { Location: found.redirect }).end('moved');
    response.writeHead(200, { 'Content-Type': found.type }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  await crawl('first', ['--warc-cdx', '--no-warc-compression']);
  await crawl('second', [`--warc-dedup=${path.join(root, 'first.cdx')}`]);
}, 120_000);

afterAll(async () => {
  server?.close();
  await temp.cleanup();
});

/** An archive folder holding these files of the crawl folder (renamed as given). */
async function archiveWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await temp.make();
  for (const [name, source] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    if (typeof source === 'string') await copyFile(path.join(root, source), path.join(dir, name));
    else await writeFile(path.join(dir, name), source);
  }
  return dir;
}

/** A WACZ of these WARCs (stored under archive/), with datapackage.json stating each one's SHA-256. */
function wacz(warcs: Record<string, Uint8Array>, statedHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')): Uint8Array {
  const resources = Object.entries(warcs).map(([name, bytes]) => ({ name, path: `archive/${name}`, hash: `sha256:${statedHash(bytes)}`, bytes: bytes.length }));
  const datapackage = { profile: 'data-package', wacz_version: '1.1.1', resources };
  const entries: Record<string, Uint8Array> = { 'datapackage.json': new TextEncoder().encode(JSON.stringify(datapackage)) };
  for (const [name, bytes] of Object.entries(warcs)) entries[`archive/${name}`] = bytes;
  return zipSync(entries);
}

describe('web archives written by wget', () => {
  it('each captured page and PDF is a document with its capture: address, time, record id, payload digest', async () => {
    const dir = await archiveWith({ 'web/first.warc': 'first.warc' });
    const { documents, report } = await loadArchive(dir);
    expect(documents.map((d) => [d.format, d.capture?.url])).toEqual(
      expect.arrayContaining([
        ['html', `http://127.0.0.1:${port}/news/death-toll`],
        ['pdf', `http://127.0.0.1:${port}/report.pdf`],
      ]),
    );
    expect(documents).toHaveLength(2);
    const page = documents.find((d) => d.format === 'html')!;
    expect(page.id).toBe(`web/first.warc#${page.capture!.recordId}`);
    expect(page.capture).toMatchObject({
      recordId: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
      capturedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      payloadDigest: expect.stringMatching(/^sha1:[A-Z2-7]{32}$/),
      payloadDigestMatches: true,
      archiveFile: 'web/first.warc',
      httpStatus: 200,
      mediaType: 'text/html',
      redirectedFrom: [`http://127.0.0.1:${port}/old-address`],
    });
    // The page is read as an HTML file is: the article's text, its title without the site name, its byline.
    expect(page.title).toBe('Death toll rises to 227');
    expect(page.byline).toBe('Dana Omarova');
    expect(page.text).toContain('The death toll from the January unrest stands at 227');
    expect(page.url).toBe(page.capture!.url);
    expect(page.retrieved?.iso).toBe(page.capture!.capturedAt.slice(0, 10));
    expect(page.sha256).toBe(createHash('sha256').update(ARTICLE).digest('hex'));
    expect(documents.find((d) => d.format === 'pdf')!.text).toContain(PDF_SENTENCE);

    const row = report.find((e) => e.file === 'web/first.warc')!;
    expect(row).toMatchObject({ status: 'indexed', format: 'warc', sha256: createHash('sha256').update(await readFile(path.join(dir, 'web/first.warc'))).digest('hex') });
    expect(row.reason).toMatch(/^web archive: 2 pages indexed, 3 records not/);
    const why = Object.fromEntries(row.captures!.filter((c) => c.docId === null).map((c) => [new URL(c.url).pathname, c.reason]));
    expect(why).toEqual({
      '/old-address': `redirect (301) to http://127.0.0.1:${port}/news/death-toll`,
      '/robots.txt': 'HTTP 404 Not Found: not a page',
      '/photo.png': 'image/png: not a page or PDF',
    });
  });

  it('a second crawl with --warc-dedup holds revisits only: listed with the record they repeat, nothing indexed twice', async () => {
    const dir = await archiveWith({ 'first.warc': 'first.warc', 'second.warc.gz': 'second.warc.gz' });
    const { documents, report } = await loadArchive(dir);
    expect(documents.every((d) => d.id.startsWith('first.warc#'))).toBe(true);
    expect(documents).toHaveLength(2);
    const second = report.find((e) => e.file === 'second.warc.gz')!;
    expect(second).toMatchObject({ status: 'skipped', format: 'warc.gz' });
    expect(second.reason).toMatch(/^no page or PDF captured/);
    const firstIds = new Set(report.find((e) => e.file === 'first.warc')!.captures!.map((c) => c.recordId));
    const revisits = second.captures!;
    expect(revisits.length).toBeGreaterThanOrEqual(3);
    for (const revisit of revisits) {
      expect(revisit.docId).toBeNull();
      const referred = /a revisit of record (urn:uuid:[0-9a-f-]+)/.exec(revisit.reason ?? '');
      expect(referred, revisit.reason ?? '').not.toBeNull();
      expect(firstIds.has(referred![1])).toBe(true);
    }
  });

  it('a WACZ package is read from its WARCs, and a WARC altered after packaging is reported', async () => {
    const warc = new Uint8Array(await readFile(path.join(root, 'second.warc.gz')));
    const first = new Uint8Array(await readFile(path.join(root, 'first.warc')));
    const dir = await archiveWith({ 'crawl.wacz': wacz({ 'data.warc': first }), 'altered.wacz': wacz({ 'data.warc': first }, () => '0'.repeat(64)), 'revisits.wacz': wacz({ 'data.warc.gz': warc }) });
    const { documents, report } = await loadArchive(dir);
    const fromPackage = documents.filter((d) => d.id.startsWith('crawl.wacz#'));
    expect(fromPackage.map((d) => d.format).sort()).toEqual(['html', 'pdf']);
    expect(fromPackage[0].capture).toMatchObject({ archiveFile: 'crawl.wacz', warcName: 'archive/data.warc', payloadDigestMatches: true });
    expect(report.find((e) => e.file === 'crawl.wacz')!.reason).not.toMatch(/altered/);
    expect(report.find((e) => e.file === 'altered.wacz')!.reason).toMatch(/archive\/data\.warc does not match the SHA-256 in datapackage\.json: it was altered after the WACZ was packaged/);
    expect(report.find((e) => e.file === 'revisits.wacz')!.status).toBe('skipped');
  });

  it('damaged archives: a file that is no WARC is skipped with the reason, one cut short keeps the records before the cut', async () => {
    const first = await readFile(path.join(root, 'first.warc'));
    // Cut inside the last record (the PDF's response): the page before it is whole.
    const cut = first.lastIndexOf('WARC-Type: response');
    const altered = Buffer.from(first.toString('latin1').replace('stands at 227', 'stands at 127'), 'latin1');
    const notZip = new TextEncoder().encode('PK\u0003\u0004 not really a zip');
    const dir = await archiveWith({
      'not-a-warc.warc': new TextEncoder().encode('<html><body>a page saved under the wrong name</body></html>'),
      'cut.warc': first.subarray(0, cut + 600),
      'altered.warc': altered,
      'broken.wacz': notZip,
      'empty.wacz': zipSync({ 'datapackage.json': new TextEncoder().encode('{"resources":[]}') }),
    });
    const { documents, report } = await loadArchive(dir);
    const row = (file: string) => report.find((e) => e.file === file)!;
    expect(row('not-a-warc.warc')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not a WARC file/) });
    expect(row('broken.wacz')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^not a WACZ package: the zip cannot be read/) });
    expect(row('empty.wacz')).toMatchObject({ status: 'skipped', reason: 'the WACZ holds no WARC file under archive/' });
    expect(documents.filter((d) => d.id.startsWith('cut.warc#')).map((d) => d.format)).toEqual(['html']);
    const cutPdf = row('cut.warc').captures!.find((c) => c.url.endsWith('/report.pdf'))!;
    expect(cutPdf).toMatchObject({ docId: null, reason: expect.stringMatching(/do not match its WARC-Payload-Digest/) });
    // A page whose bytes were changed in the WARC is still read, and says so wherever it is shown.
    const changed = documents.find((d) => d.id.startsWith('altered.warc#') && d.format === 'html')!;
    expect(changed.text).toContain('stands at 127');
    expect(changed.capture?.payloadDigestMatches).toBe(false);
    expect(row('altered.warc').captures!.find((c) => c.docId === changed.id)!.reason).toMatch(/do not match its WARC-Payload-Digest: the capture was cut short or altered/);
  });

  it('a web archive over the 64 MiB of an article is read (a crawl holds images and scripts besides its pages)', async () => {
    const size = MAX_FILE_BYTES + 1024 * 1024;
    const head = `WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://127.0.0.1/video.bin\r\nWARC-Date: 2022-01-15T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nContent-Type: application/octet-stream\r\nContent-Length: ${size}\r\n\r\n`;
    const big = Buffer.concat([await readFile(path.join(root, 'first.warc')), Buffer.from(head), Buffer.alloc(size, 0x41), Buffer.from('\r\n\r\n')]);
    const dir = await archiveWith({ 'big.warc': big });
    const { documents, report } = await loadArchive(dir);
    expect(report.find((e) => e.file === 'big.warc')).toMatchObject({ status: 'indexed', reason: expect.stringMatching(/^web archive: 2 pages indexed, 4 records not/) });
    expect(documents).toHaveLength(2);
  }, 120_000);

  it('the ingest catalog keeps every page of a web archive: a second open reads nothing and gives the same documents', async () => {
    const dir = await archiveWith({ 'first.warc.gz': new Uint8Array(await gzipOf('first.warc')) });
    const catalogFile = path.join(await temp.make(), 'catalog');
    const fresh = await loadArchive(dir, await IngestCatalog.open(catalogFile));
    const again = await loadArchive(dir, await IngestCatalog.open(catalogFile));
    expect(again.reused).toEqual(['first.warc.gz']);
    expect(again.documents.map((d) => [d.id, d.text, d.capture])).toEqual(fresh.documents.map((d) => [d.id, d.text, d.capture]));
    expect(fresh.documents).toHaveLength(2);
  });
});

/** The first crawl gzipped record by record, as `--warc-file` writes by default (a member per record). */
async function gzipOf(name: string): Promise<Buffer> {
  const out = await temp.make();
  await copyFile(path.join(root, name), path.join(out, name));
  await run('gzip', ['-k', path.join(out, name)]);
  const gz = await readFile(path.join(out, `${name}.gz`));
  expect(gunzipSync(gz).length).toBeGreaterThan(0);
  return gz;
}

describe('web archives on the command line', () => {
  it('index --report lists each record under its archive; search --json finds the page by its words', async () => {
    const archive = await archiveWith({ 'crawl.warc': 'first.warc' });
    const data = await temp.make();
    const report = await runCli(['index', '--report', '--archive', archive, '--data', data]);
    expect(report.code).toBe(0);
    const lines = report.stdout.split('\n');
    const row = lines.findIndex((line) => /^indexed +crawl\.warc +— web archive: 2 pages indexed, 3 records not/.test(line));
    expect(row, report.stdout).toBeGreaterThan(-1);
    const records = lines.slice(row + 1, row + 6);
    expect(records.filter((line) => /^ +indexed +http:\/\/127\.0\.0\.1:\d+\/\S+ +→ crawl\.warc#urn:uuid:/.test(line))).toHaveLength(2);
    expect(records.filter((line) => /^ +not +http:\/\/127\.0\.0\.1:\d+\/\S+ +— /.test(line))).toHaveLength(3);
    const search = await runCli(['search', 'prosecutor general', '--json', '--archive', archive, '--data', data]);
    expect(search.code).toBe(0);
    const hits = (JSON.parse(search.stdout) as { hits: Array<{ id: string }> }).hits;
    expect(hits.map((h) => h.id)).toEqual([expect.stringMatching(/^crawl\.warc#urn:uuid:/)]);
  }, 120_000);
});

describe('captured pages in the workstation', () => {
  it('are searched, cited as captured from their address on their date, with custody from the capture, and verify', async () => {
    const archiveDir = await archiveWith({ 'first.warc': 'first.warc' });
    const ws = await Workstation.open({ archiveDir, dataDir: await temp.make(), now: () => new Date('2026-01-02T03:04:05Z'), indexBuilder: inProcessBuilder });
    try {
      await ws.indexReady();
      const hits = ws.search('"death toll" 227', {}).hits;
      expect(hits).toHaveLength(1);
      const docId = hits[0].id;
      expect(docId).toMatch(/^first\.warc#urn:uuid:/);
      await ws.archive.custodyView(); // the ledger is written
      const custody = await ws.archive.custody(docId);
      expect(custody.captured).toMatchObject({ url: `http://127.0.0.1:${port}/news/death-toll`, payloadDigestMatches: true });
      expect(custody.firstSeen).toBe('2026-01-02T03:04:05.000Z');

      await ws.annotations.annotateQuote({ docId, quote: 'About 9,900 people were detained across Kazakhstan', note: 'Detentions.' });
      const exported = await ws.dossiers.export(null, 'pdf');
      const manifest = await readManifestFromPdf(exported.bytes);
      expect(manifest.quotes[0].docId).toBe(docId);
      const report = await ws.dossiers.verifyPdf(exported.bytes);
      expect(report.quotes.filter(isListed).map((q) => q.source)).toEqual(['ok']);
      const markdown = new TextDecoder().decode((await ws.dossiers.export(null, 'md')).bytes);
      expect(markdown).toMatch(new RegExp(`Captured from http://127\\.0\\.0\\.1:${port}/news/death-toll on \\w+ \\d+, \\d{4} at \\d\\d:\\d\\d:\\d\\d UTC\\.`));
      expect(markdown).not.toMatch(/Retrieved/);
      // The original of a captured page is its web archive file, handed over as bytes to save.
      const original = await readOriginalFile(ws, docId);
      expect(original).toMatchObject({ fileName: 'first.warc', mediaType: 'application/octet-stream' });
      expect(Buffer.compare(original.bytes, await readFile(path.join(archiveDir, 'first.warc')))).toBe(0);
      // The evidence bundle carries the whole web archive, and verifies with nothing but itself.
      const bundle = await ws.dossiers.export(null, 'bundle');
      const checked = await verifyEvidenceBundle(bundle.bytes);
      expect(checked.bundle.sources).toEqual([{ docId, sha256: createHash('sha256').update(await readFile(path.join(archiveDir, 'first.warc'))).digest('hex'), state: 'ok' }]);
      expect(checked.bundle.problems).toEqual([]);
      expect(checked.quotes.filter(isListed).map((q) => q.source)).toEqual(['ok']);
    } finally {
      await ws.close();
    }
  }, 120_000);
});
