import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { screenshots, seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

/** Proximity ("a b"~N) and groups with parentheses (issue 24, point 1), typed in the search box. */

const ARCHIVE = path.resolve(import.meta.dirname, '../../archive');
const SHOTS = '/tmp/shots/proximity-grouping';

failOnPageErrors();
test.describe.configure({ timeout: 180_000 });

const shot = screenshots(SHOTS);

/** Each archive file's words in lower case, in order (letters and digits; apostrophes inside words), read from the files. */
async function archiveWords(): Promise<Array<{ id: string; words: string[] }>> {
  const names = (await readdir(ARCHIVE)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (id) => ({ id, words: ((await readFile(path.join(ARCHIVE, id), 'utf8')).toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []) })),
  );
}

/** The ids listed once the list answers the current input. */
async function listedIds(page: Page): Promise<string[]> {
  await expect(page.locator('ol.results[aria-busy]')).toHaveCount(0);
  return (await page.locator('.result-item').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id ?? ''))).sort();
}

const isPolice = (w: string) => w === 'police';
// "protesters" is searched by its stem: protest, protests, protester, protested, protesting.
const isProtest = (w: string) => w.startsWith('protest');

test('"police protesters"~4 finds the two words near each other in any order, marks them and opens from the keyboard', async ({ page, shell }) => {
  await page.goto(shell.url);
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  await box.fill('"police protesters"');
  await expect(page.locator('.result-count')).toHaveText('No documents match.');

  // From the files: documents where the two stand with at most 4 words between them, either way round.
  const expected = (await archiveWords())
    .filter(({ words }) => words.some((w, i) => isPolice(w) && words.slice(Math.max(0, i - 5), i + 6).some(isProtest)))
    .map((f) => f.id);
  expect(expected.length).toBeGreaterThan(1);
  await box.fill('"police protesters"~4');
  await expect.poll(() => listedIds(page)).toEqual(expected);
  // Only the two words are marked, never the words between them.
  const marks = await page.locator('.result-item .snippet mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) expect(isPolice(mark.toLowerCase()) || isProtest(mark.toLowerCase())).toBe(true);
  await expect(page.getByRole('list', { name: 'Query terms in the results' })).toContainText('"police protesters"');
  await expect(page.getByRole('list', { name: 'Query terms in the results' })).toContainText(new RegExp(`in ${expected.length} docs`));
  await shot(page, 'proximity-results');

  // ↓ from the box to the first result, Enter opens it: the reader marks the words where they stand near each other.
  await box.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('button.result').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.hit-count')).toHaveText(/^Hit 1 of \d+$/);
  const hits = await page.locator('.doc-text mark.hit').allTextContents();
  expect(hits.length).toBeGreaterThanOrEqual(2);
  for (const hit of hits) expect(isPolice(hit.toLowerCase()) || isProtest(hit.toLowerCase())).toBe(true);
  await shot(page, 'proximity-reader');
});

test('(Tokayev OR Nazarbayev) AND NOT Moscow: a group, its words counted; a broken group is pointed at', async ({ page, shell }) => {
  await page.goto(shell.url);
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  const files = await archiveWords();
  const holds = (words: string[], name: string) => words.some((w) => w === name || w === `${name}’s` || w === `${name}'s`);
  await box.fill('(Tokayev OR Nazarbayev) AND NOT Moscow');
  await page.getByRole('checkbox', { name: 'Name variants' }).uncheck();
  const expected = files.filter(({ words }) => (holds(words, 'tokayev') || holds(words, 'nazarbayev')) && !holds(words, 'moscow')).map((f) => f.id);
  expect(expected.length).toBeGreaterThan(1);
  expect(expected.length).toBeLessThan(files.length);
  await expect.poll(() => listedIds(page)).toEqual(expected);
  const terms = page.getByRole('list', { name: 'Query terms in the results' });
  await expect(terms.locator('li')).toHaveText([/^Tokayev \d+ in \d+ docs?$/, /^Nazarbayev \d+ in \d+ docs?$/, /^Moscow excluded/]);
  for (const mark of await page.locator('.result-item .snippet mark').allTextContents()) expect(mark).toMatch(/^(Tokayev|Nazarbayev)/i);

  // The parenthesis left open: the message under the box marks it once Enter is pressed.
  await box.fill('(Tokayev OR Nazarbayev AND NOT Moscow');
  await box.press('Enter');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('this parenthesis is never closed — add a closing )');
  await expect(alert.locator('mark')).toHaveText('(');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toBeFocused();
  await shot(page, 'group-error');
  expect(await seriousViolations(page)).toEqual([]);

  // Fixed from the keyboard: End, then the closing parenthesis.
  await box.press('End');
  await box.pressSequentially(')');
  await expect(alert).toHaveCount(0);
  await expect.poll(() => listedIds(page)).toEqual(files.filter(({ words }) => holds(words, 'nazarbayev') && !holds(words, 'moscow')).map((f) => f.id).sort());
});

test('the query syntax lists proximity and groups; errors are said in Russian', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.keyboard.press('F1');
  const help = page.locator('.syntax-help');
  await expect(help.getByText('"security forces"~5', { exact: true })).toBeVisible();
  await expect(help.getByText('(Tokayev OR Nazarbayev) AND NOT Moscow', { exact: true })).toBeVisible();
  await expect(help).toContainText('the words near each other, in any order');
  await expect(help).not.toContainText('no parentheses');
  await shot(page, 'syntax-help');
  expect(await seriousViolations(page)).toEqual([]);

  await openInRussian(page, shell, 'dark');
  const box = page.locator('#search-input');
  await box.fill('"police protesters"~101');
  await box.press('Enter');
  await expect(page.getByRole('alert')).toContainText('«~101» — слишком далеко');
  await expect(page.getByRole('alert').locator('mark')).toHaveText('"police protesters"~101');
  await box.fill('police)');
  await box.press('Enter');
  await expect(page.getByRole('alert')).toContainText('эта «)» ничего не закрывает');
  await shot(page, 'group-error-ru-dark');
  expect(await seriousViolations(page)).toEqual([]);
});
