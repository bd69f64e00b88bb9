import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { failOnPageErrors } from './page-errors';
import { expect, test } from './web-shell';

failOnPageErrors();

test('another folder opens as the archive, with its own documents, and both are listed as recent', async ({ page, shell }) => {
  const other = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-other-'));
  try {
    await writeFile(path.join(other, 'field-notes.txt'), 'Field notes from Shymkent\n\nThe xenolith collection was catalogued in March.');
    await page.goto(shell.url);
    await expect(page.getByRole('button', { name: /5 documents/ })).toBeVisible();

    await page.getByRole('banner').getByRole('button', { name: 'Open archive…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open an archive' });
    await dialog.getByLabel('Folder').fill(path.join(other, 'missing'));
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(dialog.getByText(/no folder/)).toBeVisible();

    await dialog.getByLabel('Folder').fill(other);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByRole('button', { name: /1 document .*casefile-e2e-other-/ })).toBeVisible();
    await page.getByLabel('Search the archive').fill('xenolith');
    await expect(page.locator('.result-item')).toHaveCount(1);

    await page.getByRole('banner').getByRole('button', { name: 'Open archive…' }).click();
    const recent = page.getByRole('region', { name: 'Recent archives' });
    await expect(recent.getByRole('button')).toHaveCount(2);
    await recent.getByRole('button', { name: /archive$/ }).click();
    await expect(page.getByRole('button', { name: /5 documents/ })).toBeVisible();
  } finally {
    await rm(other, { recursive: true, force: true });
  }
});
