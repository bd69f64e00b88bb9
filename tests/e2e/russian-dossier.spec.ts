import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { api, openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { seriousViolations, clippedText, wrappedLabels } from './screen-checks';
import { expect, test } from './web-shell';

/**
 * The annotations sidebar, the dossier pane, the export dialog and a verify report in Russian
 * (issue 21, point 8), in both themes: nothing cut off, axe at 0 serious.
 */

const SHOTS = '/tmp/shots/h9-ru-dossier';

failOnPageErrors();
// An export and a verification that reads every printed page, and axe scans: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 300_000 });

/** A window tall enough for the whole right-hand pane, so its screenshot is not cut by scrolling. */
async function fitPane(page: Page): Promise<Locator> {
  const pane = page.locator('.sidebar-pane');
  const height = await pane.evaluate((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight + 2));
  await page.setViewportSize({ width: 1440, height: Math.max(900, height) });
  return pane;
}

const ORDER = { doc: '003_39bcaa47380087dc.txt', quote: 'Tokayev ordered security forces to fire without warning' };
const UPRISINGS = { doc: '002_06b90974a18acc89.txt', quote: 'Decades of empty promises, corrosive corruption, injustice and the lack of basic human rights' };
const ACTIVISTS = { doc: '004_caba11c37ce94665.txt', quote: 'Crowds of armed men showed up in Almaty' };

for (const theme of ['light', 'dark'] as const) {
  test(`annotations, dossier, export and verify speak Russian, nothing cut off (${theme})`, async ({ page, shell }) => {
    await mkdir(SHOTS, { recursive: true });
    const ids: string[] = [];
    for (const { doc, quote } of [ORDER, UPRISINGS, ACTIVISTS]) ids.push((await api<{ id: string }>(page, shell, 'annotateQuote', { docId: doc, quote })).id);
    await api(page, shell, 'updateAnnotation', { id: ids[0], note: 'Приказ стрелять без предупреждения — его собственные слова.', tags: ['хронология', 'приказы'], color: 'pink' });
    await api(page, shell, 'createDossier', {
      name: 'Январь 2022',
      title: 'Казахстан, январь 2022',
      author: 'Аналитик',
      sections: [
        { id: randomUUID(), heading: 'Протесты', items: [{ annotationId: ids[1], commentary: '' }, { annotationId: ids[2], commentary: '' }] },
        { id: randomUUID(), heading: '', items: [{ annotationId: ids[0], commentary: 'Ключевая цитата.' }] },
      ],
    });
    await openInRussian(page, shell, theme);

    // All annotations, grouped by document; the card with a note and tags.
    const annotations = page.locator('#place-panel-annotations');
    await page.getByRole('tab', { name: 'Аннотации', exact: true }).click();
    await annotations.getByRole('tab', { name: 'Все аннотации' }).click();
    await expect(annotations.locator('.annotation-count')).toHaveText('3 аннотации');
    const card = annotations.locator('.annotation-card', { hasText: ORDER.quote });
    await expect(card.locator('.tag')).toHaveText(['хронология', 'приказы']);
    await expect(card.locator('.card-color')).toHaveText('розовый');
    await expect(card.getByText('✓ В досье')).toBeVisible();
    expect(await clippedText(annotations, 'button, summary, label, legend, h2, h3, [role="tab"], .status-label, .verify-status, .verify-quote, .tag, .card-color, .in-dossier, .save-status, .outline-counts', '.outline-quote')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    // Longer Russian labels move an action to the next line rather than break it in two.
    expect(await wrappedLabels(annotations, '.card-actions > *')).toEqual([]);
    await annotations.screenshot({ path: path.join(SHOTS, `annotations-all-${theme}.png`) });
    await card.screenshot({ path: path.join(SHOTS, `card-${theme}.png`) });

    // This document: the card opens its article; then its editor.
    await card.locator('.card-quote').click();
    await annotations.getByRole('tab', { name: 'Этот документ' }).click();
    await expect(annotations.locator('.annotation-count')).toHaveText('1 аннотация');
    await annotations.locator('.annotation-card').getByRole('button', { name: 'Изменить' }).click();
    await expect(annotations.getByRole('textbox', { name: 'Изменить заметку' })).toBeVisible();
    await expect(annotations.getByRole('radio', { name: 'розовый' })).toHaveAttribute('aria-checked', 'true');
    expect(await clippedText(annotations, 'button, summary, label, legend, h2, h3, [role="tab"], .status-label, .verify-status, .verify-quote, .tag, .card-color, .in-dossier, .save-status, .outline-counts', '.outline-quote')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `annotations-document-${theme}.png`) });
    await annotations.getByRole('button', { name: 'Отмена' }).click();

    // The dossier pane with two sections.
    await page.getByRole('tab', { name: 'Досье', exact: true }).click();
    const panel = page.locator('#place-panel-dossier');
    await expect(panel.getByRole('navigation', { name: 'Структура досье' })).toContainText('3 цитаты · 2 раздела · 3 источника');
    await expect(panel.getByRole('region', { name: 'Протесты' })).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Раздел 2 (без названия)' })).toBeVisible();
    await expect(panel.getByText('Все изменения сохранены')).toBeVisible();
    expect(await clippedText(panel, 'button, summary, label, legend, h2, h3, [role="tab"], .status-label, .verify-status, .verify-quote, .tag, .card-color, .in-dossier, .save-status, .outline-counts', '.outline-quote')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await wrappedLabels(panel, 'button:not(.item-quote)')).toEqual([]);
    await (await fitPane(page)).screenshot({ path: path.join(SHOTS, `dossier-panel-${theme}.png`) });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Exported from the pane, then verified there.
    const exporting = panel.getByRole('group', { name: 'Экспорт' });
    const download = page.waitForEvent('download');
    await exporting.getByRole('button', { name: 'Экспорт в PDF' }).click();
    const pdf = path.join(await mkdtemp(path.join(os.tmpdir(), 'casefile-ru-dossier-')), 'dossier.pdf');
    await (await download).saveAs(pdf);
    await expect(exporting.getByText(/^Сохранено: .+\.pdf \(\d+ КБ\)\.$/)).toBeVisible({ timeout: 60_000 });
    const verify = panel.getByRole('group', { name: 'Проверка PDF досье' });
    await verify.getByLabel('PDF досье').setInputFiles(pdf);
    const report = verify.getByRole('region', { name: 'Отчёт о проверке' });
    await expect(report).toBeVisible({ timeout: 60_000 });
    await expect(report.locator('.verify-verdict')).toHaveText('Подтверждено: все цитаты (3) совпадают с архивом.');
    await expect(report.locator('.verify-status').first()).toHaveText(/^(верна|без подписи)$/);
    await expect(report.locator('.verify-status').nth(1)).toHaveText('в порядке');
    expect(await clippedText(verify, 'button, summary, label, legend, h2, h3, [role="tab"], .status-label, .verify-status, .verify-quote, .tag, .card-color, .in-dossier, .save-status, .outline-counts', '.outline-quote')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    // A window as tall as the pane: the top bar does not cover the report in the screenshot.
    await fitPane(page);
    await verify.screenshot({ path: path.join(SHOTS, `verify-${theme}.png`) });
    await page.setViewportSize({ width: 1440, height: 900 });

    // The export dialog of the top bar.
    await page.getByRole('button', { name: 'Экспорт досье…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Экспорт досье' });
    await expect(dialog.getByLabel('Заголовок')).toHaveValue('Досье Casefile');
    await expect(dialog.getByRole('button', { name: 'Экспорт в PDF' })).toBeEnabled();
    expect(await clippedText(dialog, 'button, summary, label, legend, h2, h3, [role="tab"], .status-label, .verify-status, .verify-quote, .tag, .card-color, .in-dossier, .save-status, .outline-counts', '.outline-quote')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.screenshot({ path: path.join(SHOTS, `export-dialog-${theme}.png`) });
  });
}
