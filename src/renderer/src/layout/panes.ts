/** The panes in order, for F6: each one's element and what in it takes the focus. */
const PANES: ReadonlyArray<{ pane: string; focus: string }> = [
  { pane: '#results-pane', focus: '#search-input' },
  { pane: '.reader-pane', focus: '.reader-scroll, .reader-pane button' },
  { pane: '.sidebar-pane', focus: ".sidebar-pane [role='tab'][aria-selected='true']" },
];

/** Moves the focus to the next (1) or previous (-1) pane that is shown, from the one holding it. */
export function focusPane(delta: 1 | -1): void {
  const at = PANES.findIndex(({ pane }) => document.activeElement?.closest(pane));
  for (let i = 1; i <= PANES.length; i++) {
    const next = PANES[(at + delta * i + PANES.length * 2) % PANES.length];
    const target = document.querySelector<HTMLElement>(next.focus);
    if (target && target.offsetParent !== null) return target.focus();
  }
}
