import CSL from 'citeproc';
import { z } from 'zod';
import type { DocumentSummary } from '../archive/document';
import { pageLocator } from '../archive/page-numbers';
import { APA, CHICAGO_AUTHOR_DATE, LOCALE_EN_US } from './citation-styles';
import type { CitedSource, DossierContent, DossierQuote } from './model';

/**
 * Citations are rendered from CSL-JSON by citeproc-js with the CSL project's own styles (embedded in
 * citation-styles.ts, CC BY-SA 3.0), never by hand: the reference (author, date, title, outlet, URL,
 * date of retrieval) in the chosen style, then what Casefile adds to prove the quote — file, page
 * (of a PDF), paragraph, character offsets, SHA-256 — in the same words in every style.
 */
export const CITATION_STYLES = ['chicago-author-date', 'apa'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const DEFAULT_CITATION_STYLE: CitationStyle = 'chicago-author-date';

/** A date in CSL-JSON: the parts for the processor, the ISO date (`raw`) for machines. */
const CslDate = z.object({
  'date-parts': z.tuple([z.tuple([z.number().int(), z.number().int(), z.number().int()])]),
  raw: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
type CslDate = z.infer<typeof CslDate>;

/**
 * A source as CSL-JSON (the Citation Style Language's data format): what the manifest carries.
 * The byline is kept as written (`literal`): bylines name people and desks alike, so it is not
 * split into given and family names. `container-title` is the outlet or site (the archive's publisher).
 */
export const CslItem = z.object({
  id: z.string(),
  type: z.enum(['webpage', 'article-newspaper', 'document']),
  title: z.string(),
  author: z.array(z.object({ literal: z.string() })).optional(),
  issued: CslDate.optional(),
  accessed: CslDate.optional(),
  'container-title': z.string().optional(),
  URL: z.string().optional(),
  language: z.string().optional(),
});
export type CslItem = z.infer<typeof CslItem>;

/** When the file was retrieved, and on what ground the date is given. */
export interface RetrievalDate {
  /** YYYY-MM-DD */
  iso: string;
  basis: 'retrieved' | 'first-seen';
}

/**
 * The one place the date of retrieval is chosen: the capture or retrieval date the file's metadata
 * states, else the time Casefile first saw the file (from the custody ledger, when the caller has
 * it), else none.
 */
export function retrievalDateOf(doc: DocumentSummary, firstSeen: string | null = null): RetrievalDate | null {
  if (doc.retrieved) return { iso: doc.retrieved.iso, basis: 'retrieved' };
  if (firstSeen && /^\d{4}-\d{2}-\d{2}/.test(firstSeen)) return { iso: firstSeen.slice(0, 10), basis: 'first-seen' };
  return null;
}

/** When Casefile first saw a cited file, as the custody ledger gave it to the dossier (null if unknown). */
export function firstSeenIn(content: Pick<DossierContent, 'custody'>, docId: string): string | null {
  return content.custody?.sources.find((s) => s.docId === docId)?.firstSeen ?? null;
}

/** The source's CSL-JSON item: every bibliographic field its metadata has, dates as ISO. */
export function cslItemOf(doc: DocumentSummary, firstSeen: string | null = null): CslItem {
  const web = doc.url !== null || doc.format === 'html' || doc.format === 'htm';
  const item: CslItem = {
    id: doc.id,
    type: web ? 'webpage' : doc.publisher ? 'article-newspaper' : 'document',
    title: doc.title,
  };
  if (doc.byline) item.author = [{ literal: doc.byline }];
  const issued = doc.date && cslDate(doc.date.iso);
  if (issued) item.issued = issued;
  const retrieved = retrievalDateOf(doc, firstSeen);
  const accessed = retrieved && cslDate(retrieved.iso);
  if (accessed) item.accessed = accessed;
  if (doc.publisher) item['container-title'] = doc.publisher;
  if (doc.url) item.URL = doc.url;
  if (doc.language) item.language = doc.language;
  return item;
}

function cslDate(iso: string): CslDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? { 'date-parts': [[Number(match[1]), Number(match[2]), Number(match[3])]], raw: iso } : null;
}

/** A date as print writes it everywhere in a dossier: "March 5, 2024". */
export function writtenDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** A capture's time as print writes it: "December 4, 2026 at 17:59:52 UTC" (the date alone if no time is given). */
function writtenTime(iso: string): string {
  const time = /T(\d{2}:\d{2}(?::\d{2})?)/.exec(iso);
  return time && /Z$/.test(iso) ? `${writtenDate(iso)} at ${time[1]} UTC` : writtenDate(iso);
}

/**
 * The source's reference in a style, as plain text. When the style leaves the date of retrieval out
 * (Chicago does once a source is dated), it is added after the reference, so that every citation
 * says when the file was taken.
 */
export function formatReference(doc: DocumentSummary, style: CitationStyle, firstSeen: string | null = null): string {
  if (doc.capture) {
    // A page from a web archive: where and when it was captured is its provenance, said in full.
    const { accessed: _accessed, URL: _url, ...uncaptured } = cslItemOf(doc, firstSeen);
    return `${sentence(renderItem(uncaptured, style))} Captured from ${doc.capture.url} on ${writtenTime(doc.capture.capturedAt)}.`;
  }
  const item = cslItemOf(doc, firstSeen);
  const reference = renderItem(item, style);
  const retrieved = retrievalDateOf(doc, firstSeen);
  if (!retrieved || !item.accessed) return reference;
  const { accessed: _accessed, ...undated } = item;
  if (renderItem(undated, style) !== reference) return reference; // the style prints it
  const said = retrieved.basis === 'retrieved' ? 'Retrieved' : 'First seen by Casefile';
  return `${sentence(reference)} ${said} ${writtenDate(retrieved.iso)}.`;
}

/** How a citation's words and its identifiers (file names, digests) are written: plain for the PDF, Markdown with code spans. */
export interface CitationMarkup {
  text(words: string): string;
  code(identifier: string): string;
}

export const PLAIN: CitationMarkup = { text: (words) => words, code: (identifier) => identifier };

/** How a quote's citation is written: the style, when Casefile first saw the file (if known), the markup. */
export interface CitationOptions {
  style: CitationStyle;
  firstSeen?: string | null;
  markup?: CitationMarkup;
}

/**
 * The line that lets a reader find and check a quote: the source's reference in the style, then its
 * file, page or pages (of a PDF, so the quote can be found in the original), paragraph, character offsets and the first 16 hex digits of the file's SHA-256, and what
 * became of the quote if it no longer stands where it was taken.
 */
export function quoteCitation(source: CitedSource['doc'], quote: DossierQuote, { style, firstSeen = null, markup = PLAIN }: CitationOptions): string {
  const reference = 'sha256' in source ? formatReference(source, style, firstSeen) : null;
  return `${markup.text('Source: ')}${reference ? `${markup.text(sentence(reference))} ` : ''}${quoteLocator(source, quote, markup, reference !== null)}`;
}

/**
 * The part of a citation that finds and checks the quote (a claims table prints it alone, beside the
 * source's title): "File f, ¶ 3, characters 10–52, SHA-256 …." and what became of the quote.
 */
export function quoteLocator(source: CitedSource['doc'], quote: DossierQuote, { text, code }: CitationMarkup = PLAIN, capital = true): string {
  const place: string[] = [`${text(capital ? 'File' : 'file')} ${code(source.id)}`];
  if (quote.pages) place.push(text(pageLocator(quote.pages)));
  if (quote.paragraph !== null) place.push(text(`¶ ${quote.paragraph}`));
  if (quote.start !== null && quote.end !== null) place.push(text(`characters ${quote.start}–${quote.end}`));
  if ('sha256' in source) place.push(`${text('SHA-256')} ${code(source.sha256.slice(0, 16))}`);
  const status =
    quote.status === 'orphaned'
      ? ' Not found in the current source: quoted as recorded.'
      : quote.status === 'fuzzy'
        ? ' Needs review: the source was edited since the note was taken and a similar passage awaits review, so no place is cited; quoted as recorded.'
        : quote.status === 'moved'
          ? ' Moved: the source was edited since the note was taken; the quote was found at the offsets given.'
          : '';
  return `${place.join(', ')}${text(`.${status}`)}`;
}

/** Text that ends a sentence: a reference that ends in a URL (APA) is closed with a full stop. */
function sentence(text: string): string {
  return /[.!?…]["”’)]*$/.test(text) ? text : `${text}.`;
}

// Building a style's engine takes seconds (citeproc expands every macro of the style), so each is
// built once per process, and each reference rendered once.
const engines = new Map<CitationStyle, InstanceType<typeof CSL.Engine>>();
const rendered = new Map<string, string>();
const MAX_RENDERED = 2000;
let itemForEngine: object = {};
/** The engine keeps what it retrieved under an id: every rendering asks for a new one. */
let renderings = 0;

const STYLE_XML: Record<CitationStyle, string> = { 'chicago-author-date': CHICAGO_AUTHOR_DATE, apa: APA };

function engineFor(style: CitationStyle): InstanceType<typeof CSL.Engine> {
  let engine = engines.get(style);
  if (!engine) {
    const sys = {
      // Only en-US is embedded; for any other language the style's own terms and en-US serve.
      retrieveLocale: (lang: string) => (lang === 'en-US' ? LOCALE_EN_US : undefined),
      retrieveItem: () => itemForEngine,
    };
    engine = new CSL.Engine(sys, STYLE_XML[style], 'en-US', true);
    engine.setOutputFormat('text');
    engines.set(style, engine);
  }
  return engine;
}

/** One item's bibliography entry in a style. Titles print as written: no case is changed. */
export function renderItem(item: CslItem, style: CitationStyle): string {
  const key = `${style}\u0000${JSON.stringify(item)}`;
  const known = rendered.get(key);
  if (known !== undefined) return known;
  const engine = engineFor(style);
  const id = `source-${++renderings}`;
  itemForEngine = {
    ...item,
    id,
    title: asWritten(item.title),
    ...(item['container-title'] ? { 'container-title': asWritten(item['container-title']) } : {}),
  };
  engine.updateItems([id]);
  const bibliography = engine.makeBibliography();
  const text = bibliography ? bibliography[1].join('').trim() : item.title;
  if (rendered.size >= MAX_RENDERED) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, text);
  return text;
}

/** CSL rich-text markup that keeps a field's letters as written (no title or sentence case). */
function asWritten(text: string): string {
  return `<span class="nocase">${text}</span>`;
}
