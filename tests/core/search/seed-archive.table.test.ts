/**
 * Issue 3, proved on the seed archive: every query of the issue, with name variants on and off, and
 * the documents it must find. The expected documents, the places to mark and the variants to name
 * are found by grep over the files' text (normalized as the archive does: CRLF → LF, NFC) or over the
 * titles and bylines, never by running the search.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import type { SearchResult } from '../../../src/core/search/search-engine';
import { ARCHIVE_DIR, readArchiveFiles } from '../../helpers/archive-files';
import { Spellings } from '../../helpers/grep';
import { expectExactHitsFirst, hitIds, markedRanges } from '../../helpers/search';

/** One article as grep sees it. */
interface GrepDoc {
  id: string;
  text: string;
  title: string;
  byline: string;
}

type Field = 'text' | 'title' | 'byline';

/** A term of the query: the forms it matches as asked, and those it matches only as variants. */
interface Term {
  asked: Spellings;
  variants?: Spellings;
}

/**
 * The query's terms by presence. A document is found when it has every `must` (or, with none, some
 * `should`; or, with neither, when the query has only exclusions) and no `mustNot`.
 */
interface QueryTerms {
  must?: Term[];
  should?: Term[];
  mustNot?: Term[];
  /** Where the terms are looked for (default: the text). */
  field?: Field;
}

interface Row {
  name: string;
  query: string;
  variants: boolean;
  terms: QueryTerms;
  /** An explicit `~N`: near spellings are matched even with variants off. */
  fuzzyAlways: boolean;
  /** What grep finds today, by id prefix: guards against a row that holds because it finds nothing. */
  ids: string[];
}

const files = readArchiveFiles().map((f) => ({ id: f.name, text: f.raw.replace(/\r\n?/g, '\n').normalize('NFC') }));
let grepDocs: GrepDoc[];
let documents: ArchiveDocument[];
let engine: CompactSearchEngine;

beforeAll(async () => {
  documents = (await loadArchive(ARCHIVE_DIR)).documents;
  engine = CompactSearchEngine.fromDocuments(documents);
  grepDocs = files.map((f) => {
    const doc = documents.find((d) => d.id === f.id);
    return { ...f, title: doc?.title ?? '', byline: doc?.byline ?? '' };
  });
});

// ---- the truth, by grep ----

function formsOf(term: Term, row: Row): Spellings {
  return term.variants && (row.variants || row.fuzzyAlways) ? term.asked.or(term.variants) : term.asked;
}

function positiveTerms(row: Row): Term[] {
  return [...(row.terms.must ?? []), ...(row.terms.should ?? [])];
}

function unionOf(spellings: Spellings[]): Spellings | null {
  return spellings.length === 0 ? null : spellings.reduce((a, b) => a.or(b));
}

/** Every written form a mark of this row may read (null: nothing is marked). */
function markForms(row: Row): Spellings | null {
  return unionOf(positiveTerms(row).map((t) => formsOf(t, row)));
}

/** The written forms that match only as variants or near spellings (null with variants off). */
function variantForms(row: Row): Spellings | null {
  if (!row.variants && !row.fuzzyAlways) return null;
  return unionOf(positiveTerms(row).flatMap((t) => (t.variants ? [t.variants] : [])));
}

function fieldOf(row: Row, doc: GrepDoc): string {
  return doc[row.terms.field ?? 'text'];
}

function expectedFound(row: Row, doc: GrepDoc): boolean {
  const has = (t: Term) => formsOf(t, row).isIn(fieldOf(row, doc));
  const { must = [], should = [], mustNot = [] } = row.terms;
  const positive = must.length > 0 ? must.every(has) : should.length > 0 ? should.some(has) : true;
  return positive && !mustNot.some(has);
}

/** A found document is an exact hit when some term of the query stands in it as asked. */
function expectedExact(row: Row, doc: GrepDoc): boolean {
  return positiveTerms(row).some((t) => t.asked.isIn(fieldOf(row, doc)));
}

function expectedDocs(row: Row): GrepDoc[] {
  return grepDocs.filter((d) => expectedFound(row, d));
}

/** Body queries mark every place the text has a form of the query: these. */
function expectedMarks(row: Row, doc: GrepDoc): Array<[number, number]> {
  return markForms(row)?.occurrences(doc.text) ?? [];
}

// ---- the table ----

const RUZAKHUNOV = Spellings.of('Ruzakhunov');
const RUZAKUNOV = Spellings.of('Ruzakunov');
const RUZAKHNUNOV = Spellings.of('Ruzakhnunov');
const TOKAYEV = Spellings.of('Tokayev');
const TOKAYEV_SPELLINGS = ['Tokayev', 'Tokajev', 'Tokaev', 'Tokajew', 'Токаев'];
const ZHANAOZEN = Spellings.of('Zhanaozen');
const JANAOZEN = Spellings.of('Janaozen');
const LIQUEFIED = Spellings.of('liquefied');
const LIQUIFIED = Spellings.of('liquified');
const ALMATY_SPELLINGS = ['Almaty', 'Alma-Ata', 'Алматы'];

/** A name asked in one spelling, its other spellings being variants. */
function name(asked: string, spellings: string[]): Term {
  return { asked: Spellings.of(asked), variants: Spellings.of(...spellings.filter((s) => s !== asked)) };
}

const tokayev: Term = name('Tokayev', TOKAYEV_SPELLINGS);
const zhanaozen: Term = { asked: ZHANAOZEN, variants: Spellings.of('Janaozen', 'Жанаозен') };
const ruzakhunov: Term = { asked: RUZAKHUNOV, variants: RUZAKUNOV.or(RUZAKHNUNOV) };
const liquefied: Term = { asked: LIQUEFIED, variants: LIQUIFIED };

/** The same query with variants on and off, and the ids grep finds in each case. */
function rows(query: string, terms: QueryTerms, on: string[], off: string[], { fuzzyAlways = false } = {}): Row[] {
  return [
    { name: `${query} (variants on)`, query, variants: true, terms, fuzzyAlways, ids: on },
    { name: `${query} (variants off)`, query, variants: false, terms, fuzzyAlways, ids: off },
  ];
}

const one = (term: Term): QueryTerms => ({ should: [term] });

const ROWS: Row[] = [
  // The AP article (004) writes Ruzakhunov’s, Ruzakunov and Ruzakhnunov; 000 writes Ruzakhunov.
  ...rows('Ruzakhunov', one(ruzakhunov), ['000', '004'], ['000', '004']),
  ...rows('Ruzakunov', one({ asked: RUZAKUNOV, variants: RUZAKHUNOV }), ['000', '004'], ['004']),
  // 000 writes Kasym-Zhomart; the others Kassym-Jomart.
  ...rows('Kassym-Jomart', one(name('Kassym-Jomart', ['Kasym-Zhomart', 'Kasym-Jomart', 'Kassym-Zhomart'])), ['000', '001', '003', '004'], ['001', '003', '004']),
  ...rows('Kasym-Zhomart', one(name('Kasym-Zhomart', ['Kassym-Jomart', 'Kasym-Jomart', 'Kassym-Zhomart'])), ['000', '001', '003', '004'], ['000']),
  ...rows(
    '"Kassym-Jomart Tokayev"',
    one({ asked: Spellings.of('Kassym-Jomart Tokayev'), variants: Spellings.of('Kasym-Zhomart Tokayev', 'Kassym-Jomart Tokajev') }),
    ['000', '001', '003', '004'],
    ['001', '003', '004'],
  ),
  // 003 writes Tokajev once; four articles write Tokayev.
  ...rows('Tokajev', one(name('Tokajev', TOKAYEV_SPELLINGS)), ['000', '001', '003', '004'], ['003']),
  ...rows('Tokayev’s', one(tokayev), ['000', '001', '003', '004'], ['000', '001', '003', '004']),
  ...rows("Tokayev's", one(tokayev), ['000', '001', '003', '004'], ['000', '001', '003', '004']),
  ...rows('Токаев', one(name('Токаев', TOKAYEV_SPELLINGS)), ['000', '001', '003', '004'], []),
  // Only adjacent and in order: 003's "fire without warning" and 001's "shoot to kill" do not count.
  ...rows('"shoot without warning"', one({ asked: Spellings.of('shoot without warning') }), ['002', '003'], ['002', '003']),
  ...rows('"without warning"', one({ asked: Spellings.of('without warning') }), ['002', '003'], ['002', '003']),
  // 001 writes liquified.
  ...rows('liquefied', one(liquefied), ['000', '001', '002'], ['000', '002']),
  ...rows('liquified', one({ asked: LIQUIFIED, variants: LIQUEFIED }), ['000', '001', '002'], ['001']),
  ...rows('liquefied~1', one(liquefied), ['000', '001', '002'], ['000', '001', '002'], { fuzzyAlways: true }),
  ...rows('liquef*', one({ asked: Spellings.startingWith('liquef') }), ['000', '002'], ['000', '002']),
  // 004 writes 16,000.
  ...rows('16,000', one({ asked: Spellings.of('16,000', '16000') }), ['004'], ['004']),
  ...rows('16000', one({ asked: Spellings.of('16,000', '16000') }), ['004'], ['004']),
  // No article writes Janaozen, Alma-Ata or Nazarbaev: found only as variants.
  ...rows('Zhanaozen', one(zhanaozen), ['001', '002', '003'], ['001', '002', '003']),
  ...rows('Janaozen', one({ asked: JANAOZEN, variants: ZHANAOZEN }), ['001', '002', '003'], []),
  ...rows('Almaty', one(name('Almaty', ALMATY_SPELLINGS)), ['000', '001', '002', '003', '004'], ['000', '001', '002', '003', '004']),
  ...rows('Alma-Ata', one(name('Alma-Ata', ALMATY_SPELLINGS)), ['000', '001', '002', '003', '004'], []),
  ...rows('Nazarbaev', one(name('Nazarbaev', ['Nazarbayev', 'Назарбаев'])), ['001', '003', '004'], []),
  // Operators.
  ...rows('+Tokayev -Zhanaozen', { must: [tokayev], mustNot: [zhanaozen] }, ['000', '004'], ['000', '004']),
  ...rows('Tokayev AND Zhanaozen', { must: [tokayev, zhanaozen] }, ['001', '003'], ['001', '003']),
  ...rows('Tokayev NOT Zhanaozen', { should: [tokayev], mustNot: [zhanaozen] }, ['000', '004'], ['000', '004']),
  ...rows('Tokayev -Zhanaozen', { should: [tokayev], mustNot: [zhanaozen] }, ['000', '004'], ['000', '004']),
  // Exclusions alone: every document without the word, as in lunr.
  ...rows('-Zhanaozen', { mustNot: [zhanaozen] }, ['000', '004'], ['000', '004']),
  ...rows('NOT Zhanaozen', { mustNot: [zhanaozen] }, ['000', '004'], ['000', '004']),
  ...rows('-Tokajev', { mustNot: [name('Tokajev', TOKAYEV_SPELLINGS)] }, ['002'], ['000', '001', '002', '004']),
  ...rows('liquefied OR Ruzakhunov', { should: [liquefied, ruzakhunov] }, ['000', '001', '002', '004'], ['000', '002', '004']),
  ...rows('+liquefied +Ruzakhunov', { must: [liquefied, ruzakhunov] }, ['000'], ['000']),
  ...rows('"shoot without warning" -Zhovtis', { should: [{ asked: Spellings.of('shoot without warning') }], mustNot: [{ asked: Spellings.of('Zhovtis') }] }, ['002'], ['002']),
  // Wildcards.
  ...rows('protest*', one({ asked: Spellings.startingWith('protest') }), ['000', '001', '002', '003', '004'], ['000', '001', '002', '003', '004']),
  // Fields: titles and bylines as the archive reads them.
  ...rows('title:activists', { should: [{ asked: Spellings.of('activists') }], field: 'title' }, ['004'], ['004']),
  ...rows('title:"Bloody January"', { should: [{ asked: Spellings.of('Bloody January') }], field: 'title' }, ['001'], ['001']),
  ...rows('title:protest*', { should: [{ asked: Spellings.startingWith('protest') }], field: 'title' }, ['000', '004'], ['000', '004']),
  ...rows('title:Tokayev', { should: [tokayev], field: 'title' }, [], []),
  ...rows(
    'title:Kazakhstan -title:activists',
    { should: [{ asked: Spellings.of('Kazakhstan') }], mustNot: [{ asked: Spellings.of('activists') }], field: 'title' },
    ['000', '001', '002', '003'],
    ['000', '001', '002', '003'],
  ),
  ...rows('byline:Toleukhanova', { should: [{ asked: Spellings.of('Toleukhanova') }], field: 'byline' }, ['001'], ['001']),
];

// ---- the checks ----

function search(row: Row): SearchResult {
  return engine.search(row.query, { variants: row.variants });
}

function grepDoc(id: string): GrepDoc {
  const doc = grepDocs.find((d) => d.id === id);
  if (!doc) throw new Error(`no archive file ${id}`);
  return doc;
}

const isBodyQuery = (row: Row): boolean => (row.terms.field ?? 'text') === 'text';

it('reads the same normalized text as grep does, for the five seed articles', () => {
  expect(grepDocs.map((d) => d.id)).toEqual(documents.map((d) => d.id));
  expect(grepDocs).toHaveLength(5);
  for (const doc of grepDocs) expect(documents.find((d) => d.id === doc.id)?.text).toBe(doc.text);
});

describe.each(ROWS)('$name', (row) => {
  it(`grep finds [${row.ids.join(', ')}]`, () => {
    expect(expectedDocs(row).map((d) => d.id.slice(0, 3))).toEqual(row.ids);
  });

  it('finds exactly the documents grep finds', () => {
    const result = search(row);
    expect(hitIds(result)).toEqual(expectedDocs(row).map((d) => d.id));
    expect(result.total).toBe(row.ids.length);
    expect(result.variants).toBe(row.variants);
  });

  it('marks only written forms of the query, and in the body every place grep finds', () => {
    const forms = markForms(row);
    for (const hit of search(row).hits) {
      const doc = grepDoc(hit.id);
      const marked = markedRanges(hit);
      for (const [s, e] of marked) expect(forms?.matchesWhole(doc.text.slice(s, e)), doc.text.slice(s, e)).toBe(true);
      if (isBodyQuery(row)) {
        expect(marked).toEqual(expectedMarks(row, doc));
        expect(hit.matchCount).toBe(marked.length);
      }
    }
  });

  it('flags as exact the hits with a term as asked, and ranks every other hit below them', () => {
    const result = search(row);
    for (const hit of result.hits) expect([hit.id, hit.exact]).toEqual([hit.id, expectedExact(row, grepDoc(hit.id))]);
    expectExactHitsFirst(result);
  });

  it('names in matchedVariants each variant as the document writes it, and nothing else', () => {
    const forms = variantForms(row);
    for (const hit of search(row).hits) {
      const written = forms ? forms.writtenIn(fieldOf(row, grepDoc(hit.id))) : [];
      expect([hit.id, [...hit.matchedVariants].sort()]).toEqual([hit.id, written]);
    }
  });

});

describe.each(ROWS.filter(isBodyQuery))('$name', (row) => {
  it('locate() gives the same places as the snippets, each marked as exact or as a variant', () => {
    const variantsOnly = variantForms(row);
    for (const doc of grepDocs) {
      const located = engine.locate(row.query, doc.id, { variants: row.variants });
      const expected = expectedFound(row, doc) ? expectedMarks(row, doc) : [];
      expect(located.ranges).toEqual(expected);
      const kinds = located.ranges.map(([s, e]) => (variantsOnly?.matchesWhole(doc.text.slice(s, e)) ? 'not exact' : 'exact'));
      expect(located.kinds.map((k) => (k === 'exact' ? 'exact' : 'not exact'))).toEqual(kinds);
    }
  });
});

describe('queries the table cannot express', () => {
  it('Tokayev’s and Tokayev\'s give the same hits with the same scores', () => {
    for (const variants of [true, false]) {
      const typographic = engine.search('Tokayev’s', { variants });
      const straight = engine.search("Tokayev's", { variants });
      expect(straight.hits).toEqual(typographic.hits);
    }
  });

  it('16,000 and 16000 give the same hits with the same scores', () => {
    expect(engine.search('16000').hits).toEqual(engine.search('16,000').hits);
  });

  it('variant hits of Kassym-Jomart name "Kasym-Zhomart", as 000 writes it', () => {
    const hit = engine.search('Kassym-Jomart').hits.find((h) => h.id.startsWith('000'));
    expect(hit?.exact).toBe(false);
    expect(hit?.matchedVariants).toEqual(['Kasym-Zhomart']);
  });

  // Caught a bug: each clause runs as its own lunr query, and lunr divides a score by the query
  // vector's length, so a clause's boost cancelled out.
  it('a boost raises its term: Tokayev^100 Zhanaozen ranks the articles with Tokayev alone above those with Zhanaozen alone', () => {
    const tokayevOnly = grepDocs.filter((d) => TOKAYEV.isIn(d.text) && !ZHANAOZEN.isIn(d.text)).map((d) => d.id);
    const zhanaozenOnly = grepDocs.filter((d) => ZHANAOZEN.isIn(d.text) && !TOKAYEV.isIn(d.text)).map((d) => d.id);
    expect(tokayevOnly.length).toBeGreaterThan(0);
    expect(zhanaozenOnly.length).toBeGreaterThan(0);
    for (const variants of [true, false]) {
      const order = engine.search('Tokayev^100 Zhanaozen', { variants }).hits.map((h) => h.id);
      const lastTokayevOnly = Math.max(...tokayevOnly.map((id) => order.indexOf(id)));
      const firstZhanaozenOnly = Math.min(...zhanaozenOnly.map((id) => order.indexOf(id)));
      expect(lastTokayevOnly).toBeLessThan(firstZhanaozenOnly);
    }
  });

  // Caught a bug: the headline is both the title field and the first line of the body, and its
  // words were counted twice in the term counts.
  it('counts a word of the headline once: the term counts in one document equal the places located there', () => {
    const uprisings = Spellings.of('Uprisings');
    const doc = grepDocs.find((d) => uprisings.isIn(d.title)) as GrepDoc;
    const located = engine.locate('Uprisings', doc.id);
    expect(located.ranges.length).toBeGreaterThan(0);
    expect(located.terms[0].occurrences).toBe(located.ranges.length);
  });

  it('lists each term of the query with its counts, and the variants it matched', () => {
    const [kassym, zh] = engine.search('Kassym-Jomart Zhanaozen').terms;
    const kasymZhomart = Spellings.of('Kasym-Zhomart');
    const places = (spellings: Spellings) => grepDocs.reduce((n, d) => n + spellings.occurrences(d.text).length, 0);
    expect(kassym.term).toBe('Kassym-Jomart');
    expect(kassym.variants).toEqual([{ text: 'Kasym-Zhomart', occurrences: places(kasymZhomart) }]);
    expect(zh).toMatchObject({ term: 'Zhanaozen', documents: grepDocs.filter((d) => ZHANAOZEN.isIn(d.text)).length, variants: [] });
    expect(zh.occurrences).toBe(places(ZHANAOZEN));
  });
});
