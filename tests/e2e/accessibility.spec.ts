import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots';

failOnPageErrors();
// Ten screens, each scanned by axe and photographed: on a loaded 2-core machine one run took 58 s
// and another passed the 60 s default; the budget is for the work, not a judgement of speed.
test.describe.configure({ timeout: 240_000 });

const DOC = '003_39bcaa47380087dc.txt';
const TITLE = 'The demonstrations and subsequent violence in Kazakhstan last week came as a surprise.';
const QUOTES = [
  { quote: 'Tokayev ordered security forces to fire without warning', note: 'The order to shoot, in his own words.', tags: ['orders'], color: 'green' },
  { quote: 'Rioters stormed shops, police stations and local administration buildings', note: 'Looting began.', tags: ['violence'], color: 'blue' },
  { quote: 'According to official data, 8,000 people were arrested.', note: '', tags: ['numbers'], color: 'pink' },
] as const;

for (const theme of ['light', 'dark'] as const) {
  test(`every main screen in the ${theme} theme has no serious or critical axe violation`, async ({ page, shell }) => {
    // The theme follows the system's setting until one is chosen.
    await page.emulateMedia({ colorScheme: theme });
    await api(page, shell, 'setPreferences', { author: 'E2E Analyst' });
    const made: string[] = [];
    for (const { quote, note, tags, color } of QUOTES) {
      made.push((await api<{ id: string }>(page, shell, 'annotateQuote', { docId: DOC, quote, note, tags: [...tags], color })).id);
    }
    await mkdir(SHOTS, { recursive: true });
    const found: Record<string, string[]> = {};
    const check = async (screen: string) => {
      await page.screenshot({ path: path.join(SHOTS, `${theme}-${screen}.png`) });
      found[screen] = await seriousViolations(page);
    };

    await page.goto(shell.url);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
    await check('first-run');

    await page.getByLabel('Search the archive').fill('Tokayev');
    await expect(page.locator('button.result').first()).toBeVisible();
    await check('results');

    await page.locator('button.result', { hasText: TITLE }).click();
    await expect(page.locator('.doc-text .hl').first()).toBeVisible();
    await page.locator(`.doc-text [data-annotation~="${made[0]}"]`).first().click();
    await check('reader');
    // Each colour is told by its line and its name too, not by the tint alone.
    const lines = await Promise.all(
      made.map((id) =>
        page
          .locator(`.doc-text [data-annotation~="${id}"]`)
          .first()
          .evaluate((el) => [getComputedStyle(el).borderBottomStyle, el.getAttribute('title')]),
      ),
    );
    expect(lines).toEqual([
      ['double', 'green highlight'],
      ['dotted', 'blue highlight'],
      ['dashed', 'pink highlight'],
    ]);

    // A passage selected with the keyboard, its toolbar open at the note.
    await page.keyboard.press('j');
    await page.keyboard.press('n');
    await expect(page.getByRole('dialog', { name: 'New highlight' })).toBeVisible();
    await check('highlight-toolbar');
    await page.keyboard.press('Escape');
    await page.locator(`.doc-text [data-annotation~="${made[0]}"]`).first().click();

    await page.getByRole('tab', { name: 'All annotations' }).click();
    await expect(page.locator('.sidebar-pane .annotation-card')).toHaveCount(QUOTES.length);
    await check('annotations');

    await page.keyboard.press('d');
    await expect(page.locator('.toast')).toContainText('Added to');
    await page.getByRole('tab', { name: 'Dossier' }).click();
    await expect(page.locator('#place-panel-dossier .dossier-item')).toHaveCount(1);
    await check('dossier');

    await page.keyboard.press('Control+k');
    await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
    await check('palette');
    await page.keyboard.press('Escape');

    await page.locator('.doc-title').click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await check('shortcuts');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Preferences…' }).click();
    await expect(page.getByRole('dialog', { name: 'Preferences' })).toBeVisible();
    await check('preferences');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /Ingest report/ }).click();
    await expect(page.getByRole('dialog', { name: /Ingest report/ })).toBeVisible();
    await check('ingest-report');
    await page.keyboard.press('Escape');

    await page.keyboard.press('r');
    await expect(page.locator('#results-pane')).toBeHidden();
    await check('reading-mode');

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((screen) => [screen, []])));
  });
}
