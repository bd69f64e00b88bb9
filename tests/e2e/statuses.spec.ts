import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { screenshots } from './screen-checks';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots/h2-statuses';

failOnPageErrors();

const shot = screenshots(SHOTS);

const DOC = '003_39bcaa47380087dc.txt';
const TITLE = 'The demonstrations and subsequent violence in Kazakhstan last week came as a surprise.';
const FUZZY = 'Tokayev ordered security forces to fire without warning';
const FUZZY_NOW = 'Tokayev ordered security forces to shoot without warning';
const GONE = 'According to official data, 8,000 people were arrested.';
/** The watcher settles, reads the file, and the page asks every 2 s: a few seconds, more on a loaded machine. */
const SEEN = { timeout: 20_000 };

test.describe('statuses follow the archive', () => {
  test.use({ copyArchive: true });

  test('a source edited on disk changes the statuses in "All annotations" and the dossier without opening the document', async ({ page, shell }) => {
    test.setTimeout(120_000);
    const fuzzy = await api<{ id: string }>(page, shell, 'annotateQuote', { docId: DOC, quote: FUZZY, note: 'The order.' });
    const gone = await api<{ id: string }>(page, shell, 'annotateQuote', { docId: DOC, quote: GONE, note: 'Arrests.' });
    const dossier = await api<{ id: string }>(page, shell, 'createDossier', { name: 'January' });
    for (const { id } of [fuzzy, gone]) await api(page, shell, 'addToDossier', { id: dossier.id, annotationId: id });

    await page.goto(shell.url);
    const sidebar = page.locator('.sidebar-pane');
    await page.getByRole('tab', { name: 'All annotations' }).click();
    const group = sidebar.getByRole('region', { name: TITLE });
    await expect(group.locator('.annotation-card')).toHaveCount(2);
    await expect(sidebar.locator('.status-label')).toHaveCount(0);

    // The source changes on disk while the list is shown: a word inside one quote, the other deleted.
    const file = path.join(shell.archiveDir, DOC);
    const original = await readFile(file, 'utf8');
    const edited = original.replace(FUZZY, FUZZY_NOW).replace(`${GONE}\n\n`, '');
    expect(edited).not.toContain(GONE);
    expect(edited).toContain(FUZZY_NOW);
    await writeFile(file, edited);

    const review = sidebar.locator(`[data-annotation-card="${fuzzy.id}"]`);
    await expect(review.locator('.status-label')).toHaveText('needs review', SEEN);
    await expect(review.locator('.review-after ins')).toHaveText('shoot');
    const orphaned = sidebar.getByRole('region', { name: /Orphaned/ });
    await expect(orphaned.locator('.count')).toHaveText('1', SEEN);
    await expect(orphaned.locator(`[data-annotation-card="${gone.id}"] .status-label`)).toHaveText('orphaned');
    await expect(group.locator('.annotation-card')).toHaveCount(1);
    // Nothing was opened to get there.
    await expect(page.locator('.doc-title')).toHaveCount(0);
    await shot(sidebar, 'all-annotations-after-edit');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await shot(sidebar, 'all-annotations-after-edit-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The dossier says the same as soon as it is shown.
    await page.getByRole('tab', { name: /^Dossier/ }).click();
    const panel = page.locator('.dossier-panel');
    await expect(panel.getByRole('listitem', { name: /^Quote 1:/ }).locator('.status-label')).toHaveText('needs review');
    await expect(panel.getByRole('listitem', { name: /^Quote 2:/ }).locator('.status-label')).toHaveText('orphaned');
    await shot(sidebar, 'dossier-after-edit');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(sidebar, 'dossier-after-edit-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // While the dossier is shown, the source is put back: both quotes are found again, there and in the list.
    await writeFile(file, original);
    await expect(panel.locator('.status-label')).toHaveCount(0, SEEN);
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await expect(sidebar.locator('.status-label')).toHaveCount(0);
    await expect(group.locator('.annotation-card')).toHaveCount(2);
    await expect(page.locator('.doc-title')).toHaveCount(0);
  });
});
