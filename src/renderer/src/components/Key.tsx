const ARROWS = /([←↑→↓])/;

/**
 * A key or key combination as printed on the keyboard. Arrows are drawn in the text font: monospace
 * fonts draw them as specks half the height of a letter.
 */
export function Key({ children }: { children: string }) {
  return <kbd>{children.split(ARROWS).map((part, i) => (i % 2 === 1 ? <span key={i} className="key-arrow">{part}</span> : part))}</kbd>;
}
