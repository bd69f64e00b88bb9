/** Every string of a catalogue part (functions called with sample arguments) with a word of four letters or more. */
export function englishWords(part: object): string[] {
  return Object.values(part).flatMap((value: unknown): string[] => {
    if (typeof value === 'string') return /[A-Za-z]{4,}/.test(value) ? [value] : [];
    if (typeof value === 'function') return englishWords({ said: String((value as (...args: unknown[]) => unknown)(2, 'X', 'Y', 'Z')) });
    return typeof value === 'object' && value !== null ? englishWords(value) : [];
  });
}

/** What the user reads or hears of the page: its text and the attributes that are read out or shown. */
export function everythingSaid(): string {
  const attributes = [...document.body.querySelectorAll('*')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder', 'data-label'].map((name) => el.getAttribute(name)).filter((value): value is string => value !== null),
  );
  return [document.body.textContent ?? '', ...attributes].join('\n');
}
