import { mkdir } from 'node:fs/promises';
import { api } from './api';
import { failOnPageErrors } from './page-errors';
import { expect, test } from './web-shell';

failOnPageErrors();

interface Saved {
  name: string;
  sections: Array<{ items: Array<{ claims?: { measure: string; rows: unknown[] } }> }>;
}

test('one click in the Figures view puts a measure’s claims in the dossier as a table, and says so', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('tab', { name: 'Figures' }).click();
  const deaths = page.locator('.measure[data-measure="deaths"]');
  await deaths.getByRole('button', { name: 'Add table to dossier: Deaths', exact: true }).click();
  // No dossier yet: one is made, and the table goes into it.
  await expect(page.locator('.toast')).toContainText('Added the table of deaths to “Dossier” › Section 1 (untitled).');
  const [saved] = await api<Saved[]>(page, shell, 'listDossiers', {});
  const tables = saved.sections.flatMap((s) => s.items).filter((i) => i.claims);
  expect(tables.map((t) => t.claims?.measure)).toEqual(['deaths']);
  expect(tables[0].claims?.rows.length).toBeGreaterThanOrEqual(2);

  // From the keyboard too, and the dossier shows both tables.
  await page.locator('.measure[data-measure="detentions"]').getByRole('button', { name: 'Add table to dossier: Detentions', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.toast')).toContainText('Added the table of detentions');
  await page.getByRole('tab', { name: /^Dossier/ }).click();
  await expect(page.locator('.dossier-panel .claims-table')).toHaveCount(2);
  await mkdir('/tmp/shots/figures-timeline', { recursive: true });
  await page.screenshot({ path: '/tmp/shots/figures-timeline/tables-in-dossier.png' });
});
