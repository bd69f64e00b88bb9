/** "1 match", "3 matches": the English catalogue's counts (one definition, in src/shared). */
export { plural } from '../../shared/i18n/en/plural';

/** The text, cut to `max` characters with an ellipsis if it is longer. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
