import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { seriousViolations } from './screen-checks';
import { pdfWithPages } from './pdf-fixtures';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots/h5-links';
const UPRISINGS_FILE = '002_06b90974a18acc89.txt';

failOnPageErrors();

interface Created {
  id: string;
  target: { docId: string };
}

/** A highlight made as a script would, in the given document. */
async function highlight(page: Page, shell: Parameters<typeof api>[1], docId: string, quote: string): Promise<Created> {
  return api<Created>(page, shell, 'annotateQuote', { docId, quote, occurrence: 1, note: `Note on “${quote}”` });
}

/** The titles of the archive's documents, by id. */
async function titles(page: Page, shell: Parameters<typeof api>[1]): Promise<Map<string, string>> {
  const docs = await api<Array<{ id: string; title: string }>>(page, shell, 'listDocuments', {});
  return new Map(docs.map((d) => [d.id, d.title]));
}

test('a link to an annotation opens its document at it, focused; Copy link copies casefile://annotation/<id>', async ({ page, shell, context }) => {
  await page.goto(shell.url);
  const names = await titles(page, shell);
  const docs = [...names.keys()];
  const first = await highlight(page, shell, docs[0], 'Kazakhstan');
  const second = await highlight(page, shell, docs[1], (await readFile(path.join(shell.archiveDir, docs[1]), 'utf8')).split('\n')[0].slice(0, 40).trim());

  // The printed URL with the route: the page opens the annotation's document, scrolled to it and focused.
  await page.goto(`${shell.url}#/annotation/${first.id}`);
  await expect(page.locator('.doc-title')).toHaveText(names.get(docs[0])!);
  const mark = page.locator(`.doc-text [data-annotation~="${first.id}"]`).first();
  await expect(mark).toHaveClass(/\bfocused\b/);
  await expect(mark).toBeInViewport();
  await expect(page.locator(`[data-annotation-card="${first.id}"]`)).toHaveAttribute('aria-current', 'true');
  // The route is taken out once followed (the token never comes back into the address).
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  expect(page.url()).not.toContain('token=');

  // Inside the open page: a route to another annotation opens its document in turn.
  await page.evaluate((id) => (location.hash = `#/annotation/${id}`), second.id);
  await expect(page.locator('.doc-title')).toHaveText(names.get(docs[1])!);
  await expect(page.locator(`.doc-text [data-annotation~="${second.id}"]`).first()).toHaveClass(/\bfocused\b/);

  // A link to an annotation this archive does not have says so.
  await page.evaluate(() => (location.hash = '#/annotation/00000000-0000-4000-8000-000000000000'));
  await expect(page.getByText('The linked highlight is not in the open archive')).toBeVisible();

  // Copy link, on the card and with the key `l` on the focused highlight.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const card = page.locator(`[data-annotation-card="${second.id}"]`);
  await card.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText(`Link copied: casefile://annotation/${second.id}`)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`casefile://annotation/${second.id}`);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator(`.doc-text [data-annotation~="${second.id}"]`).first().click();
  await page.keyboard.press('l');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`casefile://annotation/${second.id}`);
  await card.screenshot({ path: path.join(SHOTS, 'card-copy-link.png') });
});

test('Original file downloads the source’s exact bytes, as an attachment', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Zhanaozen');
  await page.locator('.result', { hasText: 'Uprisings in Kazakhstan' }).click();
  await expect(page.locator('.doc-title')).toHaveText('Uprisings in Kazakhstan');
  const download = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Source' }).getByRole('button', { name: 'Original file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(UPRISINGS_FILE);
  expect(await readFile((await file.path())!)).toEqual(await readFile(path.join(shell.archiveDir, UPRISINGS_FILE)));
  await expect(page.getByText(`Downloaded ${UPRISINGS_FILE}`)).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the reader's Source buttons and the card's Copy link pass axe (${theme})`, async ({ page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(shell.url);
    const made = await highlight(page, shell, UPRISINGS_FILE, 'Zhanaozen');
    await page.goto(`${shell.url}#/annotation/${made.id}`);
    await expect(page.locator(`[data-annotation-card="${made.id}"]`)).toHaveAttribute('aria-current', 'true');
    const source = page.getByRole('group', { name: 'Source' });
    await expect(source.getByRole('button', { name: 'Page view' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.reader-pane header').first().screenshot({ path: path.join(SHOTS, `reader-header-${theme}.png`) });
  });
}

/** Two pages, the first paragraph running over the break. */
function twoPagePdf(): Promise<Uint8Array> {
  return pdfWithPages('Akimat briefing notes', [
    ['Briefing of the akimat, 6 January 2022.', 'Casualty figures were given as 164 by the ministry.'],
    ['The figures were revised on 15 January.', 'The briefing closed at noon.'],
  ]);
}

test.describe('the page view', () => {
  test.use({ copyArchive: true });
  test.setTimeout(180_000);

  for (const theme of ['light', 'dark'] as const) {
    test(`shows a PDF source's title, reference and paragraphs under its page numbers, and prints it alone (${theme})`, async ({ page, shell }) => {
      await writeFile(path.join(shell.archiveDir, 'briefing.pdf'), await twoPagePdf());
      await shell.restart();
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(shell.url);
      await page.getByLabel('Search the archive').fill('akimat');
      await page.locator('.result', { hasText: 'Akimat briefing notes' }).click({ timeout: 60_000 });
      await expect(page.locator('.doc-title')).toHaveText('Akimat briefing notes');

      await page.keyboard.press('p');
      const view = page.getByRole('dialog', { name: 'Akimat briefing notes' });
      await expect(view).toBeVisible();
      await expect(view).toBeFocused();
      await expect(view.getByRole('region', { name: /^Page \d$/ })).toHaveCount(2);
      await expect(view.getByRole('region', { name: 'Page 2' })).toContainText('The figures were revised on 15 January.');
      await expect(view.locator('.page-view-paragraph-number').first()).toHaveText(/1/);
      await expect(view.locator('.page-view-file')).toContainText('briefing.pdf');
      // The reference comes from the citation processor, which may take a while to load the first time.
      await expect(view.locator('.page-view-reference')).toContainText('Akimat briefing notes', { timeout: 45_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `page-view-${theme}.png`) });

      // Printed: the sheet alone, no toolbar and nothing of the app.
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('#root')).toBeHidden();
      await expect(view.getByRole('button', { name: 'Print…' })).toBeHidden();
      await expect(view.locator('.page-view-header h1')).toBeVisible();
      await page.screenshot({ path: path.join(SHOTS, `page-view-print-${theme}.png`), fullPage: true });
      await page.emulateMedia({ media: 'screen' });

      // Escape closes it and gives the focus back.
      await page.keyboard.press('Escape');
      await expect(view).toHaveCount(0);
      await expect(page.locator('.doc-title')).toBeVisible();
    });
  }
});
