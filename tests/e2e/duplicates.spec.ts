import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { expect, test, type RunningShell } from './web-shell';

const SHOTS = '/tmp/shots/duplicates';
const STORY = '003_39bcaa47380087dc.txt';

failOnPageErrors();
test.use({ copyArchive: true });
test.describe.configure({ timeout: 180_000 });

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Two outlets reprint the bundled Al Jazeera interview: one under its own headline, one lightly edited. */
async function addReprints(page: Page, shell: RunningShell): Promise<void> {
  const story = await readFile(path.join(shell.archiveDir, STORY), 'utf8');
  const files = [
    { name: 'outlet-a.txt', text: `Kazakhstan: an interview\n\n${story}` },
    { name: 'outlet-b.txt', text: `The interview, edited\n\n${story.replace('security forces to fire', 'police to fire').replace('8,000 people were arrested', '9,900 people were arrested')}` },
  ];
  await api(page, shell, 'addFiles', { files: files.map((f) => ({ name: f.name, base64: Buffer.from(f.text).toString('base64') })) });
}

async function seriousViolations(page: Page, within: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(within).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('a story reprinted by two outlets fills one place in the results; its copies compare side by side', async ({ page, shell }) => {
  await addReprints(page, shell);
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Zhovtis');
  const results = page.locator('.results > li');
  // Three documents match; the two reprints are folded into the best-ranked copy.
  await expect(page.locator('.result-count')).toHaveText('3 documents');
  await expect(results).toHaveCount(1);
  const copies = results.getByRole('button', { name: 'Also in 2 other sources' });
  await copies.click();
  const list = results.getByRole('list', { name: /^Copies of / });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('% in common');
  await shoot(page, 'copies-light');

  // The edited reprint beside the result it was folded into (or, if it leads, the original beside it), from the keyboard.
  const leader = await results.getAttribute('data-id');
  const other = list.getByRole('listitem').filter({ hasText: leader === 'outlet-b.txt' ? /^(?!Kazakhstan: an interview)/ : 'The interview, edited' });
  await other.getByRole('button', { name: 'Compare' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Compare documents' });
  await expect(dialog.locator('.compare-summary')).toContainText('of their wording in common.');
  const [left, right] = [dialog.locator('.compare-columns section').first(), dialog.locator('.compare-columns section').last()];
  const [original, edited] = leader === 'outlet-b.txt' ? [right.locator('ins'), left.locator('del')] : [left.locator('del'), right.locator('ins')];
  await expect(edited.filter({ hasText: 'police' })).toHaveCount(1);
  await expect(edited.filter({ hasText: '9,900' })).toHaveCount(1);
  await expect(original.filter({ hasText: 'security forces' })).toHaveCount(1);
  await expect(original.filter({ hasText: '8,000' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Next difference' }).click();
  await expect(dialog.locator('.compare-position')).toHaveText(/^Difference 1 of \d$/);
  // Both columns show where it is, even when only one of them has words there (the added headline).
  await expect(dialog.locator('.compare-columns .current')).toHaveCount(2);
  expect(await seriousViolations(page, '.compare-dialog')).toEqual([]);
  await shoot(page, 'compare-light');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // Open from the list opens that copy in the reader.
  await list.getByRole('listitem').filter({ hasText: 'Kazakhstan: an interview' }).getByRole('button', { name: 'Open' }).click();
  await expect(page.locator('.doc-title')).toHaveText('Kazakhstan: an interview');
});

test('the copies and the comparison in Russian, dark', async ({ page, shell }) => {
  await addReprints(page, shell);
  await openInRussian(page, shell, 'dark');
  await page.getByLabel('Поиск по архиву').fill('Zhovtis');
  await page.getByRole('button', { name: 'Ещё в 2 источниках' }).click();
  await page.locator('.copies-list').getByRole('button', { name: 'Сравнить' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Сравнение документов' });
  await expect(dialog.locator('.compare-summary')).toContainText('текста');
  expect(await seriousViolations(page, '.compare-dialog')).toEqual([]);
  await shoot(page, 'compare-ru-dark');
});
