import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { api, openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { clippedText, seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

/**
 * The core's own sentences in a Russian interface (issue 21, point 8): a query error, the reasons in
 * the ingest report and in the files-added dialog, and the details of a dossier's verification — each
 * worded in Russian from its code, with no English left, in both themes; nothing cut off, axe at 0 serious.
 */

const SHOTS = '/tmp/shots/h2-messages';

test.use({ copyArchive: true });
failOnPageErrors();
// An export, a verification that reads every printed page, and axe scans: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 300_000 });

const ORDER = { doc: '003_39bcaa47380087dc.txt', quote: 'Tokayev ordered security forces to fire without warning' };
const ACTIVISTS = { doc: '004_caba11c37ce94665.txt', quote: 'Crowds of armed men showed up in Almaty' };
/** The start of a JPEG: not a format the archive reads. */
const PHOTO = { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]) };
const CLIPPABLE = 'button, label, legend, th, td, h2, h3, p, .verify-status, .verify-quote, .outcome';

/** A window tall enough for the whole right-hand pane, so its screenshot is not cut by scrolling. */
async function fitPane(page: Page): Promise<Locator> {
  const pane = page.locator('.sidebar-pane');
  const height = await pane.evaluate((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight + 2));
  await page.setViewportSize({ width: 1440, height: Math.max(900, height) });
  return pane;
}

/** The report's row for a file. */
function row(table: Locator, file: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: file, exact: true }) });
}

for (const theme of ['light', 'dark'] as const) {
  test(`query errors, ingest reasons and verify details are said in Russian (${theme})`, async ({ page, shell }) => {
    await mkdir(SHOTS, { recursive: true });
    // A dossier of two quotes, exported as a PDF; then one quoted source is changed, so verify has something to say.
    const ids: string[] = [];
    for (const { doc, quote } of [ORDER, ACTIVISTS]) ids.push((await api<{ id: string }>(page, shell, 'annotateQuote', { docId: doc, quote })).id);
    await api(page, shell, 'createDossier', {
      name: 'Январь 2022',
      title: 'Казахстан, январь 2022',
      sections: [{ id: randomUUID(), heading: '', items: ids.map((annotationId) => ({ annotationId, commentary: '' })) }],
    });
    const exported = await api<{ base64: string }>(page, shell, 'exportDossier', { dossier: 'Январь 2022', format: 'pdf' });
    const pdf = path.join(await mkdtemp(path.join(os.tmpdir(), 'casefile-ru-messages-')), 'dossier.pdf');
    await writeFile(pdf, Buffer.from(exported.base64, 'base64'));
    const changed = path.join(shell.archiveDir, ACTIVISTS.doc);
    await writeFile(changed, (await readFile(changed, 'utf8')).replace('armed men', 'armed people'));

    await openInRussian(page, shell, theme);

    // A query whose quote is never closed: said in Russian once Enter is pressed, with its place.
    const box = page.getByLabel('Поиск по архиву');
    await box.fill('protest "oil workers');
    await box.press('Enter');
    const error = page.locator('.query-error');
    await expect(error.getByRole('paragraph').first()).toHaveText('кавычка не закрыта: добавьте закрывающую "');
    await expect(error.locator('.query-echo-where')).toHaveText(/символ 9/);
    await expect(page.locator('#search-problem')).not.toContainText('never closed');
    expect(await clippedText(page.locator('#search-problem'), CLIPPABLE)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `query-error-${theme}.png`) });

    // A photo added through "Add files…": skipped, and why, in Russian.
    await page.getByLabel('Добавить файлы в архив').setInputFiles([PHOTO]);
    const added = page.getByRole('dialog', { name: 'Файлы добавлены' });
    await expect(added).toBeVisible();
    await expect(row(added, 'photo.jpg').getByRole('cell').first()).toHaveText('Пропущен формат не поддерживается (.jpg)');
    expect(await clippedText(added, CLIPPABLE)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await added.screenshot({ path: path.join(SHOTS, `files-added-${theme}.png`) });
    await added.getByRole('button', { name: 'Закрыть' }).click();

    // The ingest report lists it with the same reason.
    await page.getByRole('button', { name: /Отчёт о загрузке/ }).click();
    const report = page.getByRole('dialog', { name: 'Отчёт о загрузке' });
    await expect(row(report, 'photo.jpg').getByRole('cell').first()).toHaveText('Пропущен формат не поддерживается (.jpg)');
    await expect(report).not.toContainText('not a supported format');
    expect(await clippedText(report, CLIPPABLE)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await report.screenshot({ path: path.join(SHOTS, `ingest-report-${theme}.png`) });
    await report.getByRole('button', { name: 'Закрыть' }).click();

    // The dossier's PDF verified in the dossier pane: each quote's source, print and custody in Russian.
    await page.getByRole('tab', { name: 'Досье', exact: true }).click();
    const verify = page.locator('#place-panel-dossier').getByRole('group', { name: 'Проверка PDF досье' });
    await verify.getByLabel('PDF досье').setInputFiles(pdf);
    const shown = verify.getByRole('region', { name: 'Отчёт о проверке' });
    await expect(shown).toBeVisible({ timeout: 120_000 });
    const lines = shown.locator('.verify-line');
    const changedLine = lines.filter({ hasText: 'Цитата 2' });
    await expect(changedLine.locator('.verify-detail')).toContainText(/исходный файл изменился \(SHA-256 [0-9a-f]{16}…, был [0-9a-f]{16}…\); в символах \d+–\d+ теперь написано «/);
    await expect(changedLine.locator('.verify-print')).toHaveText(/^Печать: напечатана как \[2\] на с\. \d+, слово в слово, со ссылкой на источник$/);
    const okLine = lines.filter({ hasText: 'Цитата 1' });
    await expect(okLine.locator('.verify-detail')).toContainText(/SHA-256 [0-9a-f]{16}…, символы \d+–\d+ содержат цитату; не менялся с тех пор, как впервые замечен /);
    await expect(shown).not.toContainText(/hold the quote|first seen|word for word|source file changed|with its citation/);
    expect(await clippedText(verify, CLIPPABLE)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await fitPane(page);
    await verify.screenshot({ path: path.join(SHOTS, `verify-${theme}.png`) });
  });
}
