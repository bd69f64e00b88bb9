/** "1 match", "3 matches": a count with its noun, regular English plurals only. */
export function plural(count: number, word: string): string {
  const plural = /(?:s|sh|ch|x)$/.test(word) ? `${word}es` : `${word}s`;
  return `${count} ${count === 1 ? word : plural}`;
}

/** The text, cut to `max` characters with an ellipsis if it is longer. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
