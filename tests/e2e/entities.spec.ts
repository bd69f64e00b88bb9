import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { clippedText, seriousViolations } from './screen-checks';
import { expect, test, type RunningShell } from './web-shell';
import { unfoldDatesAndNames } from './refine';

const SHOTS = '/tmp/shots/entities';
const PRESIDENT = 'Kassym-Jomart Tokayev';
const PRESIDENT_ID = 'person:kassym-jomart-tokayev';

failOnPageErrors();
// Screens scanned by axe and photographed on a shared 2-core machine: the budget is for the work.
test.describe.configure({ timeout: 240_000 });

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function search(page: Page, query: string): Promise<void> {
  await page.locator('#search-input').fill(query);
  await unfoldDatesAndNames(page);
  await expect(page.locator('.entity-facets')).toBeVisible();
}

const facets = (page: Page) => page.getByRole('region', { name: 'People, organisations and places in the results' });

async function openPresidentPage(page: Page): Promise<ReturnType<Page['getByRole']>> {
  await facets(page).getByRole('button', { name: 'Kassym-Jomart Tokayev (4 documents)' }).click();
  await facets(page).getByRole('button', { name: `Open the page of ${PRESIDENT}` }).click();
  const dialog = page.getByRole('dialog', { name: PRESIDENT });
  await expect(dialog.locator('.entity-kind')).toHaveText(/^Person · \d+ mentions in 4 documents$/);
  return dialog;
}

async function variantsOf(page: Page, shell: RunningShell, id: string): Promise<string[]> {
  return (await api<{ variants: string[] }>(page, shell, 'entity', { id })).variants;
}

test('the president’s spellings are one person; the facet filters the results, the filter is removed, the page opens a mention at its place', async ({ page, shell }) => {
  await page.goto(shell.url);
  await search(page, 'protest');
  const all = await page.locator('.result-count').first().textContent();
  const people = facets(page).getByRole('group', { name: 'People' });
  await expect(people.getByRole('button', { name: 'Kassym-Jomart Tokayev (4 documents)' })).toHaveAttribute('title', 'Show only results mentioning Kassym-Jomart Tokayev (4 documents)');
  await expect(facets(page).getByRole('group', { name: 'Places' }).getByRole('button', { name: /^Almaty \(/ })).toBeVisible();
  await expect(facets(page).getByRole('group', { name: 'Organisations' }).getByRole('button', { name: /^CSTO \(/ })).toBeVisible();

  const dialog = await openPresidentPage(page);
  await expect(page.locator('.result-count').first()).toHaveText('4 documents');
  const spellings = dialog.getByRole('group', { name: 'Spellings' });
  for (const spelling of ['Kassym-Jomart Tokayev', 'Kasym-Zhomart Tokayev', 'Tokajev', 'Tokayev']) await expect(spellings.getByRole('checkbox', { name: spelling, exact: true })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Appear with it' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Show the page of Nursultan Nazarbayev' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, 'page-light');

  // A mention opens its document with the name selected there.
  const mention = dialog.locator('button.entity-mention').filter({ has: page.locator('mark', { hasText: /^Tokajev$/ }) }).first();
  await mention.click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Tokajev');

  // The filter stands above the results until it is removed.
  await expect(facets(page).getByText(`Mentioning ${PRESIDENT}`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, 'facets-filtered-light');
  await facets(page).getByRole('button', { name: `Remove the filter “mentioning ${PRESIDENT}”` }).click();
  await expect(facets(page).getByText(`Mentioning ${PRESIDENT}`)).toBeHidden();
  await expect(page.locator('.result-count').first()).toHaveText(all ?? '');
});

test('splitting a spelling off and merging it back are asked for, said, and kept after a reload', async ({ page, shell }) => {
  await page.goto(shell.url);
  await search(page, 'Tokayev');
  let dialog = await openPresidentPage(page);

  await dialog.getByRole('group', { name: 'Spellings' }).getByRole('checkbox', { name: 'Tokajev', exact: true }).check();
  await dialog.getByRole('button', { name: 'Split off…' }).click();
  const confirmSplit = page.getByRole('dialog', { name: 'Split off spellings' });
  await expect(confirmSplit).toContainText(`Take “Tokajev” out of ${PRESIDENT}`);
  await confirmSplit.getByRole('button', { name: 'Split off', exact: true }).click();
  dialog = page.getByRole('dialog', { name: PRESIDENT });
  await expect(dialog.locator('.entity-said')).toHaveText('Split off: “Tokajev” now form an entity of their own.');
  await expect(dialog.getByRole('group', { name: 'Spellings' }).getByRole('checkbox', { name: 'Tokajev', exact: true })).toHaveCount(0);

  await page.reload();
  expect(await variantsOf(page, shell, PRESIDENT_ID)).not.toContain('Tokajev');
  const split = (await api<Array<{ id: string; variants: string[] }>>(page, shell, 'entities', { type: 'person' })).find((e) => e.variants.includes('Tokajev'));
  expect(split?.id).not.toBe(PRESIDENT_ID);

  await search(page, 'Tokayev');
  dialog = await openPresidentPage(page);
  await dialog.getByRole('searchbox', { name: 'Find an entity' }).fill('Tokajev');
  await dialog.getByRole('list', { name: `Entities to merge into ${PRESIDENT}` }).getByRole('checkbox', { name: /^Tokajev/ }).check();
  await dialog.getByRole('button', { name: 'Merge…' }).click();
  const confirmMerge = page.getByRole('dialog', { name: 'Merge entities' });
  await expect(confirmMerge).toContainText(`Make “Tokajev” one entity with ${PRESIDENT}?`);
  await shoot(page, 'merge-confirm-light');
  await confirmMerge.getByRole('button', { name: 'Merge', exact: true }).click();
  dialog = page.getByRole('dialog', { name: PRESIDENT });
  await expect(dialog.locator('.entity-said')).toHaveText(`Merged: ${PRESIDENT} now takes in 1 other entity.`);
  await expect(dialog.getByRole('group', { name: 'Spellings' }).getByRole('checkbox', { name: 'Tokajev', exact: true })).toBeVisible();

  await page.reload();
  expect(await variantsOf(page, shell, PRESIDENT_ID)).toContain('Tokajev');
  expect(await api<Array<{ kind: string }>>(page, shell, 'entityEdits', {})).toEqual([expect.objectContaining({ kind: 'split' }), expect.objectContaining({ kind: 'merge' })]);
});

test('from the keyboard: a facet filters, its page opens, Escape closes it and the focus comes back', async ({ page, shell }) => {
  await page.goto(shell.url);
  await search(page, 'protest');
  const facet = facets(page).getByRole('button', { name: 'Kassym-Jomart Tokayev (4 documents)' });
  await facet.focus();
  await page.keyboard.press('Enter');
  await expect(facet).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.result-count').first()).toHaveText('4 documents');

  const open = facets(page).getByRole('button', { name: `Open the page of ${PRESIDENT}` });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: PRESIDENT });
  await expect(dialog.locator('.entity-kind')).toBeVisible();
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  // Tab reaches the spellings' boxes; Space ticks one.
  for (let i = 0; i < 12; i++) {
    if (await dialog.getByRole('checkbox', { name: 'Tokayev', exact: true }).evaluate((box) => box === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('checkbox', { name: 'Tokayev', exact: true })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(facets(page).getByRole('button', { name: `Remove the filter “mentioning ${PRESIDENT}”` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(facet).toHaveAttribute('aria-pressed', 'false');
});

for (const theme of ['light', 'dark'] as const) {
  test(`in Russian and ${theme}: the facets and the page read whole, axe clean`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(shell.url);
    await search(page, 'protest');
    await facets(page).getByRole('button', { name: 'Kassym-Jomart Tokayev (4 documents)' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, `facets-${theme}`);
    await facets(page).getByRole('button', { name: `Open the page of ${PRESIDENT}` }).click();
    await expect(page.getByRole('dialog', { name: PRESIDENT }).locator('.entity-kind')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, `page-${theme}`);

    await openInRussian(page, shell, theme);
    await page.locator('#search-input').fill('protest');
    await unfoldDatesAndNames(page);
    const region = page.getByRole('region', { name: 'Люди, организации и места в результатах' });
    await expect(region.getByRole('group', { name: 'Люди' })).toBeVisible();
    await region.getByRole('button', { name: 'Kassym-Jomart Tokayev (4 документа)' }).click();
    expect(await clippedText(region, '*')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, `facets-ru-${theme}`);
    await region.getByRole('button', { name: `Страница «${PRESIDENT}»` }).click();
    const dialog = page.getByRole('dialog', { name: PRESIDENT });
    await expect(dialog.locator('.entity-kind', { hasText: /^Человек ·/ })).toBeVisible();
    // The mentions and the merge candidates scroll in their own boxes, on purpose.
    expect(await clippedText(dialog, '*', '.visually-hidden, .entity-mentions, .entity-merge ul')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, `page-ru-${theme}`);
  });
}
