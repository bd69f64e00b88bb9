/** "1 match", "3 matches": a count with its noun, regular English plurals only (the English catalogue's counts). */
export function plural(count: number, word: string): string {
  const plural = /(?:s|sh|ch|x)$/.test(word) ? `${word}es` : `${word}s`;
  return `${count} ${count === 1 ? word : plural}`;
}
