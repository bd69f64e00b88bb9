import { plural } from './plural';

type Precision = 'day' | 'week' | 'month' | 'year';
type Kind = 'publication' | 'absolute' | 'relative';
type Grouping = 'day' | 'month';

/** The English strings of the timeline view and the search pane's date histogram (see ../catalogue.ts). */
export const timeline = {
  tab: 'Timeline',
  /** The splitter beside the view. */
  resize: 'Resize the timeline',
  title: 'Dates in the documents',
  loading: 'Reading the dates…',
  unreadable: (problem: string) => `The timeline could not be read: ${problem}`,
  none: 'No dates found in the documents.',
  summary: (dates: number, documents: number) => `${plural(dates, 'date')} in ${plural(documents, 'document')}`,
  groupBy: 'Group by',
  groupings: { day: 'Day', month: 'Month' } satisfies Record<Grouping, string>,
  precisions: { day: 'day', week: 'week', month: 'month', year: 'year' } satisfies Record<Precision, string>,
  kinds: { publication: 'published', absolute: 'written', relative: 'relative' } satisfies Record<Kind, string>,
  /** A week is kept by its Monday. */
  weekOf: (monday: string) => `Week of ${monday}`,
  assumed: 'year assumed',
  assumedTitle: 'The document is undated: the year is that of most of the archive’s documents',
  entryCount: (n: number) => plural(n, 'date'),
  open: (title: string, written: string) => `Open ${title} at “${written}”`,
  showAll: (n: number) => `Show all ${plural(n, 'date')}`,
  undatedTitle: (n: number) => `${plural(n, 'undated document')}`,
  undatedHelp: 'No publication date: their dates in the text appear above only where they name a year or one is assumed; a date filter in search leaves them out unless included.',
  allDated: 'Every document has a publication date.',
  /** The date histogram in the search pane. */
  histogram: {
    label: 'Matching documents by month',
    bar: (month: string, documents: number) => `${month}: ${plural(documents, 'document')}`,
    help: 'Choose a month to search only in it; choose it again to clear.',
    undatedInResults: (n: number) => `${plural(n, 'undated document')} match`,
    excluded: (n: number) => `${plural(n, 'undated document')} not shown`,
    include: 'include them',
    included: (n: number) => `${plural(n, 'undated document')} included`,
    exclude: 'leave them out',
  },
};
