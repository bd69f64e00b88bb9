import { plural } from './plural';
import { BOILERPLATE_LABEL } from '../../boilerplate';

/** The English strings of the reader part of the interface (see ../catalogue.ts). */

/** "1 page", "3 pages": as the interface always printed them (no thousands separator). */
const pages = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`;

export const reader = {
  label: 'Reader',
  editMetadata: 'Edit metadata…',
  hits: 'Search hits',
  previousHit: 'Previous hit',
  nextHit: 'Next hit',
  hitOf: (hit: number, total: number) => `Hit ${hit} of ${total}`,
  /** Said to screen readers when an article opens (the focus stays in the results). */
  opened: (title: string, hits: number) => `Opened “${title}”${hits > 0 ? `, ${plural(hits, 'search hit')}` : ''}.`,
  /** How a hit that is not the word as asked is named (title, hit navigation, legend). */
  kinds: { variant: 'name variant', fuzzy: 'near spelling' },
  /** The legend's sample (drawn dashed) and what it means. */
  legendSample: 'dashed',
  legendMeaning: '= name variant or near spelling',
  inThisArticle: 'In this article:',
  articleText: 'Article text',
  boilerplateLabel: BOILERPLATE_LABEL,
  boilerplateTitle: 'Web page furniture (teasers, share and comment prompts): kept in the text, left out of search and snippets',
  reviewTitle: 'Needs review: the source changed here. Compare the old and new text in the sidebar, then accept or detach.',
  colors: { yellow: 'yellow', green: 'green', blue: 'blue', pink: 'pink', orange: 'orange' },
  /** A highlight's tooltip: its colour (or colours, where highlights overlap) in words. */
  highlightTitle: (...colors: string[]) => `${colors.join(' and ')} highlight`,
  /** A PDF page's start in the text: shown, and said to screen readers. */
  pageMarker: (page: number) => `p. ${page}`,
  pageOf: (page: number, count: number) => `Page ${page} of ${count}`,
  info: {
    label: 'Document information',
    format: 'Format',
    pages,
    encoding: 'Encoding',
    publisher: 'Publisher',
    url: 'URL',
    captured: 'Captured',
    webArchive: 'Web archive',
    warcRecord: 'WARC record',
    redirectedFrom: 'Redirected from',
    payloadDigest: 'Payload digest',
    digestMatches: 'matches the captured bytes',
    digestMismatch: 'does NOT match the captured bytes: cut short or altered',
    digestUnchecked: 'not checked (unknown algorithm)',
    retrieved: 'Retrieved',
    language: 'Language',
    dateline: 'Dateline',
  },
  toolbar: {
    label: 'New highlight',
    /** The selected passage, quoted above the form. */
    quoted: (quote: string) => `“${quote}”`,
    note: 'Note',
    tags: 'Tags, separated by commas',
    save: 'Save highlight',
    /** The keys line; the keys themselves are drawn by the caller. */
    keys: <T>(k: { h: T; n: T; t: T; save: T; cancel: T }) => [
      'Keys: ',
      k.h,
      ' highlight at once · ',
      k.n,
      ' note · ',
      k.t,
      ' tags · ',
      k.save,
      ' save · ',
      k.cancel,
      ' cancel',
    ],
  },
  metadata: {
    title: 'Edit metadata',
    submit: 'Save corrections',
    /** The note above the form; the file's name is drawn by the caller. */
    about: <T>(file: T) => [
      'Corrections are kept in Casefile’s data folder; the source file ',
      file,
      ' is never changed. Empty a field to drop your correction: what the file says shows again.',
    ],
    fields: {
      title: 'Title',
      byline: 'Byline (author)',
      publisher: 'Publisher or source',
      url: 'Source URL',
      date: 'Date published',
      retrieved: 'Retrieved on',
      language: 'Language',
    },
    corrected: ' · your correction',
    fileValue: 'the file’s own value',
  },
  pageView: {
    title: 'Page view',
    print: 'Print…',
    close: 'Close',
    file: 'File',
    pages,
    page: (page: number) => `Page ${page}`,
    /** Said to screen readers around a paragraph's (visible) number. */
    paragraph: 'Paragraph ',
    paragraphStarts: ': ',
    paragraphContinues: ' continued: ',
    /** A PDF source shown as its pages (PdfPages.tsx). */
    pdf: {
      show: 'Show the source as',
      text: 'Text',
      pages: 'Pages',
      region: 'Pages of the PDF',
      loading: 'Drawing the pages…',
      failed: (error: string) => `The PDF’s pages cannot be shown: ${error}`,
      ambiguous:
        'This passage occurs more than once in the document’s text with the same words around it: select a longer passage, so it is plain which one is meant. Nothing was highlighted.',
      absent: 'This passage is not in the document’s text as Casefile read it (the page’s text differs there). Nothing was highlighted: select it in the text view.',
      dismiss: 'Dismiss',
    },
  },
};
