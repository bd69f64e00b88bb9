import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { pdfWithPages } from './pdf-fixtures';
import { seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

/** The page view's "Pages": a PDF source shown as its pages, with a text layer to highlight from (issue 21, point 7). */

const SHOTS = '/tmp/shots/h3-pages';
const ROOT = path.resolve(import.meta.dirname, '../..');

failOnPageErrors();
test.use({ copyArchive: true });
// PDFs are read, pages drawn and axe runs on a loaded 2-core machine: generous.
test.describe.configure({ timeout: 240_000 });

const TITLE = 'Checkpoint briefing notes';
const DOC = 'checkpoints.pdf';
/** The same line three times: a word in the first two has the same words around it, so it cannot be told apart. */
const REPEATED = 'The checkpoint on the ring road was closed again today.';
const PAGES = [
  ['Briefing of the akimat, 6 January 2022.', 'Casualty figures were given as 164 by the ministry.', 'Journalists were kept outside the building.'],
  ['The figures were revised on 15 January.', REPEATED, REPEATED, REPEATED, 'The briefing closed at noon.'],
];
const NEW_QUOTE = 'revised on 15 January';
const OLD_QUOTE = 'kept outside the building';

interface Annotation {
  id: string;
  color: string;
  current: { start: number; end: number } | null;
  target: { quote: { exact: string } };
}

async function addSources(page: Page, shell: { url: string }): Promise<void> {
  const pdf = Buffer.from(await pdfWithPages(TITLE, PAGES)).toString('base64');
  const real = (await readFile(path.join(ROOT, 'tests/fixtures/pdfjs/XiaoBiaoSong.pdf'))).toString('base64');
  await api(page, shell as never, 'addFiles', {
    files: [
      { name: DOC, base64: pdf },
      { name: 'XiaoBiaoSong.pdf', base64: real },
    ],
  });
}

async function openSource(page: Page, query: string, title: string | RegExp): Promise<void> {
  await page.getByLabel(/Search the archive|Поиск по архиву/).fill(query);
  await page.locator('.result', { hasText: title }).first().click({ timeout: 60_000 });
  await expect(page.locator('.doc-title')).toHaveText(title);
  await page.locator('.reader-scroll').focus();
  await page.keyboard.press('p');
}

/** How many pixels of a canvas are not blank (transparent or white). */
function inkedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) inked++;
    return inked;
  });
}

/** Selects `phrase` in a page's text layer as a person does: press at its first character, drag to its last. */
async function selectInTextLayer(page: Page, pageView: Locator, pageNumber: number, phrase: string, occurrence = 0): Promise<void> {
  const layer = pageView.locator(`.pdf-page[data-page="${pageNumber}"] .pdf-text-layer`);
  const box = await layer.evaluate(
    (root, [wanted, nth]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted as string) ?? -1;
        if (at === -1 || seen++ < (nth as number)) continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + (wanted as string).length);
        const rects = [...range.getClientRects()];
        const first = rects[0];
        const last = rects[rects.length - 1];
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }
      return null;
    },
    [phrase, occurrence] as const,
  );
  if (!box) throw new Error(`not in the text layer of page ${pageNumber}: ${phrase}`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

test('a PDF shown as its pages: drawn, its text selectable, a selection made a highlight at the right place', async ({ page, shell }) => {
  await mkdir(SHOTS, { recursive: true });
  await addSources(page, shell);
  // A highlight made in the text before: it shows on the page image too.
  const old = await api<Annotation>(page, shell, 'annotateQuote', { docId: DOC, quote: OLD_QUOTE, color: 'pink' });
  await page.goto(shell.url);
  await openSource(page, 'akimat', TITLE);

  const view = page.getByRole('dialog', { name: TITLE });
  await expect(view).toBeVisible();
  await view.getByRole('button', { name: 'Pages' }).click();
  await expect(view.getByRole('button', { name: 'Pages' })).toHaveAttribute('aria-pressed', 'true');
  // The pages are not printed from here (only drawn near the view): Print prints the text, from Text.
  await expect(view.getByRole('button', { name: 'Print…' })).toHaveCount(0);
  const first = view.locator('.pdf-page[data-page="1"]');
  await expect(first.locator('canvas')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => inkedPixels(first.locator('canvas')), { timeout: 60_000 }).toBeGreaterThan(500);
  await expect(first.locator('.pdf-text-layer')).toContainText('Casualty figures were given as 164');
  // The old highlight, found in the page's text, drawn over its words.
  const oldMark = first.locator(`.pdf-highlight[data-annotation="${old.id}"]`);
  await expect(oldMark.first()).toBeVisible();
  const markBox = await oldMark.first().boundingBox();
  const wordsBox = await first.locator('.pdf-text-layer span', { hasText: OLD_QUOTE }).boundingBox();
  expect(markBox && wordsBox && Math.abs(markBox.y + markBox.height / 2 - (wordsBox.y + wordsBox.height / 2))).toBeLessThan(6);

  // A passage selected on page 2 becomes a highlight of the archived text.
  const second = view.locator('.pdf-page[data-page="2"]');
  await second.scrollIntoViewIfNeeded();
  await expect(second.locator('.pdf-text-layer')).toContainText(NEW_QUOTE, { timeout: 60_000 });
  await selectInTextLayer(page, view, 2, NEW_QUOTE);
  const toolbar = page.getByRole('dialog', { name: 'New highlight' });
  await expect(toolbar).toBeVisible();
  await expect(toolbar).toContainText(`“${NEW_QUOTE}”`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'pages-selection-light.png') });
  await toolbar.getByRole('button', { name: 'Save highlight' }).click();
  await expect(toolbar).toHaveCount(0);

  const doc = await api<{ document: { text: string } }>(page, shell, 'getDocument', { id: DOC });
  const made = (await api<Annotation[]>(page, shell, 'listAnnotations', { docId: DOC })).find((a) => a.id !== old.id);
  expect(made?.target.quote.exact).toBe(NEW_QUOTE);
  const at = doc.document.text.indexOf(NEW_QUOTE);
  expect(made?.current).toEqual({ start: at, end: at + NEW_QUOTE.length });
  await expect(second.locator(`.pdf-highlight[data-annotation="${made?.id}"]`).first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'pages-highlighted-light.png') });

  // A word whose place cannot be told from its neighbours is refused, visibly, and nothing is made.
  await selectInTextLayer(page, view, 2, 'closed', 0);
  await expect(view.getByRole('alert')).toContainText('occurs more than once');
  await expect(page.getByRole('dialog', { name: 'New highlight' })).toHaveCount(0);
  expect(await api<Annotation[]>(page, shell, 'listAnnotations', { docId: DOC })).toHaveLength(2);
  await page.screenshot({ path: path.join(SHOTS, 'pages-refused-light.png') });

  // Closed: the new highlight is in the sidebar with its quote, and in the text at its offsets.
  await view.getByRole('button', { name: 'Close' }).click();
  await expect(view).toHaveCount(0);
  await expect(page.locator('.annotation-card', { hasText: NEW_QUOTE })).toBeVisible();
  const inText = page.locator(`.doc-text [data-annotation~="${made?.id}"]`);
  await expect(inText).toHaveText(NEW_QUOTE);
  // Every run of text carries its offset in the document (SegmentView).
  expect(Number(await inText.locator('[data-start]').first().getAttribute('data-start'))).toBe(at);
});

test('the view is reached and switched from the keyboard', async ({ page, shell }) => {
  await addSources(page, shell);
  await page.goto(shell.url);
  await openSource(page, 'akimat', TITLE);
  const view = page.getByRole('dialog', { name: TITLE });
  await expect(view.getByRole('button', { name: 'Text' })).toHaveAttribute('aria-pressed', 'true');
  // Tab from the dialog reaches the toggle; Enter switches.
  const pagesButton = view.getByRole('button', { name: 'Pages' });
  for (let i = 0; i < 6 && !(await pagesButton.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(pagesButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(view.locator('.pdf-page[data-page="1"] canvas')).toBeVisible({ timeout: 60_000 });
  // The pages scroll with the keyboard.
  await expect(view.getByRole('region', { name: 'Pages of the PDF' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
});

test('only pages near the view are drawn: a long PDF keeps a few canvases, whichever part is shown', async ({ page, shell }) => {
  const pages = Array.from({ length: 40 }, (_, i) => [`Page ${i + 1} of the long report on the checkpoints.`]);
  await api(page, shell, 'addFiles', { files: [{ name: 'long.pdf', base64: Buffer.from(await pdfWithPages('Long checkpoint report', pages)).toString('base64') }] });
  await page.goto(shell.url);
  await openSource(page, 'long report', 'Long checkpoint report');
  const view = page.getByRole('dialog', { name: 'Long checkpoint report' });
  await view.getByRole('button', { name: 'Pages' }).click();
  const drawn = () => view.locator('.pdf-page canvas').evaluateAll((canvases) => canvases.flatMap((c, i) => ((c as HTMLCanvasElement).width > 0 ? [i + 1] : [])));
  await expect(view.locator('.pdf-page')).toHaveCount(40, { timeout: 60_000 });
  await expect.poll(drawn, { timeout: 60_000 }).toContain(1);
  expect((await drawn()).length).toBeLessThanOrEqual(4);
  await view.locator('.pdf-page[data-page="40"]').scrollIntoViewIfNeeded();
  await expect.poll(drawn, { timeout: 60_000 }).toContain(40);
  const atEnd = await drawn();
  expect(atEnd).not.toContain(1);
  expect(atEnd.length).toBeLessThanOrEqual(4);
  await expect(view.locator('.pdf-page[data-page="40"] .pdf-text-layer')).toContainText('Page 40 of the long report');
});

test('a real PDF with CID fonts and a predefined CMap: drawn, its Chinese text in the text layer, highlighted', async ({ page, shell }) => {
  await addSources(page, shell);
  await page.goto(shell.url);
  await openSource(page, '关于红军作战的原则', /.+/);
  const view = page.getByRole('dialog');
  await view.getByRole('button', { name: 'Pages' }).click();
  const first = view.locator('.pdf-page[data-page="1"]');
  await expect.poll(() => inkedPixels(first.locator('canvas')), { timeout: 60_000 }).toBeGreaterThan(500);
  await expect(first.locator('.pdf-text-layer')).toContainText('关于红军作战的原则');
  await selectInTextLayer(page, view, 1, '关于红军作战的原则');
  const toolbar = page.getByRole('dialog', { name: 'New highlight' });
  await expect(toolbar).toContainText('关于红军作战的原则');
  await toolbar.getByRole('button', { name: 'Save highlight' }).click();
  await expect(toolbar).toHaveCount(0);
  // Saved once the toolbar is gone, but the answer may still be on its way: asked until it is there.
  await expect
    .poll(async () => (await api<Annotation[]>(page, shell, 'listAnnotations', { docId: 'XiaoBiaoSong.pdf' })).map((a) => a.target.quote.exact))
    .toEqual(['关于红军作战的原则']);
  await expect(first.locator('.pdf-highlight').first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'real-pdf-light.png') });
});

for (const theme of ['light', 'dark'] as const) {
  for (const language of ['en', 'ru'] as const) {
    test(`pages in ${language}, ${theme}: toggle, page labels and refusal in the language, axe clean`, async ({ page, shell }) => {
      await mkdir(SHOTS, { recursive: true });
      await addSources(page, shell);
      await api(page, shell, 'annotateQuote', { docId: DOC, quote: OLD_QUOTE, color: 'green' });
      await api(page, shell, 'setPreferences', { language });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(shell.url);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await openSource(page, 'akimat', TITLE);
      const view = page.getByRole('dialog', { name: TITLE });
      const said = language === 'en' ? { pages: 'Pages', refused: 'occurs more than once' } : { pages: 'Страницы', refused: 'встречается в тексте' };
      await view.getByRole('button', { name: said.pages, exact: true }).click();
      await expect.poll(() => inkedPixels(view.locator('.pdf-page[data-page="1"] canvas')), { timeout: 60_000 }).toBeGreaterThan(500);
      await expect(view.locator('.pdf-page[data-page="1"] .pdf-highlight').first()).toBeVisible();
      await page.screenshot({ path: path.join(SHOTS, `pages-top-${language}-${theme}.png`) });
      await selectInTextLayer(page, view, 2, 'closed', 0);
      await expect(view.getByRole('alert')).toContainText(said.refused);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `pages-${language}-${theme}.png`) });
    });
  }
}
