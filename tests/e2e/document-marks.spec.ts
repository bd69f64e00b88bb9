import type { Page } from '@playwright/test';
import { openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { screenshots, seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

/** Document marks (issue 24, point 6): a star and tags on whole documents, and the search filtered by them. */

const SHOTS = '/tmp/shots/batch';

failOnPageErrors();
test.describe.configure({ timeout: 180_000 });

const shot = screenshots(SHOTS);

const resultIds = (page: Page) => page.locator('.result-item').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id ?? '').sort());

for (const theme of ['light', 'dark'] as const) {
  test(`star a result, tag the open document, filter by both; kept after a reload (${theme})`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(shell.url);
    await page.getByLabel('Search the archive').fill('Tokayev');
    await expect(page.locator('.result-item')).toHaveCount(4);
    const ids = await resultIds(page);
    const first = page.locator('.result-item').first();
    const firstId = (await first.getAttribute('data-id')) ?? '';
    // From the keyboard: the star is the next stop after its result.
    await first.locator('button.result').focus();
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('Enter');
    await expect(first.locator('.star-button')).toHaveAttribute('aria-pressed', 'true');

    // Open the last result and tag it in the reader's header.
    const last = page.locator('.result-item').last();
    const lastId = (await last.getAttribute('data-id')) ?? '';
    await last.locator('button.result').click();
    const tags = page.getByRole('region', { name: 'Reader' }).getByLabel('Document tags');
    await tags.fill('kz, follow up');
    await tags.press('Enter');
    await expect(last.locator('.mark-tag')).toHaveText(['kz', 'follow up']);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `marks-${theme}`);

    await page.getByText('Filter by source or date').click();
    await page.getByRole('checkbox', { name: 'Starred documents only' }).check();
    await expect.poll(() => resultIds(page)).toEqual([firstId]);
    await page.getByRole('checkbox', { name: 'Starred documents only' }).uncheck();
    await page.getByRole('searchbox', { name: 'With document tags' }).fill('KZ');
    await expect.poll(() => resultIds(page)).toEqual([lastId]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, `marks-filter-${theme}`);

    await page.reload();
    await page.getByLabel('Search the archive').fill('Tokayev');
    await expect.poll(() => resultIds(page)).toEqual(ids);
    await expect(page.locator(`.result-item[data-id="${firstId}"] .star-button`)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator(`.result-item[data-id="${lastId}"] .mark-tag`)).toHaveText(['kz', 'follow up']);
  });
}

test('in Russian', async ({ page, shell }) => {
  await openInRussian(page, shell, 'light');
  await page.getByLabel('Поиск по архиву').first().fill('Tokayev');
  await expect(page.locator('.result-item')).toHaveCount(4);
  await page.locator('.result-item .star-button').first().click();
  await page.locator('.result-item button.result').first().click();
  await expect(page.getByLabel('Метки документа')).toBeVisible();
  await page.getByText('Фильтр по источнику или дате').click();
  await expect(page.getByRole('checkbox', { name: 'Только отмеченные документы' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shot(page, 'marks-ru-light');
});
