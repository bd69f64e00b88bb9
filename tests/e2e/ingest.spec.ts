import { mkdir } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Locator, Page } from '@playwright/test';
import { failOnPageErrors } from './page-errors';
import { expect, test } from './web-shell';

test.use({ copyArchive: true });
failOnPageErrors();

const SHOTS = '/tmp/shots';
const SEED_FILES = ['000_d2eb1496df625781.txt', '001_f765530c45934157.txt', '002_06b90974a18acc89.txt', '003_39bcaa47380087dc.txt', '004_caba11c37ce94665.txt'];

/** A short Russian article as a Windows-1251 file, the way many of our users' archives hold them. */
const RUSSIAN = [
  'Протесты в Жанаозене',
  '',
  'В январе 2022 года в Казахстане начались массовые протесты. Жители города Жанаозен вышли на площадь после того, как цена на сжиженный газ выросла вдвое.',
  'Через несколько дней протесты охватили Алматы и другие города страны. Власти объявили чрезвычайное положение.',
].join('\n');
const RUSSIAN_FILE = { name: 'zhanaozen-ru.txt', mimeType: 'text/plain', buffer: iconv.encode(RUSSIAN, 'win1251') };
/** The start of a JPEG: not a format the archive reads. */
const PHOTO = { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]) };

test.beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
});

async function openReport(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /documents? .*· \// }).click();
  const report = page.getByRole('dialog', { name: 'Ingest report' });
  await expect(report).toBeVisible();
  return report;
}

/** The report's row for a file: its cells' text, header cell first. */
function reportRow(report: Locator, file: string): Locator {
  return report.getByRole('row').filter({ has: report.page().getByRole('rowheader', { name: file, exact: true }) });
}

test('the ingest report, files added through "Add files…", a Windows-1251 article found by a Cyrillic word, and a corrected title', async ({ page, shell }) => {
  await page.goto(shell.url);

  // The five seed files, indexed, with their format, encoding and digest.
  let report = await openReport(page);
  await expect(report.getByText('5 files in the archive folder: 5 indexed, 0 skipped, 0 failed.')).toBeVisible();
  await expect(report.getByRole('rowheader')).toHaveText(SEED_FILES);
  for (const file of SEED_FILES) await expect(reportRow(report, file).getByRole('cell')).toHaveText(['Indexed', 'txt', 'UTF-8', /^[0-9a-f]{12}…$/]);
  await expect(report.getByRole('radio', { name: 'Indexed 5' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ingest-report.png` });
  await report.getByRole('button', { name: 'Close' }).click();

  // Two files through the file input: the Russian article and a photo.
  await page.getByLabel('Add files to the archive').setInputFiles([RUSSIAN_FILE, PHOTO]);
  const added = page.getByRole('dialog', { name: 'Files added' });
  await expect(added).toBeVisible();
  await expect(reportRow(added, 'zhanaozen-ru.txt').getByRole('cell')).toHaveText(['Indexed', 'zhanaozen-ru.txt']);
  await expect(reportRow(added, 'photo.jpg').getByRole('cell')).toHaveText(['Skipped not a supported format (.jpg)', 'photo.jpg']);
  await page.screenshot({ path: `${SHOTS}/ingest-added.png` });
  await added.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /^6 documents \(1 file not indexed\) · / })).toBeVisible();

  report = await openReport(page);
  await expect(report.getByText('7 files in the archive folder: 6 indexed, 1 skipped, 0 failed.')).toBeVisible();
  await expect(reportRow(report, 'zhanaozen-ru.txt').getByRole('cell')).toHaveText(['Indexed', 'txt', 'windows-1251', /^[0-9a-f]{12}…$/]);
  await expect(reportRow(report, 'photo.jpg').getByRole('cell')).toHaveText(['Skipped not a supported format (.jpg)', '—', '—', '—']);
  await report.getByRole('radio', { name: 'Skipped 1' }).check();
  await expect(report.getByRole('rowheader')).toHaveText(['photo.jpg']);
  await page.screenshot({ path: `${SHOTS}/ingest-report-skipped.png` });
  await report.getByRole('radio', { name: 'All 7' }).check();
  await page.screenshot({ path: `${SHOTS}/ingest-report-after-adding.png` });
  await report.getByRole('button', { name: 'Close' }).click();

  // Found by a Cyrillic word (an inflected form: the Russian stemmer), opened with its information.
  await page.getByLabel('Search the archive').fill('протестов');
  const result = page.locator('.result', { hasText: 'Протесты в Жанаозене' });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.locator('.doc-title')).toHaveText('Протесты в Жанаозене');
  const info = page.getByLabel('Document information');
  await expect(info).toContainText('FormatTXT');
  await expect(info).toContainText('Encodingwindows-1251');
  await expect(info).toContainText('LanguageRussian (ru)');
  await page.locator('.reader-header').screenshot({ path: `${SHOTS}/ingest-reader-header.png` });

  // A corrected title: in the reader, the result list and the report's source stays as it was.
  await page.getByRole('button', { name: 'Edit metadata…' }).click();
  const form = page.getByRole('dialog', { name: 'Edit metadata' });
  await expect(form).toContainText('the source file zhanaozen-ru.txt is never changed');
  await form.getByLabel('Title').fill('Жанаозен, январь 2022');
  await form.getByLabel('Publisher or source').fill('Test desk');
  await form.getByLabel('Source URL').fill('https://example.org/zhanaozen');
  await page.screenshot({ path: `${SHOTS}/ingest-metadata-form.png` });
  await form.getByRole('button', { name: 'Save corrections' }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('.doc-title')).toHaveText('Жанаозен, январь 2022');
  await expect(info).toContainText('PublisherTest desk');
  await expect(info).toContainText('URLhttps://example.org/zhanaozen');
  await expect(info.getByRole('link')).toHaveCount(0);
  await expect(page.locator('.result .result-title')).toHaveText(['Жанаозен, январь 2022']);
  await page.locator('.reader-header').screenshot({ path: `${SHOTS}/ingest-reader-header-corrected.png` });

  // The correction is kept across a restart, and emptying the field brings back the file's own title.
  await shell.restart();
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Жанаозен');
  await page.locator('.result', { hasText: 'Жанаозен, январь 2022' }).click();
  await page.getByRole('button', { name: 'Edit metadata…' }).click();
  await expect(form.getByText('· your correction')).toHaveCount(3);
  await form.getByLabel('Title').fill('');
  await form.getByRole('button', { name: 'Save corrections' }).click();
  await expect(page.locator('.doc-title')).toHaveText('Протесты в Жанаозене');
});

test('files dropped on the window are added, a taken name getting a number; boilerplate is dimmed and labelled', async ({ page, shell }) => {
  await page.goto(shell.url);
  await expect(page.getByRole('button', { name: /^5 documents · / })).toBeVisible();

  // A drag from the desktop, as the browser reports it: a DataTransfer carrying a file.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['A copy\n\nWith the name of a seed file.'], '003_39bcaa47380087dc.txt', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('.reader-pane', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop files to add them to the archive')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ingest-drop-zone.png` });
  await page.dispatchEvent('.reader-pane', 'drop', { dataTransfer });
  await expect(page.getByText('Drop files to add them to the archive')).toBeHidden();
  const added = page.getByRole('dialog', { name: 'Files added' });
  await expect(reportRow(added, '003_39bcaa47380087dc.txt').getByRole('cell')).toHaveText([
    'Indexed',
    '003_39bcaa47380087dc (2).txt (renamed: a file of that name is already in the archive)',
  ]);
  await added.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /^6 documents · / })).toBeVisible();

  // Web page furniture in a seed article: drawn dimmed with its label, still in the text.
  await page.getByLabel('Search the archive').fill('Toleukhanova');
  await page.locator('.result', { hasText: 'Bloody January' }).click();
  const furniture = page.locator('.doc-text p.boilerplate');
  await expect(furniture).toHaveCount(5);
  await expect(furniture.first()).toHaveAttribute('data-label', 'web page furniture — not searched');
  await expect(furniture.nth(3)).toHaveText('Share This Article');
  await furniture.first().scrollIntoViewIfNeeded();
  await page.locator('.reader-pane').screenshot({ path: `${SHOTS}/ingest-boilerplate.png` });
});
