import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { seriousViolations } from './screen-checks';
import { pdfWithPages } from './pdf-fixtures';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots/h1-pages';

failOnPageErrors();
// Each test scans a screen with axe: on a loaded 2-core machine that alone can take most of a minute.
test.describe.configure({ timeout: 180_000 });

const DOC = '003_39bcaa47380087dc.txt';
const TITLE = 'The demonstrations and subsequent violence in Kazakhstan last week came as a surprise.';
const PINK_QUOTE = 'According to official data, 8,000 people were arrested.';

/** What the eye sees of a drawn element: its own fill, the ring inside it, and its line under the text. */
function paint(locator: Locator) {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, shadow: style.boxShadow, line: `${style.borderBottomStyle} ${style.borderBottomColor}` };
  });
}

/** "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)" or "#010203" as its red, green and blue. */
function rgbOf(color: string): [number, number, number] {
  const hex = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(color.trim());
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const parts = /^rgba?\((\d+), (\d+), (\d+)/.exec(color.trim());
  if (!parts) throw new Error(`not a colour: ${color}`);
  return [Number(parts[1]), Number(parts[2]), Number(parts[3])];
}

/** How far apart two colours are: the sum of their channels' differences (0 to 765). */
function distance(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, channel, i) => sum + Math.abs(channel - b[i]), 0);
}

async function openWithHits(page: Page, query: string): Promise<void> {
  await page.getByLabel('Search the archive').fill(query);
  await page.locator('button.result', { hasText: TITLE }).click();
  await expect(page.locator('.doc-title')).toHaveText(TITLE);
  await expect(page.locator('.doc-text mark.hit').first()).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: a search hit inside a pink highlight keeps the pink and its line, with a ring of its own`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    await api(page, shell, 'annotateQuote', { docId: DOC, quote: PINK_QUOTE, color: 'pink' });
    await api(page, shell, 'annotateQuote', { docId: DOC, quote: 'Rioters stormed shops', color: 'yellow' });
    await page.goto(shell.url);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    // "people" stands inside the pink highlight and elsewhere in plain text.
    await openWithHits(page, 'people');

    const pink = page.locator('.doc-text .hl-pink', { hasText: 'people' });
    const inside = pink.locator('mark.hit');
    await expect(inside).toHaveText('people');
    // The first hit is this one; the next is in plain text.
    await expect(inside).toHaveClass(/\bcurrent\b/);
    await page.getByRole('button', { name: 'Next hit' }).click();
    await expect(inside).not.toHaveClass(/\bcurrent\b/);
    const highlight = await paint(pink);
    const hit = await paint(inside);
    // The hit paints no fill over the highlight: the pink shows through, and the pink's dashed line stays.
    expect(hit.background).toBe('rgba(0, 0, 0, 0)');
    expect(highlight.line).toMatch(/^dashed /);
    expect(hit.shadow).toMatch(/inset/);

    // Outside highlights a hit has a fill and a ring, and the fill is plainly not the yellow highlight's.
    const yellow = rgbOf(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--hl-yellow')));
    const current = page.locator('.doc-text mark.hit.current');
    await expect(current).toBeVisible();
    expect(await current.evaluate((el) => el.closest('.hl'))).toBeNull();
    for (const hit of [current, page.locator('.doc-text p:not(:has(.hl)) mark.hit:not(.current)').first()]) {
      const { background, shadow } = await paint(hit);
      expect(shadow).toMatch(/inset/);
      expect(distance(rgbOf(background), yellow), `hit fill ${background} against the yellow highlight`).toBeGreaterThan(60);
    }
    await mkdir(SHOTS, { recursive: true });
    await page.locator('.reader-pane').screenshot({ path: path.join(SHOTS, `${theme}-plain-hit.png`) });

    // Back on the hit inside the pink: as the current hit it veils the pink, never covers it.
    await page.getByRole('button', { name: 'Previous hit' }).click();
    await expect(inside).toHaveClass(/\bcurrent\b/);
    const veil = (await paint(inside)).background.match(/^rgba\(\d+, \d+, \d+, ([\d.]+)\)$/);
    expect(Number(veil?.[1] ?? 1)).toBeLessThan(0.3);
    await page.evaluate(() => window.getSelection()?.removeAllRanges());

    await pink.scrollIntoViewIfNeeded();
    await page.locator('.doc-text p').filter({ has: page.locator('.hl-pink') }).screenshot({ path: path.join(SHOTS, `${theme}-hit-in-pink.png`) });
    await page.locator('.reader-pane').screenshot({ path: path.join(SHOTS, `${theme}-reader-hits.png`) });
    expect(await seriousViolations(page)).toEqual([]);
  });
}

/** A three-page PDF whose second page says the searched word. */
function threePagePdf(): Promise<Uint8Array> {
  return pdfWithPages('Commission hearing transcript', [
    ['Hearing of the commission, 12 January 2022.', 'The chair opened the session at ten.'],
    ['The witness said the square was cleared before noon.', 'Counsel asked who gave the order.'],
    ['The witness did not answer.', 'The session closed at six.'],
  ]);
}

test.describe('a PDF source', () => {
  test.use({ copyArchive: true });

  test('shows where each page begins, outside the selectable text', async ({ page, shell }) => {
    // Added as "Add files…" adds it (into the test's own copy of the archive).
    await api(page, shell, 'addFiles', { files: [{ name: 'hearing.pdf', base64: Buffer.from(await threePagePdf()).toString('base64') }] });
    await page.goto(shell.url);
    await page.getByLabel('Search the archive').fill('cleared');
    await page.locator('button.result', { hasText: 'Commission hearing transcript' }).click();
    await expect(page.locator('.doc-title')).toHaveText('Commission hearing transcript');

    const markers = page.getByRole('separator', { name: /^Page \d of 3$/ });
    await expect(markers).toHaveText(['p. 1', 'p. 2', 'p. 3']);
    const second = page.getByRole('separator', { name: 'Page 2 of 3' });
    await expect(second).toBeVisible();
    expect(await second.evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');

    await mkdir(SHOTS, { recursive: true });
    await page.locator('.reader-pane').screenshot({ path: path.join(SHOTS, 'pdf-page-markers.png') });
    expect(await seriousViolations(page)).toEqual([]);

    // Selecting all of the article copies the text alone: no "p. 2" between the pages.
    const copied = await page.locator('.doc-text').evaluate((article) => {
      const range = document.createRange();
      range.selectNodeContents(article);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(copied).toContain('The chair opened the session at ten.');
    expect(copied).toContain('Counsel asked who gave the order.');
    expect(copied).not.toMatch(/p\. \d/);
  });
});
