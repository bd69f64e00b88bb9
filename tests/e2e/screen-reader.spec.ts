import type { Locator, Page } from '@playwright/test';
import { failOnPageErrors } from './page-errors';
import { selectWithMouse } from './select-text';
import { screenshots } from './screen-checks';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots/h6-a11y';

failOnPageErrors();

/**
 * What a screen reader says, as it says it: text that changes inside a live region already on the
 * page (role=status, role=log, aria-live=polite/assertive), and an alert as soon as it appears. A
 * polite region mounted together with its text is usually not read, so it does not count here.
 */
async function listenLikeAScreenReader(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"]';
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    const known = new WeakSet<Element>();
    const learn = () => document.querySelectorAll(LIVE).forEach((region) => known.add(region));
    const say = (text: string | null | undefined) => {
      const spoken = (text ?? '').replace(/\s+/g, ' ').trim();
      if (spoken && heard.at(-1) !== spoken) heard.push(spoken);
    };
    new MutationObserver((records) => {
      const changed = new Set<Element>();
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        // The outermost live region around the change that was already there speaks.
        let region: Element | null = null;
        for (let at = target?.closest(LIVE) ?? null; at; at = at.parentElement?.closest(LIVE) ?? null) if (known.has(at)) region = at;
        if (region) changed.add(region);
        for (const added of record.addedNodes) {
          if (!(added instanceof Element)) continue;
          const alerts = added.matches('[role="alert"]') ? [added] : [...added.querySelectorAll('[role="alert"]')];
          alerts.forEach((alert) => changed.add(alert));
        }
      }
      changed.forEach((region) => say(region.textContent));
      learn();
    }).observe(document, { subtree: true, childList: true, characterData: true });
    document.addEventListener('DOMContentLoaded', learn);
  });
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);

/** Roles a person operates: each needs a name a screen reader can say. */
const CONTROLS = [
  'button',
  'checkbox',
  'combobox',
  'link',
  'listbox',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
];
const CONTROL_LINE = new RegExp(`^\\s*- (${CONTROLS.join('|')})\\b(.*)$`);

/**
 * The controls in the accessibility tree under `root` with no name a screen reader can say (none, or
 * only a symbol such as "×" or "▶"), as lines of its ARIA snapshot.
 */
async function unnamedControls(root: Locator): Promise<string[]> {
  const snapshot = await root.ariaSnapshot();
  return snapshot
    .split('\n')
    .filter((line) => {
      const control = CONTROL_LINE.exec(line);
      if (!control) return false;
      // A named control reads `- button "Save highlight"`; an unnamed one `- button`, `- button [disabled]` or `- textbox: its value`.
      const name = /^ "((?:[^"\\]|\\.)*)"/.exec(control[2])?.[1] ?? '';
      return !/[\p{L}\p{N}]/u.test(name);
    })
    .map((line) => line.trim());
}

const shot = screenshots(SHOTS);

const TITLE = 'Kazakhstan activists recall road from protest to bloodshed';
const QUOTE = 'Mass protests in Kazakhstan began peacefully over the New Year’s weekend';
const NOTE = 'AP dateline: protests began peacefully.';

const FIXTURE = `
    <button>Save</button><button aria-label="Close">×</button><button>×</button><button></button><button disabled></button>
    <label>Note <input></label><input value="typed"><select><option>One</option></select>
    <a href="#x">Read more</a><a href="#y"></a>
    <div id="polite" aria-live="polite"></div><div id="status" role="status"></div><div id="host"></div>`;

test('the listener hears what a screen reader would, and the snapshot walk finds unnamed controls', async ({ page }) => {
  await listenLikeAScreenReader(page);
  // A page of its own, loaded by navigation so the listener's init script runs in it.
  await page.route('http://listener.test/', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: FIXTURE }));
  await page.goto('http://listener.test/');
  expect(await unnamedControls(page.locator('body'))).toEqual(['- button "×"', '- button', '- button [disabled]', '- textbox: typed', '- combobox:', '- link:']);

  await page.evaluate(() => {
    document.getElementById('polite')!.textContent = 'Said in a polite region';
    document.getElementById('status')!.innerHTML = '<p>Said in a status</p>';
    // Mounted together with its text: not read. An alert is read as it appears.
    document.getElementById('host')!.innerHTML = '<p role="status">Never said</p><p role="alert">Said as an alert</p>';
  });
  await expect.poll(() => heard(page)).toEqual(['Said in a polite region', 'Said in a status', 'Said as an alert']);
});

test('the main flow heard through a screen reader: every control named, every change announced', async ({ page, shell }, testInfo) => {
  // Searches, highlights, builds a dossier and exports it on a loaded 2-core machine: the budget is for the work.
  test.setTimeout(180_000);
  await listenLikeAScreenReader(page);
  const unnamed: Record<string, string[]> = {};
  const check = async (step: string) => {
    await shot(page, step);
    unnamed[step] = await unnamedControls(page.locator('body'));
  };
  const hears = (text: string | RegExp) => expect.poll(() => heard(page), { timeout: 15_000 }).toContainEqual(expect.stringMatching(text));

  await page.goto(shell.url);
  await expect(page.getByRole('heading', { name: 'No article open' })).toBeVisible();
  await check('1-first-run');

  // The results' count, once they come.
  await page.getByLabel('Search the archive').fill('Almaty');
  await expect(page.locator('.result', { hasText: TITLE })).toBeVisible();
  await hears(/^Results for “Almaty”: \d+ documents?\b/);
  await check('2-results');

  // The article opened: its title said, while the focus stays in the results for the next one.
  await page.locator('.result', { hasText: TITLE }).click();
  await expect(page.locator('.doc-title')).toHaveText(TITLE);
  await hears(new RegExp(`^Opened “${TITLE}”, \\d+ search hits\\.$`));
  await check('3-reader');
  await page.getByRole('button', { name: 'Next hit' }).click();
  await hears(/^Hit 2 of \d+/);

  // A passage highlighted with a note.
  await selectWithMouse(page, QUOTE);
  const toolbar = page.getByRole('dialog', { name: 'New highlight' });
  await expect(toolbar).toBeVisible();
  await check('4-new-highlight');
  await toolbar.getByLabel('Note').fill(NOTE);
  await toolbar.getByRole('button', { name: 'Save highlight' }).click();
  await expect(page.locator('.annotation-card .card-note')).toHaveText(NOTE);
  await hears(`Highlighted: “${QUOTE.slice(0, 40)}`);
  await check('5-highlighted');
  const card = page.locator('.annotation-card', { hasText: QUOTE });
  await card.getByRole('button', { name: 'Edit' }).click();
  await check('5-editing');
  await card.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'All annotations' }).click();
  await check('5-all-annotations');

  // Into a dossier (the first add makes one).
  await card.getByRole('button', { name: 'Add to dossier' }).click();
  await hears(/^Added to “.+” › .+ as quote 1\./);
  await page.getByRole('tab', { name: /^Dossier/ }).click();
  await expect(page.locator('.dossier-panel').getByRole('listitem', { name: /^Quote 1:/ })).toBeVisible();
  await check('6-dossier');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Commands' })).toBeVisible();
  await check('6-palette');
  await page.keyboard.press('Escape');

  // Exported: the file saved is said.
  const exporting = page.getByRole('group', { name: 'Export' });
  const download = page.waitForEvent('download');
  await exporting.getByRole('button', { name: /^Export / }).click();
  await expect(exporting.getByText(/^Saved .+\.pdf \(\d+ KB\)\.$/)).toBeVisible({ timeout: 60_000 });
  await hears(/^Saved .+\.pdf \(\d+ KB\)\.$/);
  await check('7-exported');

  // Verified: the check in progress said, then the report takes the focus and is read from there.
  const pdf = testInfo.outputPath('dossier.pdf');
  await (await download).saveAs(pdf);
  const verifying = page.getByRole('group', { name: 'Verify a dossier PDF' });
  await verifying.getByLabel('Dossier PDF').setInputFiles(pdf);
  await hears(/^Checking dossier\.pdf…$/);
  // Verify reads every printed page and checks the signature: seconds, more on a loaded machine.
  await expect(verifying.getByRole('region', { name: 'Verification report' })).toBeFocused({ timeout: 60_000 });
  await expect(verifying.locator('.verify-verdict')).toHaveText('Verified: the quote matches the archive.');
  await check('8-verified');

  // An unfinished query: the hint said quietly, the last results kept.
  await page.getByLabel('Search the archive').fill('"fire without');
  await hears(/quote/i);
  await check('9-query-hint');

  expect(unnamed).toEqual(Object.fromEntries(Object.keys(unnamed).map((step) => [step, []])));
});
