import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { indexTermOf } from '../../../src/core/search/pipeline';
import { buildSegment, decodeSegment, encodeSegment, indexedFields, Segment } from '../../../src/core/search/segment';
import { spellingSuggestions } from '../../../src/core/search/suggestions';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { documentsOf, engineOver } from '../../helpers/search';

let seed: CompactSearchEngine;
let documents: ArchiveDocument[];

beforeAll(async () => {
  documents = (await loadArchive(ARCHIVE_DIR)).documents;
  seed = CompactSearchEngine.fromDocuments(documents);
});

describe('“Did you mean …?” on the seed archive', () => {
  it('suggests the name as the archive writes it for a short misspelling that matches nothing', () => {
    const result = seed.search('Tokayv');
    expect(result.total).toBe(0);
    expect(result.suggestions).toEqual([{ word: 'Tokayv', suggestion: 'Tokayev', query: 'Tokayev' }]);
    expect(seed.search(result.suggestions?.[0].query ?? '').total).toBeGreaterThan(0);
  });

  it('suggests nothing for a transliteration the variants already find', () => {
    const result = seed.search('Tokaev');
    expect(result.total).toBeGreaterThan(0);
    expect(result.suggestions).toBeUndefined();
  });

  it('suggests nothing for any word the archive holds, however rare', () => {
    const asked = new Set<string>();
    for (const doc of documents) {
      const fields = indexedFields(doc);
      for (const token of [...fields.title, ...fields.byline, ...fields.body]) {
        if (/^\p{L}{4,}$/u.test(token.term) && indexTermOf(token.term) !== null) asked.add(token.term);
      }
    }
    expect(asked.size).toBeGreaterThan(500);
    const suggested = [...asked].filter((word) => seed.search(word, { limit: 1 }).suggestions !== undefined);
    expect(suggested).toEqual([]);
  }, 60_000);

  it('never puts “coup d’état” first for “detainess”', () => {
    const first = seed.search('detainess').hits[0];
    const marked = first?.snippets.flatMap((s) => s.matches.map(([a, b]) => s.text.slice(a, b))) ?? [];
    expect(marked.map((m) => m.toLowerCase())).not.toContain('d’état');
  });

  it('keeps the query’s operators, fields, phrases and boosts in the corrected query', () => {
    const result = seed.search('+Tokayv -Moscow title:"Tokayv said"^2 Almaty');
    expect(result.suggestions?.map((s) => s.query)).toEqual(['+Tokayev -Moscow title:"Tokayev said"^2 Almaty']);
  });

  it('looks inside parentheses, and keeps them', () => {
    const segments = [Segment.load(buildSegment(documents))];
    expect(spellingSuggestions('(Tokayv OR Nazarbayev) AND Almaty', segments, true).map((s) => s.query)).toEqual(['(Tokayev OR Nazarbayev) AND Almaty']);
  });

  it('suggests nothing for an excluded word or one asked with its own edit distance', () => {
    expect(seed.search('Almaty -Tokayv').suggestions).toBeUndefined();
    expect(seed.search('Tokayv~1').suggestions).toBeUndefined();
  });
});

describe('near spellings are words of the archive as written', () => {
  const engine = engineOver({
    'coup.txt': 'Coup\n\nThe word coup d’état was used twice: a coup d’état, they said.',
    'camp.txt': 'Camp\n\nThe detainees were moved to a camp; two detainees spoke to reporters.',
    'ru.txt': 'Президент\n\nПрезидент Токаев выступил с обращением. Токаев сказал это.',
  });

  it('“detainess” finds the detainees and never d’état', () => {
    const result = engine.search('detainess');
    expect(result.hits.map((h) => h.id)).toEqual(['camp.txt']);
    expect(result.suggestions?.[0]).toMatchObject({ word: 'detainess', suggestion: 'detainees', query: 'detainees' });
  });

  it('suggests a misspelt Cyrillic name as written', () => {
    const result = engine.search('Такаев');
    expect(result.total).toBe(0);
    expect(result.suggestions).toEqual([{ word: 'Такаев', suggestion: 'Токаев', query: 'Токаев' }]);
  });

  it('suggests the word with its typographic apostrophe and accent as the archive writes it', () => {
    const result = engine.search("d'etatt");
    expect(result.suggestions).toEqual([{ word: "d'etatt", suggestion: 'd’état', query: 'd’état' }]);
    expect(engine.search('d’etat').suggestions).toBeUndefined();
  });

  it('keeps the words as written through the index cache file, possessives aside', () => {
    const docs = documentsOf({ 'a.txt': 'Speech\n\nTokayev’s speech, then Nazarbayev’s and Nazarbayev’s again.' });
    const [segment] = [Segment.load(decodeSegment(encodeSegment(buildSegment(docs))))];
    expect(spellingSuggestions('Tokayv Nazarbaev', [segment], false)).toEqual([
      { word: 'Tokayv', suggestion: 'Tokayev', query: 'Tokayev Nazarbayev' },
      { word: 'Nazarbaev', suggestion: 'Nazarbayev', query: 'Tokayev Nazarbayev' },
    ]);
  });

  it('ranks a near spelling below the word as asked, however often and prominently it stands', () => {
    const mixed = engineOver({
      'near.txt': 'Liquified gas\n\nLiquified gas, liquified gas and more liquified gas.',
      'exact.txt': 'Prices\n\nThe prices rose for many reasons this winter, one of them liquefied gas.',
    });
    const result = mixed.search('liquefied');
    expect(result.hits.map((h) => [h.id, h.exact])).toEqual([
      ['exact.txt', true],
      ['near.txt', false],
    ]);
    expect(result.suggestions).toBeUndefined();
  });

  it('ranks the nearer spelling first, then the more frequent', () => {
    const ranked = engineOver({
      'a.txt': 'A\n\nsanctions sanctions sanctions',
      'b.txt': 'B\n\nsanctions and sanctioning',
      'c.txt': 'C\n\nsanctioned',
    });
    expect(ranked.search('sanctionz').suggestions?.[0].suggestion).toBe('sanctions');
  });
});
