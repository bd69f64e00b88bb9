import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { api, openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { selectWithMouse } from './select-text';
import { seriousViolations, clippedText } from './screen-checks';
import { pdfWithPages } from './pdf-fixtures';
import { expect, test } from './web-shell';

/** The search pane, the reader and the page view in Russian (issue 21, point 8), in both themes. */

const SHOTS = '/tmp/shots/h8-ru-search-reader';

failOnPageErrors();
test.use({ copyArchive: true });
// Three axe scans a theme, and a PDF read: generous on a loaded 2-core machine.
test.describe.configure({ timeout: 240_000 });

/** Two pages, so the reader shows page markers and the page view page numbers. */
function twoPagePdf(): Promise<Uint8Array> {
  return pdfWithPages('Akimat briefing notes', [
    ['Briefing of the akimat, 6 January 2022.', 'Casualty figures were given as 164 by the ministry.'],
    ['The figures were revised on 15 January.', 'The briefing closed at noon.'],
  ]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`search, reader, highlight toolbar and page view speak Russian, nothing cut off (${theme})`, async ({ page, shell }) => {
    await mkdir(SHOTS, { recursive: true });
    await api(page, shell, 'addFiles', { files: [{ name: 'briefing.pdf', base64: Buffer.from(await twoPagePdf()).toString('base64') }] });
    await openInRussian(page, shell, theme);

    // A search with results, its terms, and the query syntax unfolded.
    const pane = page.getByRole('region', { name: 'Поиск' });
    await expect(pane.getByText(/Введите слова, чтобы искать/)).toBeVisible();
    await page.getByLabel('Поиск по архиву').fill('Tokayev');
    await expect(pane.locator('.result-count')).toHaveText(/^\d+ документ/);
    await expect(pane.getByRole('list', { name: 'Термины запроса в результатах' })).toBeVisible();
    await pane.getByText('Фильтр по источнику или дате').click();
    await pane.getByText('Синтаксис запросов').click();
    await expect(pane.getByText('точная фраза: слова рядом, в этом порядке')).toBeVisible();
    expect(await clippedText(pane, 'button, summary, label, legend, dt, dd, .hit-count, .hit-legend, .result-meta, .page-marker, .page-view-bar *')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `search-${theme}.png`) });
    await pane.screenshot({ path: path.join(SHOTS, `search-pane-${theme}.png`) });
    // Folded again, the results come up under the box.
    await pane.getByText('Синтаксис запросов').click();
    await pane.getByText('Фильтр по источнику или дате').click();
    await expect(pane.locator('.result-meta').first()).toContainText(/совпадени/);
    expect(await clippedText(pane, 'button, summary, label, legend, dt, dd, .hit-count, .hit-legend, .result-meta, .page-marker, .page-view-bar *')).toEqual([]);
    await pane.screenshot({ path: path.join(SHOTS, `search-results-${theme}.png`) });

    // The PDF open in the reader: hits, page markers, document information, and a new highlight's toolbar.
    await page.getByLabel('Поиск по архиву').fill('akimat');
    await page.locator('.result', { hasText: 'Akimat briefing notes' }).click({ timeout: 60_000 });
    const reader = page.getByRole('region', { name: 'Чтение' });
    await expect(reader.locator('.doc-title')).toHaveText('Akimat briefing notes');
    await expect(reader.getByText(/^Совпадение 1 из \d+$/)).toBeVisible();
    await expect(reader.getByRole('separator', { name: 'Страница 2 из 2' })).toHaveText('с. 2');
    await expect(reader.getByLabel('Сведения о документе')).toContainText('Формат');
    await selectWithMouse(page, 'Casualty figures were given');
    const toolbar = page.getByRole('dialog', { name: 'Новое выделение' });
    await expect(toolbar).toBeVisible();
    await expect(toolbar.getByRole('button', { name: 'Сохранить выделение' })).toBeVisible();
    expect(await clippedText(reader, 'button, summary, label, legend, dt, dd, .hit-count, .hit-legend, .result-meta, .page-marker, .page-view-bar *')).toEqual([]);
    expect(await clippedText(toolbar, 'button, summary, label, legend, dt, dd, .hit-count, .hit-legend, .result-meta, .page-marker, .page-view-bar *')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `reader-toolbar-${theme}.png`) });
    await toolbar.screenshot({ path: path.join(SHOTS, `toolbar-${theme}.png`) });

    // The page view.
    await page.keyboard.press('Escape');
    await expect(toolbar).toHaveCount(0);
    await page.locator('.reader-scroll').focus();
    await page.keyboard.press('p');
    const view = page.getByRole('dialog', { name: 'Akimat briefing notes' });
    await expect(view).toBeVisible();
    await expect(view.getByRole('toolbar', { name: 'Постраничный вид' })).toBeVisible();
    await expect(view.getByRole('region', { name: 'Страница 2' })).toContainText('The figures were revised on 15 January.');
    await expect(view.locator('.page-view-file')).toContainText('2 страницы');
    expect(await clippedText(view, 'button, summary, label, legend, dt, dd, .hit-count, .hit-legend, .result-meta, .page-marker, .page-view-bar *')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `page-view-${theme}.png`) });
  });
}
