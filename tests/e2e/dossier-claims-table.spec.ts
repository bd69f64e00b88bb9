import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, openInRussian } from './api';
import { failOnPageErrors } from './page-errors';
import { clippedText, seriousViolations } from './screen-checks';
import { expect, test, type RunningShell } from './web-shell';

const SHOTS = '/tmp/shots/claims-table';

failOnPageErrors();
test.describe.configure({ timeout: 240_000 });

async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** A dossier holding the bundled archive's detention figures as a claims table, made through the API. */
async function dossierWithTable(page: Page, shell: RunningShell): Promise<{ id: string; rows: number }> {
  const created = await api<{ id: string }>(page, shell, 'createDossier', { name: 'Detentions' });
  const dossier = await api<{ sections: Array<{ items: Array<{ claims?: { rows: unknown[] } }> }> }>(page, shell, 'addClaimsTable', { id: created.id, measure: 'detentions' });
  return { id: created.id, rows: dossier.sections[0].items[0].claims?.rows.length ?? 0 };
}

for (const theme of ['light', 'dark'] as const) {
  test(`the dossier shows a claims table read-only, ${theme}, and in Russian: axe clean, nothing cut off`, async ({ page, shell }) => {
    await page.goto(shell.url);
    const { rows } = await dossierWithTable(page, shell);
    expect(rows).toBeGreaterThan(2);
    await page.emulateMedia({ colorScheme: theme });
    await page.reload();
    await page.getByRole('tab', { name: /^Dossier/ }).click();
    const item = page.getByRole('listitem', { name: `Claims table, quotes 1–${rows}: Detentions` });
    await expect(item).toBeVisible();
    const table = item.getByRole('table', { name: 'Claims table: Detentions' });
    await expect(table.getByRole('row')).toHaveCount(rows + 1);
    await expect(table.getByRole('rowheader', { name: 'about 16,000' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Dossier outline' })).toContainText(`1–${rows}. Claims table: Detentions`);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, `editor-${theme}`);

    await openInRussian(page, shell, theme);
    await page.getByRole('tab', { name: /^Досье/ }).click();
    const russian = page.getByRole('listitem', { name: `Таблица данных, цитаты 1–${rows}: Задержанные` });
    await expect(russian.getByRole('columnheader', { name: 'Утверждение (цитата)' })).toBeVisible();
    expect(await clippedText(russian, '*', '.visually-hidden, .claims-table-scroll')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, `editor-ru-${theme}`);
  });
}

test('a claims table is moved and removed like a quote, and the change is saved', async ({ page, shell }) => {
  await page.goto(shell.url);
  const { id } = await dossierWithTable(page, shell);
  const annotation = await api<{ id: string }>(page, shell, 'annotateQuote', { docId: '001_f765530c45934157.txt', quote: 'The official death toll stands at 227' });
  await api(page, shell, 'addToDossier', { id, annotationId: annotation.id });
  await page.reload();
  await page.getByRole('tab', { name: /^Dossier/ }).click();
  const item = page.getByRole('listitem', { name: /^Claims table/ });
  await item.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('listitem', { name: /^Claims table, quotes 2–/ })).toBeFocused();
  await expect.poll(async () => (await api<{ sections: Array<{ items: Array<{ claims?: unknown }> }> }>(page, shell, 'getDossier', { id })).sections[0].items.map((i) => (i.claims ? 'table' : 'quote'))).toEqual(['quote', 'table']);
  await page.getByRole('listitem', { name: /^Claims table/ }).getByRole('button', { name: 'Remove from dossier' }).click();
  await expect(page.getByRole('listitem', { name: /^Claims table/ })).toHaveCount(0);
  await expect.poll(async () => (await api<{ sections: Array<{ items: unknown[] }> }>(page, shell, 'getDossier', { id })).sections[0].items.length).toBe(1);
});
