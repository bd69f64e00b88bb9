import type { suggestions as english } from '../en/suggestions';

/** Русские строки подсказок написания (см. ../catalogue.ts). */
export const suggestions: typeof english = {
  didYouMean: <T>(query: T) => ['Возможно, вы имели в виду ', query, '?'],
  runCorrected: (query: string) => `Искать ${query}`,
};
