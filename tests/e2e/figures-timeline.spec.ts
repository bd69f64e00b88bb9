import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { clippedText } from './screen-checks';
import { expect, test, type RunningShell } from './web-shell';
import { unfoldDatesAndNames } from './refine';

const SHOTS = '/tmp/shots/figures-timeline';

failOnPageErrors();
// Several screens scanned by axe and photographed on a shared 2-core machine: the budget is for the work.
test.describe.configure({ timeout: 240_000 });

/** The bundled archive's report that gives the official toll of 227. */
const TOLL_DOC = '001_f765530c45934157.txt';

/**
 * Serious or critical axe violations, leaving out `others`: parts of the window these views do not
 * own (the entity facets are checked by their own specs; at 1000 px the top bar's last button runs
 * off the window whatever view is shown).
 */
async function seriousViolationsBut(page: Page, others: string[]): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  for (const selector of others) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
const NOT_OURS = ['.entity-facet', '.entity-facets'];

/** Whether a tab of the side pane sticks out of the tab list (four tabs in a narrow pane). */
function tabsOverflow(page: Page): Promise<boolean> {
  return page.locator('.place-tabs').evaluate((list) => [...list.children].some((tab) => tab.getBoundingClientRect().right > list.getBoundingClientRect().right + 0.5));
}

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

function measure(page: Page, name: string) {
  return page.locator('.figures-view section.measure', { has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) });
}

test('the Figures view lines up the deaths and the detentions, says where sources disagree, opens a claim at its sentence and annotates it in one click', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('tab', { name: 'Figures' }).click();

  const deaths = measure(page, 'Deaths');
  await expect(deaths.getByText('Sources disagree')).toBeVisible();
  const deathValues = deaths.getByRole('list', { name: 'Values given for deaths' }).getByRole('listitem');
  await expect(deathValues.filter({ hasText: /^164$/ })).toHaveCount(1);
  await expect(deathValues.filter({ hasText: /^227$/ })).toHaveCount(1);
  // The number is marked in its sentence.
  await expect(deaths.locator('.claim-sentence mark', { hasText: /^227$/ }).first()).toBeVisible();

  const detentions = measure(page, 'Detentions');
  await expect(detentions.getByText('Sources disagree')).toBeVisible();
  const detentionValues = await detentions.getByRole('list', { name: 'Values given for detentions' }).getByRole('listitem').allTextContents();
  expect(detentionValues).toEqual(expect.arrayContaining(['8,000', '9,900', '10,000', '16,000']));
  await expect(detentions.locator('.claim-value', { hasText: 'about 16,000' })).toBeVisible();
  await expect(detentions.locator('.claim-value', { hasText: 'almost 9,900' })).toBeVisible();
  expect(await seriousViolationsBut(page, NOT_OURS)).toEqual([]);
  await shoot(page, 'figures-light-1440');

  // Filtered to one measure, the others leave the view.
  await page.getByLabel('Measure').selectOption('detentions');
  await expect(detentions).toBeVisible();
  await expect(deaths).toHaveCount(0);
  await page.getByLabel('Measure').selectOption('all');

  // A claim opens its source at the sentence, selected.
  const toll = deaths.locator('li.claim', { hasText: 'The official death toll stands at 227' }).filter({ has: page.locator('.claim-value', { hasText: /^227$/ }) });
  await toll.locator('button.claim-open').click();
  await expect(page.locator('.doc-text')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('The official death toll stands at 227');

  // One click annotates it: acknowledged, saved, and the button says so.
  await toll.getByRole('button', { name: /^Annotate the claim 227 in / }).click();
  await expect(page.locator('.toast')).toContainText('Annotated: 227 deaths');
  await expect(toll.getByRole('button', { name: /^Annotated: show the highlight of 227/ })).toBeVisible();
  const saved = await api<Array<{ target: { docId: string; quote: { exact: string } }; note: string }>>(page, shell, 'listAnnotations', {});
  expect(saved.map((a) => [a.target.docId, a.target.quote.exact, a.note])).toEqual([[TOLL_DOC, 'The official death toll stands at 227', 'Figure: 227 deaths']]);
  await expect(page.locator(`.doc-text [data-annotation~="${(await api<Array<{ id: string }>>(page, shell, 'listAnnotations', {}))[0].id}"]`).first()).toBeVisible();
  expect(await seriousViolationsBut(page, NOT_OURS)).toEqual([]);
});

test('the Timeline puts the events of early January 2022 in order, opens each at its words and lists the undated documents', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const january = page.locator('.timeline-month', { has: page.getByRole('heading', { name: /^January 2022/ }) });
  await expect(january.locator('h4').first()).toHaveText('Sun, January 2, 2022');
  const days = await january.locator('h4').allTextContents();
  const dayNumbers = days.flatMap((d) => (/^\w+, January (\d+), 2022$/.exec(d) ? [Number(/January (\d+)/.exec(d)?.[1])] : []));
  expect(dayNumbers.slice(0, 9)).toEqual([2, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect(days).toContain('Week of Jan 10, 2022');
  await expect(page.locator('.timeline-summary')).toHaveText(/^\d+ dates in 5 documents$/);

  // The undated documents are said, never dropped: the bundled archive dates one document of five.
  const undated = page.locator('.undated-documents');
  await expect(undated.getByRole('heading')).toHaveText('4 undated documents');
  await expect(undated.getByRole('listitem')).toHaveCount(4);
  expect(await seriousViolationsBut(page, NOT_OURS)).toEqual([]);
  await shoot(page, 'timeline-light-1440');

  const published = january.locator('li.entry.publication');
  await expect(published).toContainText('Sat. Jan 22nd, 2022');
  await january.locator('li.entry', { hasText: '7th of January' }).locator('button').click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('7th of January');

  // By month, each entry says its day.
  await page.getByLabel('Month').check();
  await expect(january.locator('h4')).toHaveCount(0);
  await expect(january.locator('li.entry').filter({ has: page.locator('mark', { hasText: /^January 2$/ }) }).first().locator('.entry-date')).toHaveText('Sun, January 2, 2022');
});

/** Two reports added to the test's copy of the archive: one dated in February 2022, one undated. */
async function addReports(page: Page, shell: RunningShell): Promise<void> {
  const files = [
    { name: 'feb-report.txt', text: 'Tue. Feb 15th, 2022\n\nA month on, Tokayev promised an amnesty for those detained in January.\n' },
    { name: 'undated-note.txt', text: 'Notes from a witness\n\nTokayev spoke on television while the square was cleared.\n' },
  ];
  await api(page, shell, 'addFiles', { files: files.map((f) => ({ name: f.name, base64: Buffer.from(f.text).toString('base64') })) });
}

test.describe('the date histogram and undated documents in search', () => {
  test.use({ copyArchive: true });

  test('a bar per month filters the search; a date range says how many undated documents it leaves out, and includes them on request', async ({ page, shell }) => {
    await addReports(page, shell);
    await page.goto(shell.url);
    await page.getByLabel('Search the archive').fill('Tokayev');
    await unfoldDatesAndNames(page);
    const bars = page.getByRole('toolbar', { name: 'Matching documents by month' });
    await expect(bars.getByRole('button', { name: 'January 2022: 1 document' })).toBeVisible();
    await expect(bars.getByRole('button', { name: 'February 2022: 1 document' })).toBeVisible();
    const count = page.locator('.result-count');
    await expect(count).toHaveText('6 documents');
    await shoot(page, 'histogram-light-1440');

    await bars.getByRole('button', { name: 'February 2022: 1 document' }).click();
    await expect(count).toHaveText('1 document');
    await expect(page.locator('button.result')).toHaveText([/A month on, Tokayev promised an amnesty/]);
    await expect(bars.getByRole('button', { name: 'February 2022: 1 document' })).toHaveAttribute('aria-pressed', 'true');
    // The range is the one the filters show.
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('2022-02-01');
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2022-02-28');

    // Four of the matches have no date: the range leaves them out, and says so.
    const notice = page.locator('.undated-notice');
    await expect(notice).toHaveText('4 undated documents not shown — include them');
    expect(await seriousViolationsBut(page, NOT_OURS)).toEqual([]);
    await shoot(page, 'histogram-range-light-1440');
    await notice.getByRole('button', { name: 'include them' }).click();
    await expect(count).toHaveText('5 documents');
    await expect(page.locator('button.result', { hasText: 'Notes from a witness' })).toBeVisible();
    await expect(notice).toHaveText('4 undated documents included — leave them out');

    // From the keyboard: one Tab stop, arrows between the months, Enter chooses; again clears.
    const february = bars.getByRole('button', { name: 'February 2022: 1 document' });
    await february.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(bars.getByRole('button', { name: 'January 2022: 1 document' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('2022-01-01');
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2022-01-31');
    await expect(count).toHaveText('5 documents');
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('');
    await expect(count).toHaveText('6 documents');
    await expect(notice).toHaveCount(0);
  });

  test('the views follow the archive: a document added on disk shows in the figures and the timeline', async ({ page, shell }) => {
    await page.goto(shell.url);
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.locator('.undated-documents').getByRole('heading')).toHaveText('4 undated documents');
    await page.getByRole('tab', { name: 'Figures' }).click();
    await expect(measure(page, 'Deaths').locator('.claim-value', { hasText: /^312$/ })).toHaveCount(0);
    // Another program (here: the API, as a script would) adds a report with a new toll.
    await api(page, shell, 'addFiles', { files: [{ name: 'toll.txt', base64: Buffer.from('Later figures\n\nThe prosecutor said 312 people died in the unrest.\n').toString('base64') }] });
    await expect(measure(page, 'Deaths').locator('.claim-value', { hasText: /^312$/ })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.locator('.undated-documents').getByRole('heading')).toHaveText('5 undated documents', { timeout: 30_000 });
  });
});

test('the views open and work from the keyboard', async ({ page, shell }) => {
  await page.goto(shell.url);
  await expect(page.locator('#search-input')).toBeFocused();
  await page.locator('#search-input').blur();
  await page.keyboard.press('Shift+F');
  await expect(page.getByRole('tab', { name: 'Figures' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Figures' }).focus();
  // The arrows move between the side pane's tabs; Tab goes into the view.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Figures' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Measure')).toBeFocused();
  // Each measure's "Add table to dossier" comes before its claims.
  await page.keyboard.press('Tab');
  await expect(page.locator('.figures-view button.measure-table').first()).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.figures-view button.claim-open').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.doc-text')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('.figures-view button.claim-annotate').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.toast')).toContainText(/^Annotated: /);
  // The button keeps the focus and now says the claim is annotated.
  await expect(page.locator('.figures-view button.claim-annotate').first()).toBeFocused();
  await expect(page.locator('.figures-view button.claim-annotate').first()).toHaveText('✓ Annotated');

  await page.keyboard.press('Shift+T');
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the views in Russian and at narrower windows, ${theme}: nothing clipped, axe clean`, async ({ page, shell }) => {
    for (const width of [1280, 1000]) {
      await page.setViewportSize({ width, height: 860 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(shell.url);
      await page.getByLabel('Search the archive').fill('Tokayev');
      await unfoldDatesAndNames(page);
      await page.getByRole('toolbar', { name: 'Matching documents by month' }).getByRole('button').first().click();
      await page.getByRole('tab', { name: 'Figures' }).click();
      await expect(page.locator('.figures-view .measure').first()).toBeVisible();
      await shoot(page, `figures-${theme}-${width}`);
      expect(await clippedText(page.locator('.sidebar-pane'), '*')).toEqual([]);
      expect(await tabsOverflow(page)).toBe(false);
      await page.getByRole('tab', { name: 'Timeline' }).click();
      await expect(page.locator('.timeline-month').first()).toBeVisible();
      await shoot(page, `timeline-${theme}-${width}`);
      expect(await clippedText(page.locator('.sidebar-pane'), '*')).toEqual([]);
      expect(await seriousViolationsBut(page, width < 1280 ? [...NOT_OURS, '.topbar'] : NOT_OURS)).toEqual([]);
    }

    for (const width of [1280, 1000]) {
      await page.setViewportSize({ width, height: 860 });
      // As openInRussian does, with room for a loaded machine (the page's first render can take more than 5 s there).
      await api(page, shell, 'setPreferences', { language: 'ru' });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(shell.url);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru', { timeout: 30_000 });
      const notOurs = width < 1280 ? [...NOT_OURS, '.topbar'] : NOT_OURS;
      await page.getByLabel('Поиск по архиву').fill('Tokayev');
      await unfoldDatesAndNames(page);
      await page.getByRole('toolbar', { name: 'Найденные документы по месяцам' }).getByRole('button').first().click();
      await expect(page.locator('.undated-notice')).toContainText('Не показано: 3 документа без даты');
      await page.getByRole('tab', { name: 'Цифры' }).click();
      await expect(measure(page, 'Погибшие').getByText('Источники расходятся')).toBeVisible();
      await shoot(page, `figures-ru-${theme}-${width}`);
      expect(await tabsOverflow(page)).toBe(false);
      expect(await clippedText(page.locator('.sidebar-pane'), '*')).toEqual([]);
      expect(await seriousViolationsBut(page, notOurs)).toEqual([]);
      await page.getByRole('tab', { name: 'Хронология' }).click();
      await expect(page.locator('.undated-documents').getByRole('heading')).toHaveText('4 документа без даты');
      await shoot(page, `timeline-ru-${theme}-${width}`);
      expect(await clippedText(page.locator('.sidebar-pane'), '*')).toEqual([]);
      expect(await seriousViolationsBut(page, notOurs)).toEqual([]);
    }
  });
}
