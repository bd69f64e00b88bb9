import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { ConsoleMessage } from '@playwright/test';
import { failOnPageErrors } from './page-errors';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots/h3-errors';

failOnPageErrors();

for (const theme of ['light', 'dark'] as const) {
  test(`the web shell's Open archive browses folders by mouse and keyboard and opens the one chosen (${theme})`, async ({ page, shell }) => {
    const consoleProblems: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
    });
    const base = await mkdtemp(path.join(os.tmpdir(), 'casefile-e2e-browse-'));
    try {
      for (const folder of ['Archives/kazakhstan', 'Archives/other', 'Drafts', '.cache']) await mkdir(path.join(base, folder), { recursive: true });
      await writeFile(path.join(base, 'Archives', 'kazakhstan', 'field-notes.txt'), 'Field notes\n\nThe xenolith collection was catalogued in March.');
      await writeFile(path.join(base, 'not-a-folder.txt'), 'a file');
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(shell.url);
      await expect(page.getByRole('button', { name: /5 documents/ })).toBeVisible();
      await page.getByRole('banner').getByRole('button', { name: 'Open archive…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Open an archive' });
      const field = dialog.getByRole('textbox', { name: 'Folder', exact: true });

      // A folder that is not there: said in the browser, in words.
      await field.fill(path.join(base, 'missing'));
      await dialog.getByRole('button', { name: 'Browse folders…' }).click();
      const browser = dialog.getByRole('region', { name: 'Browse folders' });
      await expect(browser.getByRole('alert')).toContainText(`no folder "${path.join(base, 'missing')}"`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('banner').getByRole('button', { name: 'Open archive…' }).click();
      await field.fill(base);
      await dialog.getByRole('button', { name: 'Browse folders…' }).click();
      const folders = browser.getByRole('list', { name: `Folders in ${base}` });
      // Folders only, hidden ones left out until asked for.
      await expect(folders.getByRole('button')).toHaveText(['Archives', 'Drafts']);
      await browser.getByLabel('Hidden folders').check();
      await expect(folders.getByRole('button')).toHaveText(['.cache', 'Archives', 'Drafts']);
      await browser.getByLabel('Hidden folders').uncheck();
      await expect(folders.getByRole('button')).toHaveText(['Archives', 'Drafts']);

      // Keyboard: ↓ ↑ move, Enter goes in, ← goes back out; the Folder field follows.
      await folders.getByRole('button', { name: 'Archives' }).focus();
      await page.keyboard.press('ArrowDown');
      await expect(folders.getByRole('button', { name: 'Drafts' })).toBeFocused();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      const inArchives = browser.getByRole('list', { name: `Folders in ${path.join(base, 'Archives')}` });
      await expect(inArchives.getByRole('button', { name: 'kazakhstan' })).toBeFocused();
      await expect(field).toHaveValue(path.join(base, 'Archives'));
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `folder-browser-${theme}.png`) });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await page.keyboard.press('ArrowLeft');
      await expect(folders.getByRole('button', { name: 'Archives' })).toBeFocused();
      await expect(field).toHaveValue(base);

      // Mouse: into Archives, Up, into Archives again and kazakhstan, then Open.
      await folders.getByRole('button', { name: 'Archives' }).click();
      // Up leaves the folder in view: wait until Archives is, or Up would go above the base.
      await expect(field).toHaveValue(path.join(base, 'Archives'));
      await browser.getByRole('button', { name: '↑ Up' }).click();
      await expect(field).toHaveValue(base);
      await folders.getByRole('button', { name: 'Archives' }).click();
      await inArchives.getByRole('button', { name: 'kazakhstan' }).click();
      await expect(browser.getByText('No folders in this one.')).toBeVisible();
      await expect(field).toHaveValue(path.join(base, 'Archives', 'kazakhstan'));
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await expect(page.getByRole('button', { name: /1 document .*kazakhstan/ })).toBeVisible();
      expect(consoleProblems).toEqual([]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
}
