import { plural } from './plural';

/** The English strings of near-duplicate documents: copies folded in the results and the side-by-side comparison (see ../catalogue.ts). */

const percent = (share: number) => `${Math.round(share * 100)}%`;

export const duplicates = {
  /** Under a result whose copies (reprints, light edits) were folded into it. */
  alsoIn: (n: number) => `Also in ${plural(n, 'other source')}`,
  copiesLabel: (title: string) => `Copies of “${title}” among the results`,
  inCommon: (share: number) => `${percent(share)} in common`,
  open: 'Open',
  openTitle: (title: string) => `Open “${title}”`,
  compare: 'Compare',
  compareTitle: (title: string) => `Compare with “${title}” word by word`,
  dialogTitle: 'Compare documents',
  summary: (share: number) => `${percent(share)} of their wording in common.`,
  tooDifferent: 'These documents are too different to compare word by word.',
  changes: (n: number) => (n === 0 ? 'No differences in the text.' : plural(n, 'difference')),
  /** The legend: what the marks mean (also said to screen readers, which do not announce del/ins). */
  removedMark: 'only in the first:',
  addedMark: 'only in the second:',
  previousChange: 'Previous difference',
  nextChange: 'Next difference',
  changeOf: (at: number, total: number) => `Difference ${at} of ${total}`,
  close: 'Close',
  loading: 'Comparing…',
};
