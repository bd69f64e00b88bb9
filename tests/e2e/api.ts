import { expect, type Page } from '@playwright/test';
import type { RunningShell } from './web-shell';

/** Calls the shell's API directly, as a script would: with the token in a header. */
export async function api<T>(page: Page, shell: RunningShell, method: string, args: object): Promise<T> {
  const url = new URL(shell.url);
  const response = await page.request.post(`${url.origin}/api/${method}`, {
    data: args,
    headers: { 'X-Casefile-Token': url.searchParams.get('token') ?? '' },
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** Opens the app in Russian (chosen through the API, as Preferences saves it) in `theme`. */
export async function openInRussian(page: Page, shell: RunningShell, theme: 'light' | 'dark'): Promise<void> {
  await api(page, shell, 'setPreferences', { language: 'ru' });
  await page.emulateMedia({ colorScheme: theme });
  await page.goto(shell.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}
