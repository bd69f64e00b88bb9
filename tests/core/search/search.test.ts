import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive, parseDocument } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { CasefileError } from '../../../src/core/errors';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { buildSegment, Segment } from '../../../src/core/search/segment';
import { ARCHIVE_DIR, readArchiveFiles, wordOccurrences } from '../../helpers/archive-files';
import { documentsOf, hitIds } from '../../helpers/search';

const WORD = 'Zhanaozen';

/** The truth, from the files themselves: which contain the word, and where. */
const files = readArchiveFiles().map((f) => ({ ...f, text: f.raw.replace(/\r\n?/g, '\n').normalize('NFC') }));
const containing = files.filter((f) => f.text.includes(WORD));

let documents: ArchiveDocument[];
let engine: CompactSearchEngine;

beforeAll(async () => {
  documents = (await loadArchive(ARCHIVE_DIR)).documents;
  engine = CompactSearchEngine.fromDocuments(documents);
});

function textOf(id: string): string {
  const d = documents.find((doc) => doc.id === id);
  if (!d) throw new Error(`no document ${id}`);
  return d.text;
}

function expectInvalidQuery(run: () => unknown): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CasefileError);
  expect((caught as CasefileError).code).toBe('invalid-query');
}

function engineOver(texts: Record<string, string>): CompactSearchEngine {
  return CompactSearchEngine.fromDocuments(Object.entries(texts).map(([id, text]) => parseDocument(id, new TextEncoder().encode(text))));
}

describe(`searching the seed archive for "${WORD}"`, () => {
  it(`finds exactly the ${containing.length} articles whose text contains ${WORD}`, () => {
    expect(containing.length).toBe(3); // the seed archive as the brief describes it
    const result = engine.search(WORD);
    expect(result.query).toBe(WORD);
    expect(result.total).toBe(containing.length);
    expect(result.hits.map((h) => h.id).sort()).toEqual(containing.map((f) => f.name).sort());
  });

  it('is case-insensitive: "zhanaozen" and "ZHANAOZEN" find the same articles', () => {
    const ids = (q: string) => engine.search(q).hits.map((h) => h.id).sort();
    expect(ids('zhanaozen')).toEqual(ids(WORD));
    expect(ids('ZHANAOZEN')).toEqual(ids(WORD));
  });

  it('counts every occurrence of the word in each article as a match', () => {
    for (const hit of engine.search(WORD).hits) {
      expect(hit.matchCount).toBe(wordOccurrences(textOf(hit.id), WORD).length);
    }
  });

  it('orders hits by descending score', () => {
    const hits = engine.search(WORD).hits;
    for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
  });

  it('gives each hit the title, byline and date of its document', () => {
    for (const hit of engine.search(WORD).hits) {
      const d = documents.find((doc) => doc.id === hit.id);
      expect(hit.title).toBe(d?.title);
      expect(hit.byline).toBe(d?.byline);
      expect(hit.date).toEqual(d?.date);
    }
  });

  it('marks exactly the word in every snippet', () => {
    for (const hit of engine.search(WORD).hits) {
      expect(hit.snippets.length).toBeGreaterThan(0);
      for (const snippet of hit.snippets) {
        expect(snippet.matches.length).toBeGreaterThan(0);
        for (const [s, e] of snippet.matches) expect(snippet.text.slice(s, e)).toBe(WORD);
      }
    }
  });

  it('places each snippet at its offset in the document, and its matches at the occurrences of the word', () => {
    for (const hit of engine.search(WORD).hits) {
      const text = textOf(hit.id);
      const occurrences = wordOccurrences(text, WORD);
      const marked: number[] = [];
      for (const snippet of hit.snippets) {
        expect(text.slice(snippet.start, snippet.start + snippet.text.length).replace(/\n/g, ' ')).toBe(snippet.text);
        for (const [s] of snippet.matches) marked.push(snippet.start + s);
      }
      // Up to three snippets are shown; every occurrence is marked when there are no more than three.
      if (occurrences.length <= 3) expect(marked).toEqual(occurrences);
      else expect(occurrences).toEqual(expect.arrayContaining(marked));
    }
  });

  it('locate() gives ranges that slice to the word, at every occurrence, in order', () => {
    for (const file of containing) {
      const { ranges } = engine.locate(WORD, file.name);
      expect(ranges.map(([s]) => s)).toEqual(wordOccurrences(textOf(file.name), WORD));
      for (const [s, e] of ranges) expect(textOf(file.name).slice(s, e)).toBe(WORD);
    }
  });

  it('locate() gives no ranges in an article without the word', () => {
    const without = files.find((f) => !f.text.includes(WORD));
    expect(without).toBeDefined();
    expect(engine.locate(WORD, without?.name ?? '').ranges).toEqual([]);
  });
});

describe('search queries', () => {
  it('returns total 0 and no hits for an empty or blank query', () => {
    expect(engine.search('')).toEqual({ query: '', total: 0, hits: [], terms: [], variants: true });
    expect(engine.search('   \t ')).toMatchObject({ total: 0, hits: [] });
  });

  it('returns total 0 for a word that no article contains', () => {
    const word = 'xylophonequux';
    expect(files.some((f) => f.text.toLowerCase().includes(word))).toBe(false);
    expect(engine.search(word)).toMatchObject({ total: 0, hits: [] });
  });

  it.each(['foo:', 'title:', 'nosuchfield:Zhanaozen'])('refuses the malformed query %j with invalid-query', (query) => {
    expectInvalidQuery(() => engine.search(query));
  });

  it('refuses a query of 10,001 characters with invalid-query, in search and in locate', () => {
    const query = 'a'.repeat(10_001);
    expectInvalidQuery(() => engine.search(query));
    expectInvalidQuery(() => engine.locate(query, files[0].name));
  });

  it('accepts a query of exactly 10,000 characters', () => {
    expect(engine.search('q'.repeat(10_000)).total).toBe(0);
  });

  it('limits the hits but not the total', () => {
    const all = engine.search('Kazakhstan');
    expect(all.total).toBeGreaterThan(2);
    const limited = engine.search('Kazakhstan', { limit: 2 });
    expect(limited.total).toBe(all.total);
    expect(limited.hits.map((h) => h.id)).toEqual(all.hits.slice(0, 2).map((h) => h.id));
  });

  it('matches a possessive with a typographic apostrophe as the bare word ("Tokayev’s" finds the Tokayev articles)', () => {
    const ids = (q: string) => engine.search(q).hits.map((h) => h.id).sort();
    const expected = files.filter((f) => wordOccurrences(f.text, 'Tokayev').length > 0 || /Tokayev['’]s/.test(f.text));
    expect(ids('Tokayev’s')).toEqual(expected.map((f) => f.name).sort());
    expect(ids('Tokayev’s')).toEqual(ids('Tokayev'));
  });

  it.each(['Zhanaozen,', '"Zhanaozen"', '“Zhanaozen”'])(
    'ignores punctuation around a query word as the indexed text does: %s finds the articles with Zhanaozen',
    (query) => {
      expect(engine.search(query).hits.map((h) => h.id).sort()).toEqual(containing.map((f) => f.name).sort());
    },
  );

  it('searches a field: title:Uprisings finds only articles with the word in the title', () => {
    const withTitle = documents.filter((d) => /\buprisings?\b/i.test(d.title)).map((d) => d.id);
    expect(withTitle.length).toBeGreaterThan(0);
    expect(engine.search('title:Uprisings').hits.map((h) => h.id).sort()).toEqual(withTitle.sort());
  });
});

describe('search beyond Latin letters and straight apostrophes', () => {
  const small = engineOver({
    'ru.txt': 'Заявление\nПрезидент Токаев выступил с обращением.',
    'en.txt': 'Statement\nPresident Tokayev’s address was televised.',
    'mixed.txt': 'Both\nТокаев and Tokayev were named in the don’t-miss report.',
  });

  it('finds a Cyrillic word and marks it exactly (variants off)', () => {
    const result = small.search('Токаев', { variants: false });
    expect(result.hits.map((h) => h.id).sort()).toEqual(['mixed.txt', 'ru.txt']);
    for (const hit of result.hits) {
      for (const snippet of hit.snippets) for (const [s, e] of snippet.matches) expect(snippet.text.slice(s, e)).toBe('Токаев');
    }
  });

  it('finds the Cyrillic word whatever its case', () => {
    expect(small.search('токаев', { variants: false }).total).toBe(2);
    expect(small.search('ТОКАЕВ', { variants: false }).total).toBe(2);
  });

  it('finds the Latin spelling from the Cyrillic one, and back, ranked below the exact spelling', () => {
    const fromCyrillic = small.search('Токаев');
    expect(fromCyrillic.hits.map((h) => h.id)).toEqual(['mixed.txt', 'ru.txt', 'en.txt']);
    expect(fromCyrillic.hits.map((h) => h.exact)).toEqual([true, true, false]);
    expect(fromCyrillic.hits[2].matchedVariants).toEqual(['Tokayev’s']);
    const fromLatin = small.search('Tokayev');
    expect(fromLatin.hits.map((h) => h.id).slice(0, 2).sort()).toEqual(['en.txt', 'mixed.txt']);
    expect(fromLatin.hits.map((h) => h.id)[2]).toBe('ru.txt');
    expect(fromLatin.hits.find((h) => h.id === 'ru.txt')?.matchedVariants).toEqual(['Токаев']);
  });

  it('finds "Tokayev" in "Tokayev’s" and marks the whole written word', () => {
    const hit = small.search('Tokayev').hits.find((h) => h.id === 'en.txt');
    expect(hit).toBeDefined();
    const [snippet] = hit?.snippets ?? [];
    expect(snippet.matches.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['Tokayev’s']);
  });
});

describe('near spellings and long queries', () => {
  const small = engineOver({ 'slip.txt': 'Report\nThe price of liquified gas doubled.' });
  const filler = Array.from({ length: 16 }, (_, i) => `filler${'abcdefghijklmnop'[i]}`).join(' ');

  it('finds a one-edit spelling of a long word in a short query', () => {
    expect(small.search('liquefied').hits.map((h) => h.id)).toEqual(['slip.txt']);
  });

  it('adds no near spellings to a query of more than 16 terms (a pasted paragraph), but still finds the word as asked', () => {
    expect(small.search(`liquefied ${filler}`).total).toBe(0);
    expect(small.search(`liquified ${filler}`).hits.map((h) => h.id)).toEqual(['slip.txt']);
  });
});

describe('snippets say how each place matched', () => {
  it('labels a name variant as such and the word as asked as exact', () => {
    const small = engineOver({ 'both.txt': 'Report\nTokayev met Tokajev, or so it seemed.' });
    const [snippet] = small.search('Tokayev').hits[0].snippets;
    expect(snippet.matches.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['Tokayev', 'Tokajev']);
    expect(snippet.kinds).toEqual(['exact', 'variant']);
  });
});

describe('answers only from the version of a document that was indexed', () => {
  it('leaves out a changed or removed document before the index has caught up, whatever the live marks still say', () => {
    const documents = documentsOf({
      'kept.txt': 'Kept\n\nThe xenolith was found near the quarry.',
      'changed.txt': 'Changed\n\nA xenolith, then another xenolith, by the road.',
      'removed.txt': 'Removed\n\nOne more xenolith here.',
    });
    const current = new Map(documents.map((d) => [d.id, d]));
    const [changed] = documentsOf({ 'changed.txt': 'Changed\n\nNothing of the sort: basalt by the road, and more basalt.' });
    current.set('changed.txt', changed);
    current.delete('removed.txt');
    // The segment and its live marks as they were before the change.
    const engine = new CompactSearchEngine([Segment.load(buildSegment(documents))], current);
    expect(hitIds(engine.search('xenolith'))).toEqual(['kept.txt']);
    expect(hitIds(engine.search('"by the road"'))).toEqual([]);
    expect(hitIds(engine.search('-basalt'))).toEqual(['kept.txt']);
    expect(engine.locate('xenolith', 'changed.txt').ranges).toEqual([]);
  });
});
