import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { expect, test } from './web-shell';

/**
 * Two tabs on one web shell (issue 21): what one tab changes, the other shows without a reload.
 * Before, only other processes' saves were announced, so a second tab stayed as it was opened.
 */

failOnPageErrors();

const DOC = '003_39bcaa47380087dc.txt';
const QUOTE = 'Tokayev ordered security forces to fire without warning';
/** The other tab asks every 2 s: a few seconds, more on a loaded machine. */
const SEEN = { timeout: 20_000 };

test('a quote added to the dossier in one tab shows in the other tab’s dossier and card', async ({ page, shell }) => {
  test.setTimeout(120_000);
  await api(page, shell, 'annotateQuote', { docId: DOC, quote: QUOTE, note: 'The order.' });
  const other = await page.context().newPage();
  for (const tab of [page, other]) await tab.goto(shell.url);

  await other.getByRole('tab', { name: /^Dossier/ }).click();
  await expect(other.getByRole('tab', { name: /^Dossier/ })).not.toHaveText(/\d/);

  await page.getByRole('tab', { name: 'All annotations' }).click();
  await page.getByRole('button', { name: 'Add to dossier' }).click();
  await expect(page.getByRole('tab', { name: /^Dossier/ })).toHaveText('Dossier 1');

  await expect(other.getByRole('tab', { name: /^Dossier/ })).toHaveText('Dossier 1', SEEN);
  await expect(other.getByRole('listitem', { name: /^Quote 1:/ })).toContainText(QUOTE, SEEN);
  await other.getByRole('tab', { name: 'Annotations', exact: true }).click();
  await other.getByRole('tab', { name: 'All annotations' }).click();
  await expect(other.getByText('✓ In dossier')).toBeVisible(SEEN);
});
