import { readFile } from 'node:fs/promises';
import { expect, test } from './web-shell';
import { selectWithMouse } from './select-text';
import { collapseWhitespace, extractPdf } from '../helpers/pdf-text';

const QUOTE = 'Mass protests in Kazakhstan began peacefully over the New Year’s weekend';
const NOTE = 'AP dateline: protests began peacefully (fuel prices).';

test('search → open → highlight with a note → survives a restart → exported PDF holds the quote', async ({ page, shell }, testInfo) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await page.goto(shell.url);
  await expect(page).toHaveURL(/\/$/); // the token moved into the tab's sessionStorage

  await page.getByLabel('Search the archive').fill('Almaty');
  const result = page.locator('.result', { hasText: 'Kazakhstan activists recall road from protest to bloodshed' });
  await expect(result).toBeVisible();
  await expect(result.locator('mark').first()).toHaveText(/^almaty$/i);
  await result.click();

  await expect(page.locator('.doc-title')).toHaveText('Kazakhstan activists recall road from protest to bloodshed');
  await expect(page.locator('.hit-count')).toHaveText(/Hit 1 of \d+/);
  const hitCount = Number((await page.locator('.hit-count').textContent())?.match(/of (\d+)/)?.[1]);
  expect(hitCount).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Next hit' }).click();
  await expect(page.locator('.hit-count')).toHaveText(`Hit 2 of ${hitCount}`);
  await expect(page.locator('mark.hit.current')).toHaveCount(1);

  await selectWithMouse(page, QUOTE);
  const toolbar = page.getByRole('dialog', { name: 'New highlight' });
  await expect(toolbar).toBeVisible();
  await expect(toolbar.locator('.toolbar-quote')).toHaveText(`“${QUOTE}”`);
  await toolbar.getByRole('radio', { name: 'green' }).click();
  await toolbar.getByLabel('Note').fill(NOTE);
  await toolbar.getByLabel('Tags, separated by commas').fill('timeline, AP');
  await toolbar.getByRole('button', { name: 'Save highlight' }).click();

  const card = page.locator('.annotation-card');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.card-note')).toHaveText(NOTE);
  await expect(page.locator('.doc-text .hl.hl-green')).toHaveText(QUOTE);
  await page.screenshot({ path: testInfo.outputPath('reader-with-highlight.png') });

  await shell.restart();
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Almaty');
  await page.locator('.result', { hasText: 'Kazakhstan activists recall' }).click();
  await expect(page.locator('.doc-text .hl.hl-green')).toHaveText(QUOTE);
  await expect(page.locator('.annotation-card .card-note')).toHaveText(NOTE);

  await page.getByRole('button', { name: 'Export dossier…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dossier' });
  await dialog.getByLabel('Title').fill('January protests');
  await dialog.getByLabel('Author').fill('E2E Analyst');
  const downloadPromise = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('January-protests.pdf');
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = collapseWhitespace((await extractPdf(pdf)).pages.join('\n'));
  expect(text).toContain(QUOTE);
  expect(text).toContain(NOTE);
  expect(text).toContain('004_caba11c37ce94665.txt');
  expect(pageErrors).toEqual([]);
});

test('a malformed query shows what is wrong instead of results', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('foo:');
  await expect(page.getByRole('alert')).toContainText("unknown field 'foo'");
  await expect(page.locator('.result')).toHaveCount(0);
});

test('the shell refuses requests without the token', async ({ page, shell }) => {
  const origin = new URL(shell.url).origin;
  const response = await page.request.post(`${origin}/api/search`, { data: { query: 'Zhanaozen' } });
  expect(response.status()).toBe(401);
  await page.goto(`${origin}/`);
  await expect(page.getByRole('heading', { name: 'Open the address Casefile printed' })).toBeVisible();
  await expect(page.getByLabel('Search the archive')).toHaveCount(0);
});

test('a highlight can be edited and deleted from the sidebar, and the change persists', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Zhanaozen');
  await page.locator('.result', { hasText: 'Uprisings in Kazakhstan' }).click();
  await selectWithMouse(page, 'Protests that started in the small town of');
  await page.getByRole('dialog', { name: 'New highlight' }).getByRole('button', { name: 'Save highlight' }).click();
  const card = page.locator('.annotation-card');
  await expect(card).toHaveCount(1);

  await card.getByRole('button', { name: 'Edit' }).click();
  await card.getByLabel('Edit note').fill('Where it began.');
  await card.getByRole('radio', { name: 'blue' }).click();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.locator('.card-note')).toHaveText('Where it began.');
  await expect(page.locator('.doc-text .hl.hl-blue')).toHaveText('Protests that started in the small town of');

  await page.reload();
  await page.getByLabel('Search the archive').fill('Zhanaozen');
  await page.locator('.result', { hasText: 'Uprisings in Kazakhstan' }).click();
  await expect(page.locator('.annotation-card .card-note')).toHaveText('Where it began.');

  // No confirmation: the message it leaves offers Undo.
  await page.locator('.annotation-card').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.locator('.toast')).toContainText('Highlight deleted — Undo');
  await expect(page.locator('.annotation-card')).toHaveCount(0);
  await expect(page.locator('.doc-text .hl')).toHaveCount(0);
});
