import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConsoleMessage, Page } from '@playwright/test';
import { failOnPageErrors } from './page-errors';
import { seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots/h3-errors';

failOnPageErrors();

/** Every console message of the page that is an error or a warning ("Failed to load resource: 404" among them). */
function consoleProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  return problems;
}

for (const theme of ['light', 'dark'] as const) {
  test(`typing a phrase keeps the results and says the open quote quietly; Enter says it plainly (${theme})`, async ({ page, shell }) => {
    const problems = consoleProblems(page);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(shell.url);
    await mkdir(SHOTS, { recursive: true });
    const box = page.getByLabel('Search the archive');
    await box.fill('Almaty');
    const results = page.locator('.result-item');
    await expect(results.first()).toBeVisible();
    const almaty = await results.count();

    const hint = page.locator('#search-problem [aria-live="polite"]');
    const alert = page.getByRole('alert');
    // What the page showed while the phrase was typed, in order: each hint, the red box, the fewest results.
    await page.evaluate(() => {
      const seen = { events: [] as string[], fewestResults: Infinity };
      (window as unknown as { seen: typeof seen }).seen = seen;
      let lastHint = '';
      new MutationObserver(() => {
        seen.fewestResults = Math.min(seen.fewestResults, document.querySelectorAll('.result-item').length);
        const hintNow = document.querySelector('#search-problem [aria-live="polite"]')?.textContent ?? '';
        if (hintNow !== lastHint && hintNow !== '') seen.events.push(`hint: ${hintNow}`);
        lastHint = hintNow;
        if (document.querySelector('[role="alert"]') && seen.events.at(-1) !== 'alert') seen.events.push('alert');
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const seen = () => page.evaluate(() => (window as unknown as { seen: { events: string[]; fewestResults: number } }).seen);
    // Char by char, as a person types: keystrokes well under the pause after which a problem is said plainly.
    await box.press('End');
    await box.pressSequentially(' "shoot without', { delay: 60 });
    await page.evaluate(() => (window as unknown as { seen: { events: string[] } }).seen.events.push('typed'));
    await expect.poll(async () => (await seen()).events.find((e) => e.startsWith('hint:'))).toMatch(/^hint: this quote is never closed.* \(character 8\)$/);
    await page.screenshot({ path: path.join(SHOTS, `quiet-hint-${theme}.png`) });
    const { events, fewestResults } = await seen();
    expect(events.slice(0, events.indexOf('typed'))).not.toContain('alert'); // no red box while typing
    expect(fewestResults).toBe(almaty); // the results never went away
    await expect(results).toHaveCount(almaty);
    await expect(page.getByText(/^Still showing the results of the previous query, Almaty ?$/)).toBeVisible();

    await box.press('Enter'); // said plainly at once (if the pause has not done so already)
    await expect(alert).toContainText('this quote is never closed');
    await expect(alert.locator('mark')).toHaveText('"');
    await expect(hint).toHaveText('');
    await expect(results).toHaveCount(almaty);
    await page.screenshot({ path: path.join(SHOTS, `plain-error-${theme}.png`) });
    expect(await seriousViolations(page)).toEqual([]);

    await box.press('End');
    await box.pressSequentially(' warning"');
    await expect(alert).toHaveCount(0);
    await expect(page.getByText(/previous query/)).toHaveCount(0);
    await expect(hint).toHaveText('');
    await expect(results.first()).toBeVisible();
    expect(problems).toEqual([]);
  });
}

test('a query left unreadable is said plainly once typing stops, without a console error', async ({ page, shell }) => {
  const problems = consoleProblems(page);
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('foo:bar');
  await expect(page.getByRole('alert')).toContainText("unknown field 'foo'");
  expect(problems).toEqual([]);
});

test('Open archive on a folder that is not there says so, without a console error', async ({ page, shell }) => {
  const problems = consoleProblems(page);
  await page.goto(shell.url);
  await expect(page.getByRole('button', { name: /5 documents/ })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Open archive…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an archive' });
  await dialog.getByLabel('Folder').fill('~/no-such-archive-folder');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/no folder "~\/no-such-archive-folder" \(\/.+\/no-such-archive-folder\)/);
  expect(problems).toEqual([]);
});
