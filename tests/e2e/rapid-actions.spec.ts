import type { Page } from '@playwright/test';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { selectWithMouse } from './select-text';
import { screenshots } from './screen-checks';
import { expect, test } from './web-shell';

const SHOTS = '/tmp/shots/h2-statuses';

failOnPageErrors();

const shot = screenshots(SHOTS);

interface Saved {
  id: string;
  name: string;
  sections: Array<{ id: string; items: Array<{ annotationId: string }> }>;
}

const QUOTES = [
  { docId: '002_06b90974a18acc89.txt', quote: 'Decades of empty promises, corrosive corruption, injustice and the lack of basic human rights' },
  { docId: '002_06b90974a18acc89.txt', quote: 'Initial internet blackout' },
  { docId: '003_39bcaa47380087dc.txt', quote: 'Tokayev ordered security forces to fire without warning' },
  { docId: '004_caba11c37ce94665.txt', quote: 'Crowds of armed men showed up in Almaty' },
];

/** Every text the polite status region (the toasts) has shown, in order: what a screen reader hears. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    new MutationObserver(() => {
      const text = document.querySelector('.toast-region .toast-text')?.textContent ?? '';
      if (text && heard.at(-1) !== text) heard.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const announcements = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);

async function annotateAll(page: Page, shell: Parameters<typeof api>[1]): Promise<string[]> {
  const ids: string[] = [];
  for (const q of QUOTES) ids.push((await api<{ id: string }>(page, shell, 'annotateQuote', q)).id);
  return ids;
}

/** Answers `method` half a second late, as a loaded machine may: the next actions come while it is on its way. */
async function answerLate(page: Page, method: string): Promise<void> {
  await page.route(`**/api/${method}`, async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.fulfill({ response });
  });
}

/** Clicks each card's "Add to dossier" one right after the other, waiting for nothing in between. */
async function addQuickly(page: Page, ids: string[]): Promise<void> {
  const buttons = ids.map((id) => page.locator(`[data-annotation-card="${id}"]`).getByRole('button', { name: 'Add to dossier' }));
  for (const button of buttons) await expect(button).toBeVisible();
  for (const button of buttons) await button.click({ noWaitAfter: true });
}

test('four quick "Add to dossier" clicks with no dossier yet: one dossier, all four in it, each acknowledged', async ({ page, shell }) => {
  const ids = await annotateAll(page, shell);
  await recordAnnouncements(page);
  // A loaded machine: the new dossier is still on its way when the next clicks come.
  await answerLate(page, 'createDossier');
  await page.goto(shell.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();
  await addQuickly(page, ids);

  const sidebar = page.locator('.sidebar-pane');
  await expect(sidebar.locator('.in-dossier')).toHaveCount(4);
  await expect(page.getByRole('tab', { name: /^Dossier/ }).locator('.count')).toHaveText('4');
  await expect.poll(async () => (await api<Saved[]>(page, shell, 'listDossiers', {})).map((d) => d.sections.flatMap((s) => s.items.map((i) => i.annotationId)))).toEqual([ids]);
  await expect.poll(() => announcements(page)).toEqual([1, 2, 3, 4].map((n) => `Added to “Dossier” › Section 1 (untitled) as quote ${n}.`));
  await expect(page.locator('.banner.error, .banner[role="status"]')).toHaveCount(0);

  await page.getByRole('tab', { name: /^Dossier/ }).click();
  await expect(page.locator('.dossier-panel').getByRole('listitem', { name: /^Quote \d:/ })).toHaveCount(4);
  await shot(sidebar, 'rapid-adds-dossier');
});

test('quick adds here keep what another window or a script added to the same dossier meanwhile', async ({ page, shell }) => {
  const ids = await annotateAll(page, shell);
  const dossier = await api<Saved>(page, shell, 'createDossier', { name: 'January' });
  await recordAnnouncements(page);
  await page.goto(shell.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();
  await expect(page.locator(`[data-annotation-card="${ids[0]}"]`).getByRole('button', { name: 'Add to dossier' })).toHaveAttribute('title', /“January”/);

  // Another client of the same shell adds the first annotation; this window has not seen it yet.
  await api(page, shell, 'addToDossier', { id: dossier.id, annotationId: ids[0] });
  await addQuickly(page, ids.slice(1));

  await expect(page.locator('.sidebar-pane .in-dossier')).toHaveCount(4);
  await expect.poll(() => announcements(page)).toHaveLength(3);
  const [saved] = await api<Saved[]>(page, shell, 'listDossiers', {});
  expect(saved.sections.flatMap((s) => s.items.map((i) => i.annotationId))).toEqual(ids);
  expect(await announcements(page)).toEqual([2, 3, 4].map((n) => `Added to “January” › Section 1 (untitled) as quote ${n}.`));
});

test('an add that the shell refuses says so, and the others still land', async ({ page, shell }) => {
  const ids = await annotateAll(page, shell);
  await api(page, shell, 'createDossier', { name: 'January' });
  await page.goto(shell.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();
  // The second annotation is deleted by another client before this window adds it.
  await api(page, shell, 'deleteAnnotation', { id: ids[1] });
  await addQuickly(page, ids);

  await expect(page.getByRole('alert').or(page.locator('.banner'))).toContainText(`no annotation with id "${ids[1]}"`);
  const [saved] = await api<Saved[]>(page, shell, 'listDossiers', {});
  await expect
    .poll(async () => (await api<Saved[]>(page, shell, 'listDossiers', {}))[0].sections.flatMap((s) => s.items.map((i) => i.annotationId)))
    .toEqual([ids[0], ids[2], ids[3]]);
  expect(saved.name).toBe('January');
});

test('four highlights made in quick succession all land, in the text, the list and the store', async ({ page, shell }) => {
  await answerLate(page, 'createAnnotation');
  await recordAnnouncements(page);
  await page.goto(shell.url);
  await page.getByLabel('Search the archive').fill('Zhanaozen');
  await page.locator('.result', { hasText: 'Uprisings in Kazakhstan' }).click();
  await expect(page.locator('.doc-title')).toHaveText('Uprisings in Kazakhstan');
  const phrases = ['The beginning of 2022', 'Decades of empty promises', 'Initial internet blackout', 'Economic demands turned political'];
  for (const phrase of phrases) {
    await selectWithMouse(page, phrase);
    await page.keyboard.press('h');
  }
  const sidebar = page.locator('.sidebar-pane');
  await expect(sidebar.locator('.annotation-card')).toHaveCount(4);
  await expect(sidebar.locator('.annotation-count')).toHaveText('4 annotations');
  for (const phrase of phrases) await expect(page.locator('.doc-text .hl', { hasText: phrase })).toHaveCount(1);
  const stored = await api<Array<{ target: { quote: { exact: string } } }>>(page, shell, 'listAnnotations', {});
  expect(stored.map((a) => a.target.quote.exact).sort()).toEqual([...phrases].sort());
  // Each one said, in the order made. The cards show before the (late) answers come, so the last
  // acknowledgement may still be on its way here: wait for it rather than read the region once.
  await expect.poll(() => announcements(page)).toEqual(phrases.map((phrase) => `Highlighted: “${phrase}”`));
  await shot(page.locator('.toast'), 'highlighted-toast');
});
