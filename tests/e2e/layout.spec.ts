import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { selectWithMouse } from './select-text';
import { expect, test, type RunningShell } from './web-shell';

/**
 * The window's layout, measured: what moves, what is cut off, what covers what (issue 21, point 4).
 * Each test also leaves screenshots in both themes, to be looked at.
 */

const SHOTS = '/tmp/shots/h4-layout';

failOnPageErrors();
// A copy of the archive: tests running at the same time may change the bundled one's files.
test.use({ copyArchive: true });

type Box = { x: number; y: number; width: number; height: number };

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not laid out: ${locator}`);
  return found;
}

/** Screenshots of `target` in the light and the dark theme (the theme follows the system's here). */
async function shots(page: Page, name: string, target: Locator | Page = page): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await target.screenshot({ path: path.join(SHOTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const UPRISINGS = {
  doc: '002_06b90974a18acc89.txt',
  title: 'Uprisings in Kazakhstan',
  quote: 'Decades of empty promises, corrosive corruption, injustice and the lack of basic human rights',
};

async function openUprisings(page: Page): Promise<void> {
  await page.getByLabel('Search the archive').fill('Zhanaozen');
  await page.locator('.result', { hasText: UPRISINGS.title }).click();
  await expect(page.locator('.doc-title')).toHaveText(UPRISINGS.title);
}

/** A dossier of two sections with headings as long as researchers write them, one quote in the first. */
async function dossierWithLongHeadings(page: Page, shell: RunningShell): Promise<void> {
  const headings = ['Official figures of the dead and wounded, January 2022', 'What the witnesses in Almaty and Taldykorgan told reporters'];
  const { id: annotationId } = await api<{ id: string }>(page, shell, 'annotateQuote', { docId: UPRISINGS.doc, quote: UPRISINGS.quote });
  const sections = headings.map((heading, i) => ({ id: randomUUID(), heading, items: i === 0 ? [{ annotationId, commentary: '' }] : [] }));
  await api(page, shell, 'createDossier', { name: 'January 2022', sections });
}

test('the side pane keeps its width, and the reader its text, when switching Annotations → Dossier and back', async ({ page, shell }) => {
  await dossierWithLongHeadings(page, shell);
  await page.goto(shell.url);
  await openUprisings(page);
  const measure = async () => ({ side: (await box(page.locator('.sidebar-pane'))).width, text: await box(page.locator('.doc-text')) });
  const onAnnotations = await measure();
  await shots(page, 'side-annotations');
  await page.getByRole('tab', { name: 'Dossier' }).click();
  await expect(page.locator('#place-panel-dossier')).toBeVisible();
  const onDossier = await measure();
  await shots(page, 'side-dossier');
  expect(onDossier).toEqual(onAnnotations);
  await page.getByRole('tab', { name: 'Annotations' }).click();
  expect(await measure()).toEqual(onAnnotations);
});

test('section headings and the "Move to" menu show their whole text', async ({ page, shell }) => {
  await dossierWithLongHeadings(page, shell);
  await page.goto(shell.url);
  await page.getByRole('tab', { name: 'Dossier' }).click();
  const panel = page.locator('#place-panel-dossier');
  await expect(panel.locator('.dossier-item')).toHaveCount(1);

  for (const i of [1, 2]) {
    const heading = panel.getByLabel(`Heading of section ${i}`);
    const overflow = await heading.evaluate((el) => ({ wide: el.scrollWidth - el.clientWidth, tall: el.scrollHeight - el.clientHeight }));
    expect(overflow, `heading ${i}`).toEqual({ wide: 0, tall: 0 });
  }

  // A closed select shows its chosen option's text, cut at its width: the text must fit beside the arrow.
  for (const select of await panel.locator('select').all()) {
    const fit = await select.evaluate((el: HTMLSelectElement) => {
      const style = getComputedStyle(el);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = el.selectedOptions[0]?.text ?? '';
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - parseFloat(style.fontSize); // the arrow
      return { text, spare: room - context.measureText(text).width };
    });
    expect(fit.spare, `"${fit.text}" fits`).toBeGreaterThanOrEqual(0);
  }
  const move = panel.locator('.dossier-item').getByLabel('Move to');
  // Every other section is offered, by its whole heading.
  await expect(move.locator('option:not([disabled])')).toHaveText(['2. What the witnesses in Almaty and Taldykorgan told reporters']);
  await shots(page, 'sections', panel.locator('.dossier-section').first());
});

test('the new-highlight popup never covers the selection, high or low in the window', async ({ page, shell }) => {
  await page.goto(shell.url);
  await openUprisings(page);
  const toolbar = page.getByRole('dialog', { name: 'New highlight' });
  const phrase = 'The authorities do not wish to admit that dozens of thousands of people could protest in solidarity';
  // The passage in the middle of the reader, then at its foot, where the popup cannot go under it.
  for (const place of ['middle', 'bottom'] as const) {
    await page.locator('.reader-scroll').evaluate(
      (scroller, { wanted, place }) => {
        const walker = document.createTreeWalker(scroller, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(wanted);
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          const phrase = range.getBoundingClientRect();
          const view = scroller.getBoundingClientRect();
          scroller.scrollTop += place === 'middle' ? (phrase.top + phrase.bottom) / 2 - (view.top + view.bottom) / 2 : phrase.bottom - view.bottom + 12;
        }
      },
      { wanted: phrase, place },
    );
    await selectWithMouse(page, phrase);
    await expect(toolbar).toBeVisible();
    const lines = await page.evaluate(() => [...window.getSelection()!.getRangeAt(0).getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
    expect(lines.length, 'the phrase spans lines').toBeGreaterThan(1);
    const popup = await box(toolbar);
    for (const line of lines) expect(intersects(popup, line), `popup ${JSON.stringify(popup)} over line ${JSON.stringify(line)} (${place})`).toBe(false);
    expect(popup.y).toBeGreaterThanOrEqual(0);
    expect(popup.y + popup.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await shots(page, `popup-${place}`);
    await toolbar.getByRole('button', { name: 'Cancel' }).click();
    await expect(toolbar).toHaveCount(0);
  }
});

test('the Verify result is brought into view and focused', async ({ page, shell }) => {
  // An export and a verification that reads every printed page: a minute or more on a loaded machine.
  test.setTimeout(180_000);
  await dossierWithLongHeadings(page, shell);
  const exported = await api<{ base64: string }>(page, shell, 'exportDossier', { dossier: null, format: 'pdf', signature: 'none' });
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'casefile-layout-')), 'january.pdf');
  await writeFile(file, Buffer.from(exported.base64, 'base64'));

  await page.goto(shell.url);
  await page.getByRole('tab', { name: 'Dossier' }).click();
  const verify = page.getByRole('group', { name: 'Verify a dossier PDF' });
  await verify.getByLabel('Dossier PDF').setInputFiles(file);
  const report = verify.getByRole('region', { name: 'Verification report' });
  await expect(report).toBeVisible({ timeout: 90_000 });
  await expect(report).toBeFocused();
  await expect(report.locator('.verify-verdict')).toBeInViewport();
  // Each state in its badge on one line, not broken inside the word.
  for (const badge of await report.locator('.verify-status').all()) {
    const lines = await badge.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, await badge.innerText()).toBe(1);
  }
  await shots(page, 'verify');
});

test('a message never covers the search results', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Kazakhstan');
  const results = page.locator('.results');
  await expect(results.locator('.result').first()).toBeVisible();
  await page.getByRole('button', { name: /System/ }).click(); // the theme button says what it chose in a message
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Theme: Light');
  const message = await box(toast);
  const pane = await box(page.locator('#results-pane'));
  // The list as far as it is seen in its pane, and its first result.
  const list = await box(results);
  const seen = { ...list, height: Math.min(list.y + list.height, pane.y + pane.height) - list.y };
  expect(intersects(message, seen), 'the message over the results').toBe(false);
  expect(intersects(message, await box(results.locator('.result').first()))).toBe(false);
  await page.emulateMedia({ colorScheme: 'light' });
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'toast-light.png') });
  await page.getByRole('button', { name: /Light/ }).click();
  await expect(toast).toContainText('Theme: Dark');
  await page.screenshot({ path: path.join(SHOTS, 'toast-dark.png') });
});

test('in reading mode the header lines up with the text column', async ({ page, shell }) => {
  await page.goto(shell.url);
  await openUprisings(page);
  // The header's parts keep their own type; only their place changes.
  const type = () =>
    page.locator('.reader-header').evaluate((header) =>
      [...header.querySelectorAll('.doc-title, .doc-meta, .doc-info, .hit-nav, .reader-controls, .doc-terms-label')].map((el) => {
        const style = getComputedStyle(el);
        return `${el.className}: ${style.fontSize} ${style.fontFamily}`;
      }),
    );
  const typeBefore = await type();
  await page.getByRole('button', { name: 'Reading mode' }).click();
  await expect(page.locator('#results-pane')).toBeHidden();
  expect(await type()).toEqual(typeBefore);
  const edges = () =>
    page.evaluate(() => {
      const text = document.querySelector('.doc-text')!;
      const title = document.querySelector('.doc-title')!.getBoundingClientRect();
      const controls = document.querySelector('.reader-controls > :first-child')!.getBoundingClientRect();
      const column = text.getBoundingClientRect().left + parseFloat(getComputedStyle(text).paddingLeft);
      return { title: title.left - column, controls: controls.left - column };
    });
  for (const [width, wider] of [
    [1440, 0],
    [1440, 3],
    [900, 0],
  ]) {
    await page.setViewportSize({ width, height: 900 });
    for (let i = 0; i < wider; i++) await page.getByRole('button', { name: 'Wider lines' }).click();
    const off = await edges();
    expect(Math.abs(off.title), `title at ${width} px, ${wider} wider`).toBeLessThanOrEqual(1);
    expect(Math.abs(off.controls), `controls at ${width} px, ${wider} wider`).toBeLessThanOrEqual(1);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await shots(page, 'reading-mode');
});

test('the shortcut sheet draws the arrow keys as large as the text beside them', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: /All keyboard shortcuts/ }).click();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  // The drawn size of each arrow (its ink, in the font it is set in) against a capital letter of the text beside it.
  const sizes = await sheet.evaluate((root) => {
    const context = document.createElement('canvas').getContext('2d')!;
    const fontOf = (el: Element) => {
      const style = getComputedStyle(el);
      return `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    };
    const ink = (text: string, font: string) => {
      context.font = font;
      const m = context.measureText(text);
      return Math.max(m.actualBoundingBoxLeft + m.actualBoundingBoxRight, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent);
    };
    const capital = ink('M', fontOf(root.querySelector('.shortcut-list dd')!));
    const arrows: Array<{ key: string; size: number }> = [];
    for (const kbd of root.querySelectorAll('kbd')) {
      const walker = document.createTreeWalker(kbd, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const arrow of node.textContent!.match(/[←↑→↓]/g) ?? []) arrows.push({ key: kbd.textContent!, size: ink(arrow, fontOf(node.parentElement!)) / capital });
      }
    }
    return arrows;
  });
  expect(sizes.length).toBeGreaterThanOrEqual(6);
  for (const { key, size } of sizes) expect(size, `${key}: arrow against a capital letter`).toBeGreaterThanOrEqual(1);
  await shots(page, 'shortcuts', sheet);
});

test('every top-bar command stays in a 1000 px window, and the archive path shows its last folder', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(shell.url);
  const buttons = page.locator('.topbar > button');
  await expect(buttons.first()).toBeVisible();
  for (const button of await buttons.all()) {
    const { x, width } = await box(button);
    expect(x + width, await button.innerText()).toBeLessThanOrEqual(1000);
  }
  const archivePath = page.locator('.archive-path');
  expect(await archivePath.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(60);
  await mkdir(SHOTS, { recursive: true });
  await page.locator('.topbar').screenshot({ path: path.join(SHOTS, 'topbar-1000.png') });
});
