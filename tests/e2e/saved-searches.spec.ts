import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { screenshots, seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

/** Saved searches (issue 24, point 3): a search named and saved says what is new in it, live, and shows that first. */

const SHOTS = '/tmp/shots/saved';
// Written for the test: a late article that names Tokayev.
const LATE = { name: 'late-news.txt', text: 'Late news from Almaty\n\nPresident Tokayev addressed the nation again on Monday evening.\n' };

failOnPageErrors();
test.use({ copyArchive: true });
test.describe.configure({ timeout: 180_000 });

const shot = screenshots(SHOTS);

const savedFold = (page: Page) => page.locator('details.saved-box');

for (const [theme, how] of [
  ['light', 'added through Add files…'],
  ['dark', 'written into the archive folder'],
] as const) {
  test(`a saved search counts a document ${how} without a reload, and shows it first (${theme})`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(shell.url);
    await page.getByLabel('Search the archive').fill('Tokayev');
    await page.getByLabel('Sort').selectOption('newest');
    await expect(page.locator('.result-item')).toHaveCount(4);

    // Saved from the keyboard: the fold, its Save button, the dialog's name and Enter.
    await savedFold(page).locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Save this search…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Save search' });
    await expect(dialog).toContainText('“Tokayev” · newest first');
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await dialog.getByLabel('Name').fill('Tokayev watch');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    const open = page.getByRole('button', { name: 'Tokayev watch', exact: true });
    const count = page.locator('.saved-list li', { has: open }).locator('.saved-count');
    await expect(count).toHaveText('nothing new');
    await expect(open).toHaveAccessibleDescription('nothing new “Tokayev” · newest first');

    if (theme === 'light') {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-saved-e2e-'));
      await writeFile(path.join(dir, LATE.name), LATE.text);
      await page.getByLabel('Add files to the archive').setInputFiles(path.join(dir, LATE.name));
      const added = page.getByRole('dialog', { name: 'Files added' });
      await expect(added).toBeVisible();
      await added.getByRole('button', { name: 'Close' }).click();
    } else {
      await writeFile(path.join(shell.archiveDir, LATE.name), LATE.text);
    }
    await expect(count).toHaveText('1 new', { timeout: 30_000 });
    await expect(savedFold(page).locator('summary')).toHaveText('Saved searches · 1 new');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `saved-list-${theme}`);

    // Another search, then the saved one opened from the keyboard: its query and order back, the new document first.
    await page.getByLabel('Search the archive').fill('Astana');
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Search the archive')).toHaveValue('Tokayev');
    await expect(page.getByLabel('Sort')).toHaveValue('newest');
    await expect(page.locator('.result-item').first()).toHaveAttribute('data-id', LATE.name);
    await expect(page.locator('.result-item').first().locator('.badge-fresh')).toHaveText('New');
    await expect(page.locator('.result-item')).toHaveCount(5);
    await expect(page.locator('.badge-fresh')).toHaveCount(1);
    await expect(page.getByText('Saved search “Tokayev watch”: 1 new since you last looked, shown first.')).toBeVisible();
    await expect(count).toHaveText('nothing new');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `saved-opened-${theme}`);

    // Deleted after a confirmation; the API agrees.
    await page.getByRole('button', { name: 'Delete “Tokayev watch”' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete saved search?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await shot(page, `saved-delete-${theme}`);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText(/No saved searches yet/)).toBeVisible();
    expect(await api(page, shell, 'savedSearches', {})).toEqual([]);
  });
}

test('in Russian', async ({ page, shell }) => {
  await api(page, shell, 'saveSearch', { name: 'Токаев', query: 'Tokayev', sort: 'newest' });
  await writeFile(path.join(shell.archiveDir, LATE.name), LATE.text);
  for (const theme of ['light', 'dark'] as const) {
    await openInRussian(page, shell, theme);
    await savedFold(page).locator('summary').click();
    await expect(savedFold(page).locator('summary')).toHaveText('Сохранённые поиски · 1 новый', { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Токаев', exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `saved-ru-list-${theme}`);
  }
  await page.getByRole('button', { name: 'Токаев', exact: true }).click();
  await expect(page.locator('.result-item').first().locator('.badge-fresh')).toHaveText('Новый');
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'saved-ru-opened-dark');
});
