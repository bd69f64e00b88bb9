import { api, openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { screenshots, seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

/** “Did you mean …?” (issue 24, point 5): a word that matches nothing, the archive's spelling offered and run. */

const SHOTS = '/tmp/shots/suggestions';

failOnPageErrors();
test.describe.configure({ timeout: 180_000 });

const shot = screenshots(SHOTS);

for (const theme of ['light', 'dark'] as const) {
  test(`a misspelt name offers the archive's spelling, run from the keyboard (${theme})`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(shell.url);
    const box = page.getByLabel('Search the archive');
    await box.fill('Tokayv AND Almaty');
    await expect(page.locator('.result-count')).toHaveText('No documents match.');
    const corrected = page.getByRole('button', { name: 'Search for Tokayev AND Almaty instead' });
    await expect(corrected).toBeVisible();
    await expect(page.locator('.did-you-mean')).toHaveText('Did you mean Tokayev AND Almaty?');
    await shot(page, `did-you-mean-${theme}`);
    expect(await seriousViolations(page)).toEqual([]);

    // From the search box, Tab reaches it (past the search options), and Enter runs it.
    await box.focus();
    for (let i = 0; i < 30 && !(await corrected.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(corrected).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(box).toHaveValue('Tokayev AND Almaty');
    await expect(box).toBeFocused();
    await expect(page.locator('.result-item').first()).toBeVisible();
    await expect(page.locator('.did-you-mean')).toHaveText('');

    // A word the archive holds gets no suggestion.
    await box.fill('Zhanaozen');
    await expect(page.locator('.result-item').first()).toBeVisible();
    await expect(page.locator('.did-you-mean')).toHaveText('');
  });
}

test('the API and the Russian interface say it too', async ({ page, shell }) => {
  const result = await api<{ total: number; suggestions?: unknown }>(page, shell, 'search', { query: 'title:Tokayv' });
  expect(result.total).toBe(0);
  expect(result.suggestions).toEqual([{ word: 'Tokayv', suggestion: 'Tokayev', query: 'title:Tokayev' }]);
  for (const theme of ['light', 'dark'] as const) {
    await openInRussian(page, shell, theme);
    await page.locator('#search-input').fill('Tokayv');
    await expect(page.getByRole('button', { name: 'Искать Tokayev' })).toBeVisible();
    await expect(page.locator('.did-you-mean')).toHaveText('Возможно, вы имели в виду Tokayev?');
    await shot(page, `did-you-mean-ru-${theme}`);
    expect(await seriousViolations(page)).toEqual([]);
  }
});
