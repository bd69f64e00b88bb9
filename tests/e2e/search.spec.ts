import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { failOnPageErrors } from './page-errors';
import { screenshots } from './screen-checks';
import { expect, test } from './web-shell';

const ARCHIVE = path.resolve(import.meta.dirname, '../../archive');
const SHOTS = '/tmp/shots';

/** Ids of the archive's documents whose text contains `needle` (case-insensitive), read from the files. */
async function documentsContaining(needle: string): Promise<string[]> {
  const ids: string[] = [];
  for (const name of (await readdir(ARCHIVE)).filter((n) => n.endsWith('.txt')).sort()) {
    // As the archive does: CRLF to LF; runs of spaces and line breaks count as one space between words.
    const text = (await readFile(path.join(ARCHIVE, name), 'utf8')).replace(/\r\n?/g, '\n').replace(/\s+/g, ' ');
    if (text.toLowerCase().includes(needle.toLowerCase())) ids.push(name);
  }
  return ids;
}

/** The ids listed once the list answers the current input (an outdated list is marked aria-busy). */
async function listedIds(page: Page): Promise<string[]> {
  await expect(page.locator('ol.results[aria-busy]')).toHaveCount(0);
  return (await page.locator('.result-item').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id ?? ''))).sort();
}

async function search(page: Page, query: string): Promise<void> {
  await page.getByLabel('Search the archive').fill(query);
}

const shot = screenshots(SHOTS);

// Uncaught errors in the page fail a test: a bad query must not crash the UI.
failOnPageErrors();
test.beforeEach(({ page, shell }) => page.goto(shell.url));

test('typing a query lists every matching article with its passages marked and the term counted', async ({ page }) => {
  await search(page, 'Zhanaozen');
  await expect.poll(() => listedIds(page)).toEqual(await documentsContaining('Zhanaozen'));
  const first = page.locator('.result-item').first();
  await expect(first.locator('.snippet').first()).toBeVisible();
  await expect(first.locator('.snippet mark').first()).toHaveText(/^zhanaozen$/i);
  await expect(page.getByRole('list', { name: 'Query terms in the results' })).toContainText(/Zhanaozen \d+ in 3 docs/);
});

test('the query syntax and the filters are one click away', async ({ page }) => {
  await page.locator('summary', { hasText: 'Query syntax' }).click();
  const help = page.locator('.syntax-help');
  for (const example of ['"shoot without warning"', '+Almaty', 'title:', 'Tokayev^2', 'liquefied~1', 'protest*']) {
    await expect(help.getByText(example, { exact: true })).toBeVisible();
  }
  await expect(help).toContainText('unless Name variants is turned off');

  await page.locator('summary', { hasText: 'Filter by source or date' }).click();
  await page.getByLabel('Source', { exact: true }).fill('Toleukhanova');
  await search(page, 'Tokayev');
  await expect.poll(() => listedIds(page)).toEqual(['001_f765530c45934157.txt']);
  await expect(page.locator('.filters-box summary')).toContainText('source “Toleukhanova”');
  await shot(page, 'search-help-filters');
});

test('a name written another way is found and the result says which spelling matched', async ({ page }) => {
  await search(page, 'Kassym-Jomart');
  const zhomart = (await documentsContaining('Kasym-Zhomart'))[0];
  expect(zhomart).toBe('000_d2eb1496df625781.txt');
  const item = page.locator(`.result-item[data-id="${zhomart}"]`);
  await expect(item.locator('.also-matched')).toHaveText('also matched: Kasym-Zhomart');
  await expect(item.getByText('variant spelling only')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Query terms in the results' })).toContainText('also matched Kasym-Zhomart');
  // Articles that write the name as asked rank above the one that spells it differently.
  const ids = await page.locator('.result-item').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id));
  expect(ids.at(-1)).toBe(zhomart);
  await item.scrollIntoViewIfNeeded();
  await shot(page, 'search-variants');
});

test('a quoted phrase finds exactly the articles that contain it', async ({ page }) => {
  const phrase = 'shoot without warning';
  const expected = await documentsContaining(phrase);
  expect(expected.length).toBeGreaterThan(0);
  await search(page, `"${phrase}"`);
  await expect.poll(() => listedIds(page)).toEqual(expected);
  for (const mark of await page.locator('.snippet mark').all()) await expect(mark).toHaveText(new RegExp(`^${phrase}$`, 'i'));
});

test('an opened result marks every hit, steps through them both ways and counts the terms in it', async ({ page }) => {
  await search(page, 'Tokajev');
  const article = (await documentsContaining('Tokajev'))[0];
  await page.locator(`.result-item[data-id="${article}"] .result`).click();
  await expect(page.locator('.hit-count')).toHaveText(/^Hit 1 of \d+$/);
  const total = Number((await page.locator('.hit-count').textContent())?.match(/of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(2);
  await expect(page.locator('.doc-text mark.hit')).toHaveCount(total);
  // The article writes Tokajev once and Tokayev elsewhere: those are marked as name variants.
  await expect(page.locator('.doc-text mark.hit[data-kind="exact"]')).toHaveText(['Tokajev']);
  await expect(page.locator('.doc-text mark.hit[title="name variant"]').first()).toHaveText(/^Tokayev/);

  const next = page.getByRole('button', { name: 'Next hit' });
  const previous = page.getByRole('button', { name: 'Previous hit' });
  await next.click();
  await next.click();
  await expect(page.locator('.hit-count')).toHaveText(`Hit 3 of ${total}`);
  await expect(page.locator('mark.hit.current')).toHaveCount(1);
  await expect(page.locator('mark.hit.current')).toHaveAttribute('data-hit', '2');
  await previous.click();
  await expect(page.locator('.hit-count')).toHaveText(`Hit 2 of ${total}`);
  await previous.click();
  await previous.click();
  await expect(page.locator('.hit-count')).toHaveText(`Hit ${total} of ${total}`);
  await expect(page.locator('mark.hit.current')).toBeInViewport();

  const terms = page.getByRole('list', { name: 'Query terms in this article' });
  await expect(terms).toContainText(`Tokajev ${total} — also matched Tokayev`);
  await shot(page, 'reader-hits');
});

test('a malformed query is explained inline with the place marked, and results come back once it is fixed', async ({ page }) => {
  await search(page, 'Almaty');
  await expect(page.locator('.result-item').first()).toBeVisible();

  const alert = page.getByRole('alert');
  /** The query is refused inline (plainly once typing stops), with `marked` the characters it points at; the last results stay, marked as the previous query's. */
  const expectRefused = async (query: string, message: string, marked: string) => {
    await search(page, query);
    await expect(alert).toContainText(message);
    await expect(alert.locator('mark')).toHaveText(marked);
    await expect(page.getByText(/Still showing the results of the previous query/)).toBeVisible();
  };

  await expectRefused('foo:bar', "unknown field 'foo' — fields are title, body, byline", 'foo');
  await shot(page, 'query-error');

  await search(page, 'title:Kazakhstan');
  await expect(alert).toHaveCount(0);
  await expect(page.locator('.result-item').first()).toBeVisible();

  await expectRefused('"shoot without', 'this quote is never closed', '"');

  await search(page, '"shoot without warning"');
  await expect(alert).toHaveCount(0);
  await expect.poll(() => listedIds(page)).toEqual(await documentsContaining('shoot without warning'));
});

test('with name variants off a spelling finds only the articles that write it that way', async ({ page }) => {
  await search(page, 'Tokajev');
  const exact = await documentsContaining('Tokajev');
  await expect.poll(async () => (await listedIds(page)).length).toBeGreaterThan(exact.length);

  await page.getByRole('checkbox', { name: 'Name variants' }).uncheck();
  await expect.poll(() => listedIds(page)).toEqual(exact);
  await expect(page.locator('.also-matched')).toHaveCount(0);
});
