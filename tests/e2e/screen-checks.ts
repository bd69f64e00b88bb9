import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

/** The violations axe rates serious or critical on the page (WCAG 2.1 A/AA and best practice), one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * The elements matching `selector` under `root` whose text is cut off: wider or taller than their
 * box while they hide what overflows (Russian words are longer than English ones). Text for screen
 * readers only, and elements matching `clippedOnPurpose` (the archive's words cut to one line), are
 * left out.
 */
export function clippedText(root: Locator, selector: string, clippedOnPurpose = '.visually-hidden'): Promise<string[]> {
  return root.evaluate(
    (container, [selector, clippedOnPurpose]) =>
      [...container.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => {
          const style = getComputedStyle(el);
          if (el.closest('.visually-hidden') || el.closest(clippedOnPurpose) || el.offsetParent === null) return false;
          if (style.overflowX === 'visible' && style.overflowY === 'visible' && style.textOverflow !== 'ellipsis') return false;
          return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 60)} (${el.scrollWidth} > ${el.clientWidth})`),
    [selector, clippedOnPurpose] as const,
  );
}

/**
 * The elements matching `selector` under `root` whose label breaks over more than one line (a
 * button reading "Копировать / ссылку"): a longer word should move the control, not split it.
 */
export function wrappedLabels(root: Locator, selector: string): Promise<string[]> {
  return root.evaluate(
    (container, selector) =>
      [...container.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => {
          if (el.offsetParent === null || !el.textContent?.trim()) return false;
          const range = document.createRange();
          range.selectNodeContents(el);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          return lines.size > 1;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.trim().slice(0, 60)}`),
    selector,
  );
}

/** Screenshots of a spec, to look at: `shot(pageOrPart, name)` writes `<folder>/<prefix><name>.png`. */
export function screenshots(folder: string, prefix = ''): (target: Page | Locator, name: string) => Promise<void> {
  return async (target, name) => {
    await mkdir(folder, { recursive: true });
    await target.screenshot({ path: path.join(folder, `${prefix}${name}.png`) });
  };
}
