import { plural } from './plural';

type Measure = 'deaths' | 'detentions' | 'injuries' | 'missing';
type Qualifier = 'about' | 'almost' | 'at least' | 'more than' | 'at most';

/** The English strings of the figures view (see ../catalogue.ts): the numbers sources give, side by side. */
export const figures = {
  tab: 'Figures',
  /** The splitter beside the view. */
  resize: 'Resize the figures',
  title: 'Figures the sources give',
  measures: { deaths: 'Deaths', detentions: 'Detentions', injuries: 'Injuries', missing: 'Missing' } satisfies Record<Measure, string>,
  /** A measure in running text (“227 deaths”). */
  measureLower: { deaths: 'deaths', detentions: 'detentions', injuries: 'injuries', missing: 'missing' } satisfies Record<Measure, string>,
  qualifiers: { about: 'about', almost: 'almost', 'at least': 'at least', 'more than': 'more than', 'at most': 'at most' } satisfies Record<Qualifier, string>,
  filter: 'Measure',
  allMeasures: 'All measures',
  loading: 'Reading the figures…',
  unreadable: (problem: string) => `The figures could not be read: ${problem}`,
  none: 'No figures found: no sentence of the archive gives a number of deaths, detentions, injuries or missing people.',
  claims: (n: number) => plural(n, 'claim'),
  sources: (n: number) => plural(n, 'source'),
  /** Said in words beside the mark, so it is not told by colour alone. */
  conflict: 'Sources disagree',
  agree: 'Sources agree',
  valuesLabel: (measure: string) => `Values given for ${measure}`,
  claimList: (measure: string) => `Claims about ${measure}`,
  /** The value as the source hedges it: “about 16,000”, “8,000–10,000”. */
  value: (qualifier: string | null, low: string, high: string | null) => `${qualifier ? `${qualifier} ` : ''}${low}${high ? `–${high}` : ''}`,
  undated: 'undated',
  open: (title: string) => `Open ${title} at this sentence`,
  annotate: 'Annotate',
  addTable: 'Add table to dossier',
  addTableLabel: (measure: string) => `Add the table of ${measure} (value, source, date, citation) to the dossier`,
  annotateLabel: (value: string, title: string) => `Annotate the claim ${value} in ${title}`,
  annotated: 'Annotated',
  annotatedLabel: (value: string, title: string) => `Annotated: show the highlight of ${value} in ${title}`,
  /** The note a claim's annotation is made with. */
  note: (measure: string, value: string) => `Figure: ${value} ${measure}`,
  /** The acknowledgement, as the reader's highlights say theirs. */
  annotatedToast: (value: string, measure: string) => `Annotated: ${value} ${measure}`,
};
