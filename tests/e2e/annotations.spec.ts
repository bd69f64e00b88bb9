import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { screenshots } from './screen-checks';
import { expect, test } from './web-shell';
import { selectWithMouse } from './select-text';

const SHOTS = '/tmp/shots';

failOnPageErrors();

async function openArticle(page: Page, query: string, title: string): Promise<void> {
  await page.getByLabel('Search the archive').fill(query);
  await page.locator('.result', { hasText: title }).click();
  await expect(page.locator('.doc-title')).toHaveText(title);
}

/** The text an annotation is drawn on (search hits may cut it into several runs). */
async function drawnText(page: Page, id: string): Promise<string> {
  return (await page.locator(`.doc-text [data-annotation~="${id}"]`).allTextContents()).join('');
}

const shot = screenshots(SHOTS, 'annotations-');

const UPRISINGS = 'Uprisings in Kazakhstan';
const QUOTE = 'Decades of empty promises, corrosive corruption, injustice and the lack of basic human rights';
const NOTE = 'Grievances named by the participant.';
const OTHER = 'Initial internet blackout';

test('select → highlight → note → tag → filter by the tag → delete → Ctrl+Z → reload keeps it', async ({ page, shell }) => {
  await page.goto(shell.url);
  await openArticle(page, 'Zhanaozen', UPRISINGS);

  await selectWithMouse(page, QUOTE);
  const toolbar = page.getByRole('dialog', { name: 'New highlight' });
  await expect(toolbar).toBeVisible();
  // `n`: the cursor goes to the note (and the letter is not typed into it).
  await page.keyboard.press('n');
  const note = toolbar.getByLabel('Note');
  await expect(note).toBeFocused();
  await page.keyboard.type(NOTE);
  await expect(note).toHaveValue(NOTE);
  await toolbar.getByLabel('Tags, separated by commas').fill('grievances, participant');
  await toolbar.getByRole('button', { name: 'Save highlight' }).click();
  await expect(toolbar).toHaveCount(0);

  // `h`: a second passage highlighted at once, in the default colour, without tags.
  await selectWithMouse(page, OTHER);
  await page.keyboard.press('h');
  await expect(page.locator('.doc-text .hl.hl-yellow', { hasText: OTHER })).toHaveCount(1);
  const cards = page.locator('.sidebar-pane .annotation-card');
  await expect(cards).toHaveCount(2);

  // A new passage suggests the tags in use.
  await selectWithMouse(page, 'corrosive corruption');
  const tags = page.getByRole('dialog', { name: 'New highlight' }).getByLabel('Tags, separated by commas');
  await tags.fill('gr');
  await shot(page, 'toolbar');
  const suggestions = await tags.evaluate((input) => [...((input as HTMLInputElement).list?.options ?? [])].map((o) => o.value));
  expect(suggestions).toEqual(expect.arrayContaining(['grievances', 'participant']));
  await page.keyboard.press('Escape');

  await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('grievances');
  await expect(cards).toHaveCount(1);
  const card = cards.first();
  await expect(card.locator('.card-note')).toHaveText(NOTE);
  await expect(card.locator('.tag')).toHaveText(['grievances', 'participant']);
  await expect(page.locator('.annotation-count')).toHaveText('1 annotation match these filters');

  // Delete from the keyboard: click the card (the reader scrolls to it and marks it), then Delete.
  await card.locator('.card-quote').click();
  await expect(page.locator('.doc-text .hl.focused').first()).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.locator('.toast')).toContainText('Highlight deleted — Undo');
  await shot(page, 'deleted-toast');
  await expect(cards).toHaveCount(0);
  await expect(page.locator('.doc-text .hl', { hasText: 'Decades of empty' })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(page.locator('.toast')).toContainText('Undone: delete highlight');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().locator('.card-note')).toHaveText(NOTE);
  await expect(page.locator('.doc-text .hl', { hasText: 'Decades of empty' }).first()).toBeVisible();

  await page.reload();
  await openArticle(page, 'Zhanaozen', UPRISINGS);
  await expect(cards).toHaveCount(2);
  const kept = cards.filter({ hasText: 'Decades of empty promises' });
  await expect(kept.locator('.card-note')).toHaveText(NOTE);
  await expect(kept.locator('.tag')).toHaveText(['grievances', 'participant']);
  await expect(page.locator('.doc-text .hl.hl-yellow').filter({ hasText: OTHER })).toHaveCount(1);
});

test('the author set in Preferences is shown; annotations go out as JSON-LD and come back without duplicates', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Preferences…' }).click();
  const preferences = page.getByRole('dialog', { name: 'Preferences' });
  await preferences.getByLabel('Author name').fill('Dana K.');
  await preferences.getByRole('button', { name: 'Save' }).click();
  await expect(preferences).toHaveCount(0);

  await openArticle(page, 'Zhanaozen', UPRISINGS);
  await selectWithMouse(page, OTHER);
  await page.keyboard.press('h');
  await expect(page.locator('.sidebar-pane .card-author')).toHaveText('by Dana K.');

  await page.getByRole('button', { name: 'Export / import annotations…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export or import annotations' });
  await dialog.getByLabel('Format').selectOption('md');
  await dialog.getByLabel('Group by').selectOption('tag');
  await shot(page, 'files-dialog');
  const markdown = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export annotations' }).click();
  expect((await markdown).suggestedFilename()).toBe('casefile-annotations.md');
  expect(await readFile(await (await markdown).path(), 'utf8')).toContain(OTHER);

  await dialog.getByLabel('Format').selectOption('jsonld');
  const jsonld = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export annotations' }).click();
  const file = await (await jsonld).path();
  const exported = JSON.parse(await readFile(file, 'utf8')) as { type: string; total: number };
  expect([exported.type, exported.total]).toEqual(['AnnotationCollection', 1]);

  await dialog.getByLabel('W3C JSON-LD file (.jsonld, .json)').setInputFiles(file);
  await expect(dialog.getByText('0 added, 0 updated, 1 unchanged.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.sidebar-pane .annotation-card')).toHaveCount(1);
});

test.describe('when the source files change', () => {
  test.use({ copyArchive: true });

  const DOC = '003_39bcaa47380087dc.txt';
  const TITLE = 'The demonstrations and subsequent violence in Kazakhstan last week came as a surprise.';
  const MOVED = 'Rioters stormed shops, police stations and local administration buildings';
  const FUZZY = 'Tokayev ordered security forces to fire without warning';
  const FUZZY_NOW = 'Tokayev ordered security forces to shoot without warning';
  const GONE = 'According to official data, 8,000 people were arrested.';

  test('moved, fuzzy and orphaned annotations are shown for what they are; accepting a fuzzy one anchors it', async ({ page, shell }) => {
    await api(page, shell, 'setPreferences', { author: 'E2E Analyst' });
    const made: Record<string, { id: string }> = {};
    for (const [quote, note, tags] of [
      [MOVED, 'Looting began.', ['violence']],
      [FUZZY, 'The order to shoot.', ['orders', 'violence']],
      [GONE, 'Official arrest figure.', ['numbers']],
    ] as const) {
      made[quote] = await api(page, shell, 'annotateQuote', { docId: DOC, quote, note, tags: [...tags] });
    }

    // The source changes on disk: a paragraph before one quote, a word inside another, the third deleted.
    const file = path.join(shell.archiveDir, DOC);
    const original = await readFile(file, 'utf8');
    const edited = original
      .replace(MOVED, `An inserted paragraph pushes everything below it further down.\n\n${MOVED}`)
      .replace(FUZZY, FUZZY_NOW)
      .replace(`${GONE}\n\n`, '');
    expect(edited).not.toBe(original);
    expect(edited).not.toContain(GONE);
    await writeFile(file, edited);

    await page.goto(shell.url);
    await openArticle(page, 'Rioters stormed', TITLE);
    const sidebar = page.locator('.sidebar-pane');

    const moved = sidebar.locator('.annotation-card', { hasText: MOVED });
    await expect(moved.locator('.status-label')).toHaveText('moved');
    await expect(moved).toContainText('The source changed; the quote was found, unchanged, at a new place.');
    await expect(moved.locator('.card-author')).toHaveText('by E2E Analyst');
    expect(await drawnText(page, made[MOVED].id)).toBe(MOVED);

    const fuzzy = sidebar.locator('.annotation-card.card-fuzzy');
    await expect(fuzzy.locator('.status-label')).toHaveText('needs review');
    await expect(fuzzy.locator('.review-before')).toHaveText(FUZZY);
    await expect(fuzzy.locator('.review-after')).toHaveText(FUZZY_NOW);
    await expect(fuzzy.locator('.review-before del')).toHaveText('fire');
    await expect(fuzzy.locator('.review-after ins')).toHaveText('shoot');
    await expect(fuzzy.getByRole('button', { name: 'Accept' })).toBeVisible();
    await expect(fuzzy.getByRole('button', { name: 'Detach' })).toBeVisible();
    // In the text: the proposed words, outlined and labelled "needs review".
    const review = page.locator('.doc-text .hl-review');
    expect((await review.allTextContents()).join('')).toBe(FUZZY_NOW);
    expect(await review.last().evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"needs review"');

    const orphaned = sidebar.getByRole('region', { name: /Orphaned/ });
    await expect(orphaned.locator('.card-quote')).toHaveText(`“${GONE}”`);
    await expect(orphaned.locator('.status-label')).toHaveText('orphaned');
    await expect(page.locator(`.doc-text [data-annotation~="${made[GONE].id}"]`)).toHaveCount(0);

    await expect(sidebar.locator('.review-compare')).toBeVisible();
    await shot(page, 'window');
    await shot(page.locator('.doc-text p', { has: page.locator('.hl-review') }), 'reader-review');
    // A window tall enough for the whole sidebar, down to the orphaned section.
    const height = await sidebar.evaluate((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight));
    await page.setViewportSize({ width: 1440, height });
    await shot(sidebar, 'sidebar');

    // The whole archive says the same, grouped by document.
    await page.getByRole('tab', { name: 'All annotations' }).click();
    const group = sidebar.getByRole('region', { name: TITLE });
    await expect(group.locator('.annotation-card')).toHaveCount(2);
    await expect(sidebar.getByRole('region', { name: /Orphaned/ }).locator('.card-document')).toHaveText(TITLE);
    await shot(sidebar, 'sidebar-all');

    await sidebar.locator('.annotation-card.card-fuzzy').getByRole('button', { name: 'Accept' }).click();
    await expect(page.locator('.toast')).toContainText('Accepted');
    await expect(sidebar.locator('.card-fuzzy')).toHaveCount(0);
    await expect(sidebar.locator('.annotation-card', { hasText: FUZZY_NOW }).locator('.status')).toHaveCount(0);
    await expect(page.locator('.doc-text .hl-review')).toHaveCount(0);
    await expect.poll(() => drawnText(page, made[FUZZY].id)).toBe(FUZZY_NOW);
    const listed = await api<Array<{ id: string; status: string; target: { quote: { exact: string } } }>>(page, shell, 'listAnnotations', { docId: DOC });
    const accepted = listed.find((a) => a.id === made[FUZZY].id);
    expect([accepted?.status, accepted?.target.quote.exact]).toEqual(['anchored', FUZZY_NOW]);
  });
});
