import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { failOnPageErrors } from './page-errors';
import { clippedText, seriousViolations } from './screen-checks';
import { expect, test } from './web-shell';

/**
 * The app's frame in Russian (issue 21, point 8): chosen in Preferences, then the top bar, the
 * empty reader, the ingest report and the command palette, in both themes.
 */

const SHOTS = '/tmp/shots/h7-ru-app';

failOnPageErrors();
// On a copy of the archive under the temporary folder, so the archive's path in the top bar is
// long wherever the checkout sits (CI's shorter or longer paths once decided whether it fitted).
test.use({ copyArchive: true });
// Four axe scans a theme: generous on a loaded 2-core machine.
test.describe.configure({ timeout: 240_000 });

for (const theme of ['light', 'dark'] as const) {
  test(`top bar, empty reader, preferences, ingest report and palette speak Russian (${theme})`, async ({ page, shell }) => {
    await mkdir(SHOTS, { recursive: true });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(shell.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    // Chosen in Preferences, the language changes at once, and stays after a reload.
    await page.getByRole('button', { name: 'Preferences…' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const preferences = page.getByRole('dialog', { name: 'Настройки' });
    await expect(preferences.getByRole('combobox', { name: 'Язык' })).toHaveValue('ru');
    await expect(preferences.getByRole('button', { name: 'Сохранить' })).toBeVisible();
    expect(await clippedText(preferences, 'button, label, legend, dt, dd, th, h2, h3, option, .archive-line, .palette-title')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await preferences.screenshot({ path: path.join(SHOTS, `preferences-${theme}.png`) });
    await preferences.getByRole('button', { name: 'Отмена' }).click();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

    // The top bar and the reader before an article is opened.
    const topBar = page.locator('header.topbar');
    await expect(topBar.getByRole('button', { name: 'Открыть архив…' })).toBeVisible();
    await expect(topBar.getByRole('button', { name: 'Экспорт досье…' })).toBeVisible();
    await expect(topBar.locator('.archive-line')).toHaveText(/^\d+ документ/);
    // The counts are never cut; the folder may be, and its whole path is in the tooltip.
    await expect(topBar.locator('.archive-path')).toHaveAttribute('title', shell.archiveDir);
    await expect(page.getByRole('heading', { name: 'Статья не открыта' })).toBeVisible();
    expect(await clippedText(topBar, 'button, label, legend, dt, dd, th, h2, h3, option, .archive-line, .palette-title')).toEqual([]);
    expect(await clippedText(page.locator('.first-run'), 'button, label, legend, dt, dd, th, h2, h3, option, .archive-line, .palette-title')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `window-${theme}.png`) });
    await topBar.screenshot({ path: path.join(SHOTS, `top-bar-${theme}.png`) });

    // The ingest report.
    await topBar.getByRole('button', { name: /Отчёт о загрузке/ }).click();
    const report = page.getByRole('dialog', { name: 'Отчёт о загрузке' });
    await expect(report.getByText(/^В папке архива \d+ файл/)).toBeVisible();
    await expect(report.getByRole('columnheader', { name: /Результат/ })).toBeVisible();
    expect(await clippedText(report, 'button, label, legend, dt, dd, th, h2, h3, option, .archive-line, .palette-title')).toEqual([]);
    // Each outcome's label ends before its meaning begins (the Russian labels are longer).
    const overlaps = await report.locator('.outcome-legend').evaluate((legend) =>
      [...legend.querySelectorAll('dt')].filter((dt) => {
        const label = dt.querySelector('.outcome')!.getBoundingClientRect();
        return label.right > dt.nextElementSibling!.getBoundingClientRect().left;
      }).length,
    );
    expect(overlaps).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await report.screenshot({ path: path.join(SHOTS, `ingest-report-${theme}.png`) });
    await report.getByRole('button', { name: 'Закрыть' }).click();

    // The command palette, found by a Russian word.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Команды' });
    await palette.getByRole('combobox', { name: 'Команда' }).fill('досье');
    await expect(palette.getByRole('option', { name: /Экспорт досье…/ })).toBeVisible();
    expect(await clippedText(palette, 'button, label, legend, dt, dd, th, h2, h3, option, .archive-line, .palette-title')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await palette.screenshot({ path: path.join(SHOTS, `palette-${theme}.png`) });
    await page.keyboard.press('Escape');
  });
}
