/** The English strings of the search part of the interface (see ../catalogue.ts). */

/** "1 document", "3 documents": as the interface always printed them (no thousands separator). */
const count = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

export const search = {
  panel: {
    label: 'Search',
    /** The fold holding the date histogram and the entity facets. */
    refineSummary: 'Dates and names in the results',
    inputLabel: 'Search the archive',
    placeholder: 'Search the archive…',
    results: 'Results',
    searching: 'Searching…',
    noMatch: 'No documents match.',
    noMatchFiltered: 'No documents match with these filters.',
    documents: (n: number) => count(n, 'document', 'documents'),
    firstShown: (total: number, shown: number) => `${count(total, 'document', 'documents')} (the first ${shown} shown)`,
    /** Said by screen readers when a search answers. */
    announced: (query: string, counted: string) => `Results for “${query}”: ${counted}`,
    /** The previous query, quoted by the caller. */
    keptResults: <T>(query: T) => ['Still showing the results of the previous query, ', query],
    /** The hint under an empty search box; the keys, examples and the link are drawn by the caller. */
    emptyHint: <T>(parts: { slash: T; must: T; not: T; syntax: T }) => [
      'Type words to search every article in the archive (',
      parts.slash,
      ' brings you here from anywhere); ↓ then moves through the results and Enter opens one. Phrases in quotes, ',
      parts.must,
      ', ',
      parts.not,
      ', fields and wildcards work too: ',
      parts.syntax,
      '.',
    ],
  },
  options: {
    variants: 'Name variants',
    variantsHelp: 'Also finds other spellings of a name, like Tokayev / Tokajev / Токаев, and near spellings of long words.',
    sort: 'Sort',
    sortOrders: { relevance: 'Relevance', newest: 'Newest first', oldest: 'Oldest first' },
    filterSummary: 'Filter by source or date',
    activeSource: (source: string) => `source “${source}”`,
    activeFrom: (date: string) => `from ${date}`,
    activeTo: (date: string) => `to ${date}`,
    filters: 'Filters',
    source: 'Source',
    sourcePlaceholder: 'byline or folder',
    from: 'From',
    to: 'To',
  },
  result: {
    matches: (n: number) => count(n, 'match', 'matches'),
    variantOnly: 'variant spelling only',
    alsoMatched: (variants: string) => `also matched: ${variants}`,
    fewerPassages: 'Show fewer passages',
    morePassages: (n: number) => `Show ${count(n, 'more passage', 'more passages')}`,
  },
  problem: {
    character: (at: number) => `character ${at}`,
    characters: (from: number, to: number) => `characters ${from}–${to}`,
  },
  syntax: {
    title: 'Query syntax',
    meanings: {
      anyWords: 'any of the words; articles with more and rarer matches rank higher',
      phrase: 'an exact phrase: the words next to each other, in this order',
      proximity: 'the words near each other, in any order: at most 5 other words between them',
      mustNot: 'the word must be in the article / must not be',
      operators: 'in capitals: a AND b needs both, a OR b either (the default), NOT b excludes b',
      groups: 'parentheses group terms, with AND, OR and NOT inside and out; -(a b) excludes both',
      fields: 'look in one field only: title:Kazakhstan, byline:"Aigerim"',
      boost: 'weigh a term more than the others',
      fuzzy: 'near spellings: up to 1 (or ~2) letters different',
      wildcard: 'wildcard: any letters in place of *',
    },
    /** The note under the table; the examples and the option's name are drawn by the caller. */
    note: <T>(parts: { possessive: T; base: T; option: T }) => [
      'Case does not matter, and ',
      parts.possessive,
      ' finds ',
      parts.base,
      '. Name variants (Tokayev, Tokajev, Токаев; Kassym-Jomart, Kasym-Zhomart) and near spellings of words of 7 or more letters (liquified) are found too, ranked below exact matches, unless ',
      parts.option,
      ' is turned off.',
    ],
  },
  terms: {
    inResults: 'Query terms in the results',
    inDocument: 'Query terms in this article',
    required: 'required',
    excluded: 'excluded',
    inDocuments: (occurrences: number, documents: number) => `${occurrences} in ${count(documents, 'doc', 'docs')}`,
    alsoMatched: 'also matched',
  },
};
