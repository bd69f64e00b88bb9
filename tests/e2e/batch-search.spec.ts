import { readFile } from 'node:fs/promises';
import { openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { clippedText, screenshots, seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

/** Batch search (issue 24, point 2): a list of names searched at once, in the app. */

const SHOTS = '/tmp/shots/batch';
const NAMES = 'Tokayev\nKassym-Jomart Tokayev\nNazarbayev\ntitle:\nnobody at all\ntokayev\n-Almaty';

failOnPageErrors();
// Axe scans and screenshots in two themes on a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

const shot = screenshots(SHOTS);

for (const theme of ['light', 'dark'] as const) {
  test(`a pasted list: progress, a row per query, CSV export, a row opened in search (${theme})`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Search a list…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Batch search' });
    await dialog.getByLabel(/Names or queries/).fill(NAMES);
    await dialog.getByRole('button', { name: 'Search all' }).click();
    await expect(dialog.getByText('6 queries searched; 1 could not be.')).toBeVisible();
    const table = dialog.getByRole('table', { name: 'Results of the batch: 6 queries' });
    await expect(table.getByRole('rowheader')).toHaveText(['Tokayev', 'Kassym-Jomart Tokayev', 'Nazarbayev', 'title:', 'nobody at all', '-Almaty']);
    const tokayev = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Tokayev', exact: true }) });
    await expect(tokayev.getByRole('cell').nth(0)).toHaveText('1, 6');
    await expect(tokayev.getByRole('cell').nth(1)).toHaveText('4');
    await expect(tokayev.locator('mark').first()).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'title:' })).toContainText(/Could not be searched: nothing after 'title:'/);
    await expect(table.getByRole('row').filter({ hasText: 'nobody at all' }).getByRole('cell').nth(1)).toHaveText('0');
    expect(await clippedText(dialog, 'button, label, th, td')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `batch-${theme}`);

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export CSV…' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv).toMatch(/^\ufefflines,query,documents,matches,matched as,first documents,first passage,error\r\n1; 6,Tokayev,4,/);
    // A query a spreadsheet would run as a formula is kept as text.
    expect(csv).toContain("\r\n7,'-Almaty,0,");

    await tokayev.getByRole('button', { name: 'Show the results for “Tokayev” in the search pane' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByLabel('Search the archive')).toHaveValue('Tokayev');
    await expect(page.locator('.result-item')).toHaveCount(4);
    // The list and its results are still there when the dialog opens again.
    await page.getByRole('button', { name: 'Search a list…' }).click();
    await expect(page.getByRole('dialog', { name: 'Batch search' }).getByRole('rowheader')).toHaveCount(6);
  });
}

test('from the keyboard alone: Shift+B and the command palette open it, Tab reaches every control, Escape closes it', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+B');
  const dialog = page.getByRole('dialog', { name: 'Batch search' });
  await expect(dialog.getByLabel(/Names or queries/)).toBeFocused();
  await page.keyboard.type('Nazarbayev\nZhanaozen');
  // The list, Open a file…, the CSV column, the phrase box, then Search all.
  for (const name of ['Open a file…', 'CSV column', 'Search a line of several words as one phrase', 'Search all']) {
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAccessibleName(name);
  }
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('2 queries searched.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('Control+k');
  await page.keyboard.type('Batch search');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('rowheader')).toHaveText(['Nazarbayev', 'Zhanaozen']);
});

test('a long list can be stopped, keeping the rows done', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Search a list…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Batch search' });
  // Opened from a file, as a long list would be.
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Open a file…' }).click();
  const list = Array.from({ length: 20_000 }, (_, i) => `Tokayev ${i}`).join('\r\n');
  await (await chooser).setFiles({ name: 'names.txt', mimeType: 'text/plain', buffer: Buffer.from(`\ufeff${list}`) });
  await expect(dialog.getByText('Read from names.txt.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Search all' }).click();
  await dialog.getByRole('button', { name: 'Stop' }).click();
  await expect(dialog.getByText(/^Stopped after [\d,]+ of 20,000 queries\.$/)).toBeVisible();
  const said = (await dialog.getByText(/^Stopped after/).textContent()) ?? '';
  const done = Number(/after ([\d,]+)/.exec(said)?.[1].replace(/,/g, ''));
  expect(done).toBeLessThan(20_000);
  // The first 300 rows are drawn, the rest on request; the table's caption counts them all.
  await expect(dialog.getByRole('table', { name: `Results of the batch: ${done.toLocaleString('en')} queries` })).toBeVisible();
  await expect(dialog.getByRole('rowheader')).toHaveCount(Math.min(done, 300));
});

for (const theme of ['light', 'dark'] as const) {
  test(`in Russian, nothing cut off (${theme})`, async ({ page, shell }) => {
    await openInRussian(page, shell, theme);
    await page.getByRole('button', { name: 'Искать по списку…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Пакетный поиск' });
    await dialog.getByLabel(/Имена или запросы/).fill(NAMES);
    await dialog.getByRole('button', { name: 'Искать все' }).click();
    await expect(dialog.getByText('Выполнено: 6 запросов; не удалось выполнить: 1.')).toBeVisible();
    expect(await clippedText(dialog, 'button, label, th, td')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `batch-ru-${theme}`);
  });
}
