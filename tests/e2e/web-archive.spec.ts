import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { failOnPageErrors } from './page-errors';
import { expect, test } from './web-shell';

test.use({ copyArchive: true });
failOnPageErrors();

const SHOTS = '/tmp/shots';
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkpoint closures in Almaty - Steppe Wire</title>
<meta property="og:site_name" content="Steppe Wire"></head><body><article><h1>Checkpoint closures in Almaty</h1>
<p>Residents said the quartermaster depot near the airport was sealed by troops on Thursday night.</p>
<p>Mobile internet stayed off for a fifth day.</p></article></body></html>`;

let crawl: Buffer;
let crawlDir: string;

/** A WARC written by Debian's wget from a local server: a redirect, then the page (no network). */
test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  crawlDir = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-warc-'));
  const server = http.createServer((request, response) => {
    if (request.url === '/story') return response.writeHead(302, { Location: '/2022/01/checkpoints' }).end();
    if (request.url === '/2022/01/checkpoints') return response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await promisify(execFile)('wget', ['-q', '--warc-file=checkpoints', '-P', 'download', `http://127.0.0.1:${port}/story`], { cwd: crawlDir }).catch((error: unknown) => {
    if ((error as { code?: number }).code !== 8) throw error; // 8: a 404 (robots.txt); the WARC is written
  });
  server.close();
  crawl = await readFile(path.join(crawlDir, 'checkpoints.warc.gz'));
});

test.afterAll(async () => {
  await rm(crawlDir, { recursive: true, force: true });
});

test('a web archive added through "Add files…": its page indexed, its records in the report, its capture shown and cited', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByLabel('Add files to the archive').setInputFiles([{ name: 'checkpoints.warc.gz', mimeType: 'application/warc', buffer: crawl }]);
  const added = page.getByRole('dialog', { name: 'Files added' });
  await expect(added).toBeVisible({ timeout: 30_000 }); // the page is read in a reading thread, started on demand
  await expect(added.getByRole('row').filter({ hasText: 'checkpoints.warc.gz' })).toContainText('web archive: 1 page indexed');
  await added.getByRole('button', { name: 'Close' }).click();

  // The ingest report lists every record of the crawl, with why each is not a document.
  await page.getByRole('button', { name: /documents? .*· \// }).click();
  const report = page.getByRole('dialog', { name: 'Ingest report' });
  const row = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'checkpoints.warc.gz', exact: true }) });
  await row.getByText(/captured records?/).click();
  await expect(row.getByRole('listitem').filter({ hasText: '/story' })).toContainText(/not indexed.*redirect \(302\) to http:\/\/127\.0\.0\.1:\d+\/2022\/01\/checkpoints/);
  await expect(row.getByRole('listitem').filter({ hasText: /^indexed/ })).toContainText(/\/2022\/01\/checkpoints$/);
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/web-archive-report.png` });
  await report.getByRole('button', { name: 'Close' }).click();

  // Found by its words, opened with its capture: address, time, record, digest checked.
  await page.getByLabel('Search the archive').fill('quartermaster depot');
  await page.locator('.result', { hasText: 'Checkpoint closures in Almaty' }).click();
  await expect(page.locator('.doc-title')).toHaveText('Checkpoint closures in Almaty');
  const info = page.getByLabel('Document information');
  await expect(info).toContainText(/URLhttp:\/\/127\.0\.0\.1:\d+\/2022\/01\/checkpoints/);
  await expect(info).toContainText(/Captured\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ · HTTP 200/);
  await expect(info).toContainText(/WARC recordurn:uuid:/);
  await expect(info).toContainText(/Redirected fromhttp:\/\/127\.0\.0\.1:\d+\/story/);
  await expect(info).toContainText(/Payload digestsha1:[A-Z2-7]{32} · matches the captured bytes/);
  await page.locator('.reader-header').screenshot({ path: `${SHOTS}/web-archive-reader-header.png` });
});
