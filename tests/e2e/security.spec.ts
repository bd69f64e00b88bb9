import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { XSS_VECTORS } from '../helpers/xss-vectors';
import { api } from './api';
import { expect, test, type RunningShell } from './web-shell';

/** A vector that is a valid file name (no slash): the file's name itself is hostile. */
const HOSTILE_NAME = '<img src=x onerror=window.__xss=50;alert(50)>.txt';

/** An archive whose every document, title, metadata field and file name carries XSS vectors. */
async function hostileArchive(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-hostile-'));
  const lines = (title: string) => [title, '', ...XSS_VECTORS].join('\n');
  await writeFile(path.join(dir, 'hostile-text.txt'), lines('Hostile text article'));
  await writeFile(
    path.join(dir, 'hostile-text.meta.json'),
    JSON.stringify({ title: `Hostile text article ${XSS_VECTORS[0]}`, publisher: XSS_VECTORS[1], url: 'javascript:window.__xss=51;alert(51)', author: XSS_VECTORS[2] }),
  );
  await writeFile(
    path.join(dir, 'hostile-page.html'),
    `<!doctype html><html lang="en"><head><title>Hostile page ${XSS_VECTORS[26]}</title><meta name="author" content="${XSS_VECTORS[1].replace(/"/g, '&quot;')}"><link rel="canonical" href="javascript:window.__xss=52;alert(52)"></head>` +
      `<body><article><h1>Hostile page</h1><p>The xenolith collection was catalogued in March.</p>${XSS_VECTORS.map((v) => `<p>${v}</p><p>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</article></body></html>`,
  );
  await writeFile(path.join(dir, 'hostile-notes.md'), `---\ntitle: "Hostile markdown ${XSS_VECTORS[6].replace(/"/g, '\\"')}"\n---\n${XSS_VECTORS.join('\n\n')}\n`);
  await writeFile(path.join(dir, HOSTILE_NAME), lines('Hostile file name'));
  return dir;
}

/** Everything the page does that shows code ran or was blocked: dialogs, console errors, page errors. */
function watchForCode(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

const sentinel = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

async function openDocument(page: Page, query: string, title: RegExp): Promise<void> {
  await page.getByLabel('Search the archive').fill(query);
  await page.locator('.result-item').filter({ hasText: title }).first().getByRole('button').first().click();
  await expect(page.locator('h1.doc-title')).toHaveText(title);
}

test.describe('content is data, never code', () => {
  let archive: string;
  test.beforeEach(async () => {
    archive = await hostileArchive();
  });
  test.afterEach(async () => {
    await rm(archive, { recursive: true, force: true });
  });

  test(`${XSS_VECTORS.length} XSS vectors in documents (text, HTML, Markdown, metadata, a file name) and in notes and tags run nothing`, async ({ page, shell }) => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(30);
    const seen = watchForCode(page);
    await api(page, shell, 'openArchive', { path: archive });
    for (const vector of XSS_VECTORS) {
      await api(page, shell, 'annotateQuote', { docId: 'hostile-text.txt', quote: vector, note: `Note: ${vector}`, tags: [vector.slice(0, 100)] });
    }
    await page.goto(shell.url);
    await expect(page.getByRole('button', { name: /4 documents/ })).toBeVisible();

    await openDocument(page, 'Hostile text article', /^Hostile text article <script>/);
    const article = page.locator('.doc-text');
    for (const vector of XSS_VECTORS.slice(0, 5)) await expect(article).toContainText(vector);
    await expect(page.locator('.doc-url')).toHaveText('javascript:window.__xss=51;alert(51)');
    await expect(page.locator('.doc-info a')).toHaveCount(0);
    for (const vector of XSS_VECTORS) await expect(page.getByText(`Note: ${vector}`, { exact: true }).first()).toBeAttached();

    await openDocument(page, 'xenolith', /^Hostile page/);
    await expect(page.locator('.doc-text')).toContainText('<script>window.__xss=1;alert(1)</script>');
    await openDocument(page, 'Hostile markdown', /^Hostile markdown/);
    await expect(page.locator('.doc-text')).toContainText(XSS_VECTORS[36]);
    await openDocument(page, 'Hostile file name', /^Hostile file name/);
    await page.getByRole('tab', { name: 'All annotations' }).click();
    await page.getByRole('button', { name: /4 documents/ }).click();
    await expect(page.getByRole('dialog', { name: 'Ingest report' }).getByText(HOSTILE_NAME)).toBeVisible();

    expect(await page.locator('script:not([src]), iframe, object, embed, img, svg, a[href^="javascript"]').count()).toBe(0);
    expect(await sentinel(page)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});

test('the page refuses inline script, remote images and markup from strings even if some got in (CSP with Trusted Types, in the header and in the page)', async ({ page, shell }) => {
  const response = await page.goto(shell.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const script = document.createElement('script');
    // Through a text node: assigning script.textContent is refused outright by Trusted Types.
    script.append(document.createTextNode('window.__xss = "inline"'));
    document.body.append(script);
    const image = document.createElement('img');
    image.src = 'https://tracker.example/pixel.gif';
    document.body.append(image);
    // Trusted Types: a string handed to an HTML sink is refused outright.
    let markupTaken = true;
    try {
      document.createElement('div').innerHTML = '<img src=x onerror="window.__xss=1">';
    } catch {
      markupTaken = false;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { violations, markupTaken, sentinel: (window as unknown as { __xss?: unknown }).__xss };
  });
  expect(outcome.sentinel).toBeUndefined();
  expect(outcome.markupTaken).toBe(false);
  expect(outcome.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^(script-src|require-trusted-types-for)/), expect.stringMatching(/^img-src/)]));
});

test.describe('the web shell is nobody else’s', () => {
  /** A page on another local port: same site as the shell, another origin. It notes every Cookie header it receives. */
  async function attackerSite(shell: RunningShell): Promise<{ url: string; cookiesReceived: string[]; close: () => Promise<void> }> {
    const target = new URL(shell.url).origin;
    const page = `<!doctype html><title>attacker</title><body><form id="f" method="POST" action="${target}/api/setPreferences" enctype="text/plain"><input name='{"author":"pwned","x":"' value='"}'></form>
<script>
fetch('${target}/api/setPreferences', { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ author: 'pwned' }) })
  .catch(() => {}).finally(() => { document.title = 'fetched'; });
</script></body>`;
    const cookiesReceived: string[] = [];
    const server = http.createServer((request, response) => {
      if (request.headers.cookie !== undefined) cookiesReceived.push(request.headers.cookie);
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      cookiesReceived,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }

  test('the printed URL’s token moves into the tab, not a cookie, and leaves the address bar; a reload keeps working; a new tab is told where to get it', async ({ page, browser, shell }) => {
    const token = new URL(shell.url).searchParams.get('token') ?? '';
    await page.goto(shell.url);
    expect(page.url()).toBe(`${new URL(shell.url).origin}/`);
    await expect(page.getByLabel('Search the archive')).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.reload();
    await page.getByLabel('Search the archive').fill('Zhanaozen');
    await expect(page.locator('.result').first()).toBeVisible();
    expect(page.url()).not.toContain(token);
    const stranger = await browser.newPage();
    try {
      await stranger.goto(`${new URL(shell.url).origin}/`);
      await expect(stranger.getByRole('heading', { name: 'Open the address Casefile printed' })).toBeVisible();
      await expect(stranger.getByLabel('Search the archive')).toHaveCount(0);
    } finally {
      await stranger.close();
    }
  });

  test('another local server the user visits receives no token', async ({ page, shell }) => {
    await page.goto(shell.url);
    await expect(page.getByLabel('Search the archive')).toBeVisible();
    const attacker = await attackerSite(shell);
    try {
      await page.goto(attacker.url);
      await expect(page).toHaveTitle('fetched');
      expect(attacker.cookiesReceived).toEqual([]);
    } finally {
      await attacker.close();
    }
  });

  test('a page on another local port cannot use the API: fetch and form posts are refused, preferences unchanged', async ({ page, shell }) => {
    await page.goto(shell.url);
    const before = await api<{ author: string }>(page, shell, 'getPreferences', {});
    const attacker = await attackerSite(shell);
    try {
      // What became of each request to the API: the form's answer, and the fetch's (whose answer the
      // browser withholds from the page: Cross-Origin-Resource-Policy).
      const outcomes: string[] = [];
      const isTarget = (url: string) => url.includes('/api/setPreferences');
      page.on('response', (response) => void (isTarget(response.url()) && outcomes.push(`${response.request().resourceType()} ${response.status()}`)));
      page.on('requestfailed', (request) => void (isTarget(request.url()) && outcomes.push(`${request.resourceType()} ${request.failure()?.errorText}`)));
      await page.goto(attacker.url);
      await expect(page).toHaveTitle('fetched');
      await page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit());
      await page.waitForLoadState();
      await expect.poll(() => outcomes.sort()).toEqual(['document 403', expect.stringMatching(/^fetch (403|net::ERR_BLOCKED_BY_RESPONSE)/)]);
    } finally {
      await attacker.close();
    }
    expect(await api<{ author: string }>(page, shell, 'getPreferences', {})).toEqual(before);
  });
});
