import { plural } from './plural';

type Status = 'indexed' | 'skipped' | 'failed';

/** The English strings of the ingest part of the interface (see ../catalogue.ts): the ingest report and adding files. */
export const ingest = {
  statuses: { indexed: 'Indexed', skipped: 'Skipped', failed: 'Failed' } satisfies Record<Status, string>,
  /** What each outcome means, in words (the colour of its label only repeats it). */
  meanings: {
    indexed: 'Read and searchable.',
    skipped:
      'Left out on purpose: not a source Casefile reads (hidden or temporary files, links, other formats, empty, binary or oversized files). The file is untouched.',
    failed: 'Casefile tried to read it and could not (unreadable, or it vanished or kept changing while read). It is read again when it changes.',
  } satisfies Record<Status, string>,
  /** "Skipped: not a supported format (.jpg)". */
  outcome: (status: string, reason: string) => `${status}: ${reason}`,
  report: {
    title: 'Ingest report',
    summary: (files: number, indexed: number, skipped: number, failed: number) =>
      `${plural(files, 'file')} in the archive folder: ${indexed} indexed, ${skipped} skipped, ${failed} failed.`,
    reading: 'Reading the report…',
    show: 'Show',
    all: 'All',
    nameContains: 'File name contains',
    columns: { file: 'File', status: 'Outcome', format: 'Format', encoding: 'Encoding' },
    filesOf: { all: 'Every file', indexed: 'Indexed files', skipped: 'Skipped files', failed: 'Failed files' } satisfies Record<Status | 'all', string>,
    /** The table's caption: which files, how many, in which order. */
    caption: (files: string, text: string | null, count: number, column: string) => `${files}${text ? ` whose name contains “${text}”` : ''}: ${count}, sorted by ${column}`,
    noMatch: { all: 'No files match.', indexed: 'No files indexed match.', skipped: 'No files skipped match.', failed: 'No files failed match.' } satisfies Record<Status | 'all', string>,
    showAll: (rows: number, more: number) => `Show all ${rows} rows (${more} more)`,
    close: 'Close',
    captures: (n: number) => plural(n, 'captured record'),
    captureIndexed: 'indexed',
    captureNotIndexed: 'not indexed',
  },
  adding: {
    added: 'Files added',
    adding: 'Adding files',
    /** Said when the dialog was hidden before the end. */
    addedToast: (summary: string) => `Files added — ${summary}`,
    done: (summary: string) => `${summary}. Copies are in the archive folder; the files you chose are untouched.`,
    stopping: (done: number, total: number) => `Stopping after the files on their way (${done} of ${plural(total, 'file')} done)…`,
    copying: (done: number, total: number) => `Copying ${done} of ${plural(total, 'file')} into the archive…`,
    caption: 'What became of each file',
    file: 'File',
    outcome: 'Outcome',
    storedAs: 'In the archive as',
    searchableSoon: 'Indexed files are searchable as soon as indexing finishes (shown under the search box).',
    cancelRest: 'Cancel the rest',
    close: 'Close',
    hide: 'Hide (the files are still added)',
    notAdded: 'Not added',
    renamed: (why: string) => ` (renamed: ${why})`,
    nameTaken: 'a file of that name is already in the archive',
    plainName: 'made a plain file name',
    /** "2 files: 1 indexed, 1 skipped": the outcomes that occurred, counted. */
    summary: (files: number, outcomes: { indexed: number; skipped: number; failed: number; notAdded: number }) =>
      `${plural(files, 'file')}: ${[
        [outcomes.indexed, 'indexed'],
        [outcomes.skipped, 'skipped'],
        [outcomes.failed, 'failed'],
        [outcomes.notAdded, 'not added'],
      ]
        .flatMap(([n, outcome]) => (Number(n) > 0 ? [`${n} ${outcome}`] : []))
        .join(', ')}`,
    cannotRead: (file: string, why: string | null) => `${file} could not be read (${why ?? 'no reason given'})`,
    tooLarge: (mebibytes: number) => `larger than ${mebibytes} MiB: not an article, not copied`,
    cancelled: 'cancelled: not copied',
    noAnswer: 'the archive did not say what became of it',
  },
};
