import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { screenshots } from './screen-checks';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots';

failOnPageErrors();

const shot = screenshots(SHOTS, 'dossier-');

/** A window tall enough for the whole right-hand pane, so its screenshot is not cut by scrolling. */
async function fitPane(page: Page): Promise<Locator> {
  const pane = page.locator('.sidebar-pane');
  const height = await pane.evaluate((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight + 2));
  await page.setViewportSize({ width: 1440, height: Math.max(900, height) });
  return pane;
}

/** Three quotes from three articles; the last one's source is changed on disk at the end. */
const UPRISINGS = { doc: '002_06b90974a18acc89.txt', quote: 'Decades of empty promises, corrosive corruption, injustice and the lack of basic human rights' };
const ACTIVISTS = { doc: '004_caba11c37ce94665.txt', quote: 'Crowds of armed men showed up in Almaty' };
const ORDER = {
  doc: '003_39bcaa47380087dc.txt',
  title: 'The demonstrations and subsequent violence in Kazakhstan last week came as a surprise.',
  quote: 'Tokayev ordered security forces to fire without warning',
};

/** The text pdftotext extracts, with every run of white space one space (lines wrap anywhere). */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function hasQpdf(): boolean {
  return spawnSync('qpdf', ['--version']).status === 0;
}

async function verifyInUi(page: Page, file: string): Promise<Locator> {
  const verify = page.getByRole('group', { name: 'Verify a dossier PDF' });
  await verify.getByLabel('Dossier PDF').setInputFiles(file);
  const report = verify.getByRole('region', { name: 'Verification report' });
  // Verify reads every printed page and checks the signature: seconds, more on a loaded machine.
  await expect(report).toBeVisible({ timeout: 60_000 });
  return report;
}

test.describe('a dossier', () => {
  test.use({ copyArchive: true });

  test('built from three annotations in two sections, reordered by keyboard, exported as a PDF and verified before and after its source changes', async ({ page, shell }) => {
    // An export, signing, and two verifications that read every printed page: minutes on a loaded machine.
    test.setTimeout(240_000);
    await api(page, shell, 'setPreferences', { author: 'E2E Analyst' });
    const ids: Record<string, string> = {};
    for (const { doc, quote } of [UPRISINGS, ACTIVISTS, ORDER]) ids[quote] = (await api<{ id: string }>(page, shell, 'annotateQuote', { docId: doc, quote })).id;

    await page.goto(shell.url);
    await page.getByRole('tab', { name: 'Dossier' }).click();
    const panel = page.locator('#place-panel-dossier');
    await expect(panel.getByText('No dossier yet.')).toBeVisible();

    // A named dossier; the author comes from the preferences.
    await panel.getByRole('button', { name: 'New…' }).click();
    const naming = page.getByRole('dialog', { name: 'New dossier' });
    await naming.getByLabel('Name').fill('January 2022');
    await naming.getByRole('button', { name: 'Create' }).click();
    await expect(panel.getByRole('combobox', { name: 'Dossier' })).toHaveValue(/.+/);
    await expect(panel.getByLabel('Author')).toHaveValue('E2E Analyst');
    await panel.getByLabel('Title', { exact: true }).fill('Kazakhstan, January 2022: the record');
    await panel.getByLabel('Date').fill('2022-02-01');
    await panel.getByLabel('Introduction').fill('What the sources say about the protests and the order to shoot.');

    // Two sections; new quotes go to the first.
    await panel.getByLabel('Heading of section 1').fill('The protests');
    await panel.getByRole('button', { name: 'Add section' }).click();
    await panel.getByLabel('Heading of section 2').fill('The crackdown');
    const first = panel.getByRole('region', { name: 'The protests' });
    const second = panel.getByRole('region', { name: 'The crackdown' });
    await first.getByLabel('New quotes go here').check();

    // Two from annotation cards in the sidebar…
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await page.getByRole('tab', { name: 'All annotations' }).click();
    for (const quote of [UPRISINGS.quote, ACTIVISTS.quote]) {
      const card = page.locator('.annotation-card', { hasText: quote });
      await card.getByRole('button', { name: 'Add to dossier' }).click();
      await expect(page.locator('.toast')).toContainText('Added to “January 2022” › The protests');
      await expect(card.getByText('In dossier')).toBeVisible();
    }
    await shot(page.locator('#place-panel-annotations .annotation-card').first(), 'card');

    // …and one from the reader: the highlight focused, then `d`.
    await page.getByRole('tab', { name: 'Dossier' }).click();
    await second.getByLabel('New quotes go here').check();
    await page.getByLabel('Search the archive').fill('"fire without warning"');
    await page.locator('.result', { hasText: ORDER.title }).click();
    await page.locator(`.doc-text [data-annotation~="${ids[ORDER.quote]}"]`).first().click();
    await page.keyboard.press('d');
    await expect(page.locator('.toast')).toContainText('Added to “January 2022” › The crackdown as quote 3');

    const outline = panel.getByRole('navigation', { name: 'Dossier outline' });
    const outlineQuotes = outline.locator('.outline-quote');
    await expect(outlineQuotes).toHaveCount(3);
    await expect(outlineQuotes.nth(0)).toContainText('Decades of empty promises');
    await expect(outlineQuotes.nth(1)).toContainText(ACTIVISTS.quote);

    // Keyboard: the second quote up to first place; then the (new) second one down into the next section.
    const activists = first.getByRole('listitem', { name: /Quote 2: Crowds of armed men/ });
    await activists.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(first.getByRole('listitem', { name: /^Quote 1: Crowds of armed men/ })).toBeFocused();
    const uprisings = first.getByRole('listitem', { name: /^Quote 2: Decades/ });
    await uprisings.focus();
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect(second.getByRole('listitem', { name: /^Quote 2: Decades/ })).toBeFocused();
    await expect(outlineQuotes).toHaveText([/1\. “Crowds of armed men/, /2\. “Decades of empty promises/, /3\. “Tokayev ordered/]);
    await expect(outline.locator('.outline-heading')).toHaveText(['The protests', 'The crackdown']);

    await expect(panel.locator('.save-status')).toHaveText('All changes saved');
    type Saved = { title: string; author: string; date: string; sections: Array<{ heading: string; items: Array<{ annotationId: string }> }> };
    const [saved] = await api<Saved[]>(page, shell, 'listDossiers', {});
    expect([saved.title, saved.author, saved.date]).toEqual(['Kazakhstan, January 2022: the record', 'E2E Analyst', '2022-02-01']);
    expect(saved.sections.map((s) => [s.heading, s.items.map((i) => i.annotationId)])).toEqual([
      ['The protests', [ids[ACTIVISTS.quote]]],
      ['The crackdown', [ids[UPRISINGS.quote], ids[ORDER.quote]]],
    ]);

    await second.getByRole('listitem', { name: /Quote 3/ }).getByLabel('Commentary for this dossier').fill('The order, in his own words.');
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await shot(page, 'window');
    await shot(await fitPane(page), 'panel');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Export, slowed down so its progress can be seen.
    await page.route('**/api/exportDossier', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    const exporting = panel.getByRole('group', { name: 'Export' });
    const download = page.waitForEvent('download');
    await exporting.getByRole('button', { name: 'Export PDF' }).click();
    await expect(exporting.getByRole('button', { name: 'Exporting…' })).toBeDisabled();
    await expect(exporting).toHaveAttribute('aria-busy', 'true');
    await shot(exporting, 'exporting');
    const pdf = path.join(await mkdtemp(path.join(os.tmpdir(), 'casefile-dossier-')), 'dossier.pdf');
    expect((await download).suggestedFilename()).toBe('Kazakhstan-January-2022-the-record.pdf');
    await (await download).saveAs(pdf);
    await expect(exporting.getByText(/^Saved Kazakhstan-January-2022-the-record\.pdf \(\d+ KB\)\.$/)).toBeVisible();
    await expect(exporting).toHaveAttribute('aria-busy', 'false');

    // The quotes, in the dossier's order (their first appearance: the body comes before the appendix).
    const text = pdfText(pdf);
    const places = [ACTIVISTS.quote, UPRISINGS.quote, ORDER.quote].map((quote) => text.indexOf(quote));
    expect(places.every((at) => at >= 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
    expect(text).toContain('The order, in his own words.');
    if (hasQpdf()) expect(spawnSync('qpdf', ['--check', pdf], { encoding: 'utf8' }).status).toBe(0);

    const passed = await verifyInUi(page, pdf);
    await expect(passed.locator('.verify-verdict')).toHaveText('Verified: all 3 quotes match the archive.');
    await expect(passed.locator('.verify-status')).toHaveText(['valid', 'ok', 'ok', 'ok', 'ok']);
    await shot(page.getByRole('group', { name: 'Verify a dossier PDF' }), 'verified');

    // One word of the third quote's source changes on disk: that quote, and only it, is "changed".
    const source = path.join(shell.archiveDir, ORDER.doc);
    const original = await readFile(source, 'utf8');
    expect(original).toContain(ORDER.quote);
    await writeFile(source, original.replace(ORDER.quote, ORDER.quote.replace('fire', 'shoot')));
    const failed = await verifyInUi(page, pdf);
    await expect(failed.locator('.verify-verdict')).toHaveText('Not verified: 2 of 3 quotes ok; 1 changed, 0 missing.');
    await expect(failed.locator('.verify-status')).toHaveText(['changed', 'valid', 'ok', 'ok', 'ok']); // failing parts first
    const changed = failed.locator('.verify-line.verify-changed');
    await expect(changed.locator('.verify-quote')).toHaveText(`Quote 3 · ${ORDER.title}`);
    await expect(changed.locator('.verify-detail')).toContainText('the source file changed');
    await expect(changed.locator('.verify-detail')).toContainText('now reads “Tokayev ordered security forces to shoot');
    await fitPane(page);
    await shot(page.getByRole('group', { name: 'Verify a dossier PDF' }), 'verify-changed');

    // The dossier says it too, in words, once the annotations are read again.
    await page.getByRole('tab', { name: 'Annotations' }).click();
    await page.getByRole('tab', { name: 'Dossier' }).click();
    const changedItem = second.getByRole('listitem', { name: /^Quote 3:/ });
    await expect(changedItem.locator('.status-label')).toHaveText('needs review');
    await shot(second, 'changed-item');

    // A save that fails says so and keeps the order on screen; Retry saves it.
    await page.route('**/api/updateDossier', (route) =>
      route.fulfill({ status: 500, json: { ok: false, error: { code: 'internal', message: 'updateDossier failed unexpectedly; details are in the log' } } }),
    );
    await changedItem.focus();
    await page.keyboard.press('Alt+ArrowUp');
    const failure = panel.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(failure).toContainText('Not saved: updateDossier failed unexpectedly; details are in the log. Your changes are kept here.');
    await expect(outlineQuotes).toHaveText([/1\. “Crowds of armed men/, /2\. “Tokayev ordered/, /3\. “Decades of empty promises/]);
    await shot(failure, 'save-error');
    await page.unroute('**/api/updateDossier');
    await failure.getByRole('button', { name: 'Retry' }).click();
    await expect(panel.locator('.save-status')).toHaveText('All changes saved');
    const [retried] = await api<Saved[]>(page, shell, 'listDossiers', {});
    expect(retried.sections[1].items.map((i) => i.annotationId)).toEqual([ids[ORDER.quote], ids[UPRISINGS.quote]]);
  });
});
