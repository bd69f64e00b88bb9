import { counted } from '../language';

/** The English strings of batch search (see ../catalogue.ts): a list of names or queries searched at once. */
export const batch = {
  title: 'Batch search',
  /** The search pane's way in. */
  open: 'Search a list…',
  intro: 'Search a list of names or queries at once: a sanctions list, the people named in a leak. One query a line, or a column of a CSV file.',
  listLabel: 'Names or queries, one a line (or a CSV file)',
  openFile: 'Open a file…',
  fileRead: (file: string) => `Read from ${file}.`,
  fileFailed: (file: string) => `${file} could not be read.`,
  columnLabel: 'CSV column',
  columnHint: 'Its header or its number (1 is the first); empty for one query a line.',
  phrases: 'Search a line of several words as one phrase',
  optionsApply: 'The search’s options (near spellings, source, dates, order) apply to every query.',
  run: 'Search all',
  stop: 'Stop',
  close: 'Close',
  exportCsv: 'Export CSV…',
  empty: 'The list is empty: paste names, one a line, or open a file.',
  progressLabel: 'Queries searched',
  progress: (done: number, total: number) => `${done.toLocaleString('en')} of ${counted('en', total, { one: 'query', other: 'queries' })} searched`,
  finished: (total: number, failed: number) =>
    `${counted('en', total, { one: 'query', other: 'queries' })} searched${failed > 0 ? `; ${failed.toLocaleString('en')} could not be` : ''}.`,
  stopped: (done: number, total: number) => `Stopped after ${done.toLocaleString('en')} of ${counted('en', total, { one: 'query', other: 'queries' })}.`,
  caption: (n: number) => `Results of the batch: ${counted('en', n, { one: 'query', other: 'queries' })}`,
  columns: { lines: 'Line', query: 'Query', documents: 'Documents', matches: 'Matches', matchedAs: 'Also matched', first: 'First passage' },
  openInSearch: 'Search',
  openInSearchLabel: (query: string) => `Show the results for “${query}” in the search pane`,
  couldNotSearch: 'Could not be searched:',
  noPassage: 'No passage',
  showAll: (rows: number, more: number) => `Show all ${rows.toLocaleString('en')} rows (${more.toLocaleString('en')} more)`,
  firstIn: (title: string) => `In “${title}”:`,
};
