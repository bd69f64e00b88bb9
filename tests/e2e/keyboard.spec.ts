import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { COMMANDS } from '../../src/shared/commands';
import { failOnPageErrors } from './page-errors';
import { expect, test } from './web-shell';

failOnPageErrors();

const TITLE = 'The demonstrations and subsequent violence in Kazakhstan last week came as a surprise.';
const QUOTE = 'Tokayev ordered security forces to fire without warning';
const NOTE = 'The order to shoot, in his words.';

/** The text pdftotext extracts, with every run of white space one space (lines wrap anywhere). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('search → highlight → note → tags → dossier → PDF export with the keyboard alone', async ({ page, shell }) => {
  await page.goto(shell.url);
  const search = page.getByRole('searchbox', { name: 'Search the archive' });
  await expect(search).toBeFocused();
  // Away from the search box (to the top bar), then `/` brings the focus back.
  await page.keyboard.press('Shift+Tab');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('"fire without warning"');

  // ↓ from the box to the first result, Enter opens it.
  const first = page.locator('button.result').first();
  await expect(first).toContainText(TITLE);
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.doc-title')).toHaveText(TITLE);

  // `j` selects the hit and puts the focus in the text; Shift+↑ widens the selection to the sentence's start.
  await page.keyboard.press('j');
  await expect(page.getByRole('region', { name: 'Article text' })).toBeFocused();
  expect(await selectedText(page)).toBe('fire without warning');
  await page.keyboard.press('Shift+ArrowUp');
  expect(await selectedText(page)).toBe(QUOTE);

  // `h` highlights it; the new highlight is the focused one.
  await page.keyboard.press('h');
  const drawn = page.locator('.doc-text .hl.focused');
  await expect(drawn.first()).toBeVisible();
  expect((await drawn.allTextContents()).join('')).toBe(QUOTE);
  const card = page.locator('.sidebar-pane .annotation-card', { hasText: QUOTE });
  await expect(card).toHaveCount(1);

  // `n`: the card's note, typed and saved with Ctrl+Enter; `t`: its tags.
  await page.keyboard.press('n');
  await expect(card.getByLabel('Edit note')).toBeFocused();
  await page.keyboard.type(NOTE);
  await page.keyboard.press('Control+Enter');
  await expect(card.locator('.card-note')).toHaveText(NOTE);
  await page.keyboard.press('t');
  await expect(card.getByLabel('Edit tags')).toBeFocused();
  await page.keyboard.type('orders, violence');
  await page.keyboard.press('Control+Enter');
  await expect(card.locator('.tag')).toHaveText(['orders', 'violence']);

  // `d`: into a dossier (a new one is made for it).
  await page.keyboard.press('d');
  await expect(page.locator('.toast')).toContainText('Added to');
  await expect(card.getByText('In dossier')).toBeVisible();

  // Ctrl+K, a few letters of the command, Enter: the dossier opens at its Export button; Enter exports.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused();
  await page.keyboard.type('export the dossier');
  await expect(palette.getByRole('option').first()).toContainText('Export the dossier…');
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  const exportButton = page.locator('#place-panel-dossier').getByRole('button', { name: 'Export PDF' });
  await expect(exportButton).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const pdf = path.join(await mkdtemp(path.join(os.tmpdir(), 'casefile-keyboard-')), 'dossier.pdf');
  await (await download).saveAs(pdf);
  const text = pdfText(pdf);
  expect(text).toContain(QUOTE);
  expect(text).toContain(NOTE);
});

test('the palette lists every command with its key; ? shows the shortcuts; Escape closes both and gives the focus back', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.keyboard.press('Shift+Tab');
  const before = await page.evaluate(() => document.activeElement?.textContent ?? '');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  const options = palette.getByRole('option');
  await expect(options).toHaveCount(COMMANDS.length);
  for (const [title, key] of [
    ['Search the archive', '/'],
    ['Next hit', 'J'],
    ['Highlight the selection', 'H'],
    ['Write a note', 'N'],
    ['Edit tags', 'T'],
    ['Add the highlight to the dossier', 'D'],
    ['Keyboard shortcuts', '?'],
    ['Command palette…', 'Ctrl+K'],
  ]) {
    await expect(options.filter({ hasText: title }).locator('kbd')).toHaveText(key);
  }
  // ↓ moves the choice; typing narrows the list.
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.type('reading');
  await expect(options).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(before);

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('region', { name: 'Selecting text without a mouse' })).toContainText('Shift+↓ / Shift+↑end to the end of the sentence');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // While typing in the search box the letters are text, not shortcuts.
  await page.keyboard.press('/');
  await page.keyboard.type('d?jk');
  await expect(page.getByRole('searchbox', { name: 'Search the archive' })).toHaveValue('d?jk');
  await expect(sheet).toHaveCount(0);
});

test('panes resized by keyboard, reading mode, text size and line length, and the theme are kept after a reload', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Zhanaozen');
  await page.locator('button.result').first().press('Enter');
  const results = page.locator('#results-pane');
  const width = async () => (await results.boundingBox())?.width ?? 0;
  const startWidth = await width();

  const splitter = page.getByRole('separator', { name: 'Resize the results' });
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await width()).toBeCloseTo(startWidth + 48, 0);
  await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(startWidth + 48)));

  // The other handle, dragged with the mouse 60 px to the left, widens the sidebar by as much.
  const sidebar = page.locator('.sidebar-pane');
  const sidebarBefore = (await sidebar.boundingBox())?.width ?? 0;
  const handle = await page.getByRole('separator', { name: 'Resize the annotations' }).boundingBox();
  await page.mouse.move(handle!.x + 3, handle!.y + 200);
  await page.mouse.down();
  await page.mouse.move(handle!.x - 27, handle!.y + 200, { steps: 3 });
  await page.mouse.move(handle!.x - 57, handle!.y + 200, { steps: 3 });
  await page.mouse.up();
  expect((await sidebar.boundingBox())?.width).toBeCloseTo(sidebarBefore + 60, 0);

  await page.locator('.doc-title').click(); // off the splitter, whose arrows are its own
  await page.keyboard.press('r');
  await expect(results).toBeHidden();
  await expect(page.locator('.sidebar-pane')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Reading mode' })).toHaveAttribute('aria-pressed', 'true');

  // With the reader alone, the line length is what limits the text's width.
  const text = page.locator('.doc-text');
  const size = () => text.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const sizeBefore = await size();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  expect(await size()).toBe(sizeBefore + 2);
  const measure = () => text.evaluate((el) => el.getBoundingClientRect().width);
  const measureBefore = await measure();
  await page.keyboard.press('[');
  expect(await measure()).toBeLessThan(measureBefore);

  await page.keyboard.press('Control+Shift+L');
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  await expect.poll(theme).toBe('light');
  await page.keyboard.press('Control+Shift+L');
  await expect.poll(theme).toBe('dark');
  await expect(page.getByRole('button', { name: /^Theme: Dark/ })).toBeVisible();

  await page.reload();
  await expect.poll(theme).toBe('dark');
  await expect(results).toBeHidden();
  await page.keyboard.press('r');
  await expect(results).toBeVisible();
  expect(await width()).toBeCloseTo(startWidth + 48, 0);
  await page.getByLabel('Search the archive').fill('Zhanaozen');
  await page.locator('button.result').first().press('Enter');
  expect(await size()).toBe(sizeBefore + 2);
});

test('every control reached with Tab shows where the focus is; F6 goes from pane to pane', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Zhanaozen');
  await page.locator('button.result').first().press('Enter');
  await expect(page.locator('.doc-title')).toBeVisible();

  // Once round the whole window: each stop must draw an outline (or a ring) of its own.
  const unmarked = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const marked = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}”`;
      return { name, marked };
    });
    if (!stop) continue;
    seen.add(stop.name);
    if (!stop.marked) unmarked.add(stop.name);
  }
  expect(seen.size).toBeGreaterThan(30);
  expect([...unmarked]).toEqual([]);

  const inPane = (selector: string) => page.evaluate((s) => document.activeElement?.closest(s) !== null, selector);
  await page.getByLabel('Search the archive').focus();
  await page.keyboard.press('F6');
  expect(await inPane('.reader-pane')).toBe(true);
  await page.keyboard.press('F6');
  expect(await inPane('.sidebar-pane')).toBe(true);
  await page.keyboard.press('F6');
  await expect(page.getByLabel('Search the archive')).toBeFocused();
  await page.keyboard.press('Shift+F6');
  expect(await inPane('.sidebar-pane')).toBe(true);
});
