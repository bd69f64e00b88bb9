import { expect, type Page } from '@playwright/test';

/** Unfolds the search panel's dates and names (the histogram and the entity facets) once results are in. */
export async function unfoldDatesAndNames(page: Page): Promise<void> {
  const fold = page.locator('details.refine-box');
  await expect(fold).toBeVisible();
  if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
  await expect(fold).toHaveAttribute('open', '');
}
