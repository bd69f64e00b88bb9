/** The English strings of spelling suggestions (see ../catalogue.ts): "Did you mean …?" under the result count. */
export const suggestions = {
  /** The corrected query is drawn by the caller, as a button that runs it. */
  didYouMean: <T>(query: T) => ['Did you mean ', query, '?'],
  /** The button's name: it holds the corrected query as shown. */
  runCorrected: (query: string) => `Search for ${query} instead`,
};
