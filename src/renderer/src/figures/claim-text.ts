import type { Claim } from '../../../core/api/types';

/** A sentence cut in three around the part to mark. */
export interface MarkedSentence {
  before: string;
  marked: string;
  after: string;
}

/** Numbers as sources write them: 227, 9,900, 9 900, 9.900, 1.5. */
const WRITTEN_NUMBER = /\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/gu;

function writtenValue(written: string): number {
  if (/^\d{1,3}(?:[,. \u00a0\u202f]\d{3})+$/u.test(written)) return Number(written.replace(/\D/gu, ''));
  return Number(written.replace(',', '.'));
}

/**
 * The claim's sentence with its number marked: the number as written in the claim's clause (the
 * low end of a range), else the whole clause when the number is written in words ("two", "1,5 тысячи").
 */
export function markedSentence(claim: Pick<Claim, 'sentence' | 'text' | 'value'>): MarkedSentence {
  const { sentence, text } = claim;
  const clauseAt = sentence.indexOf(text);
  if (clauseAt < 0) return { before: '', marked: text, after: '' };
  const number = [...text.matchAll(WRITTEN_NUMBER)].find((m) => writtenValue(m[0]) === claim.value);
  const start = clauseAt + (number ? number.index : 0);
  const end = number ? start + number[0].length : clauseAt + text.length;
  return { before: sentence.slice(0, start), marked: sentence.slice(start, end), after: sentence.slice(end) };
}

/** The values a measure's claims give, highest first, each once (a range by its low end). */
export function distinctValues(claims: ReadonlyArray<Pick<Claim, 'value'>>): number[] {
  return [...new Set(claims.map((c) => c.value))].sort((a, b) => b - a);
}
