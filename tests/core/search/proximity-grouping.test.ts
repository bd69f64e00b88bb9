import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { SearchCache } from '../../../src/core/search/search-cache';
import { buildSegment, Segment } from '../../../src/core/search/segment';
import { countWords, normalizeTerm, words } from '../../../src/core/search/tokenizer';
import { variantKey } from '../../../src/core/search/variants';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { engineOver, hitIds, markedRanges, markedTexts, thrownBy } from '../../helpers/search';

/** A document: a title line, then its words. */
const doc = (...body: string[]) => `Report\n\n${body.join(' ')}.\n`;

describe('proximity: "a b"~N', () => {
  const texts = {
    'adjacent.txt': doc('the security forces opened fire'),
    'reversed.txt': doc('forces of the security service'),
    // Four words between, a stop word among them: the text's words all count.
    'apart.txt': doc('security was tight, the armed forces waited'),
    'far.txt': doc('security', ...Array.from({ length: 12 }, (_, i) => `filler${'abcdefghijkl'[i]}`), 'forces'),
    'neither.txt': doc('police arrived at noon'),
  };
  const engine = engineOver(texts);

  it.each([
    ['"security forces"~0', ['adjacent.txt']],
    ['"forces security"~0', ['adjacent.txt']],
    ['"security forces"~2', ['adjacent.txt', 'reversed.txt']],
    ['"security forces"~4', ['adjacent.txt', 'apart.txt', 'reversed.txt']],
    ['"security forces"~12', ['adjacent.txt', 'apart.txt', 'far.txt', 'reversed.txt']],
    ['"security forces"~11', ['adjacent.txt', 'apart.txt', 'reversed.txt']],
  ])('%s finds the words with at most N others between them, in either order', (query, ids) => {
    expect(hitIds(engine.search(query))).toEqual(ids);
  });

  it('keeps a plain phrase adjacent and in order', () => {
    expect(hitIds(engine.search('"security forces"'))).toEqual(['adjacent.txt']);
    expect(hitIds(engine.search('"forces security"'))).toEqual([]);
  });

  it('marks the words where they stand near each other, not the words between', () => {
    const hit = engine.search('"security forces"~4').hits.find((h) => h.id === 'apart.txt');
    expect(hit && markedTexts(hit, texts['apart.txt'])).toEqual(['security', 'forces']);
    expect(engine.locate('"security forces"~2', 'reversed.txt').ranges.map(([s, e]) => texts['reversed.txt'].slice(s, e))).toEqual(['forces', 'security']);
  });

  it('marks only the places that stand near the other word', () => {
    const text = doc('security', 'alpha beta gamma delta epsilon zeta eta theta', 'security forces', 'iota kappa lambda mu nu xi omicron pi', 'forces');
    const hit = engineOver({ 'a.txt': text }).search('"security forces"~1').hits[0];
    const second = text.indexOf('security forces');
    expect(markedRanges(hit)).toEqual([
      [second, second + 'security'.length],
      [second + 'security '.length, second + 'security forces'.length],
    ]);
  });

  it('looks within one field: a title field of one of the words finds nothing', () => {
    const titled = engineOver({ 'a.txt': 'Security\n\nforces arrived.\n' });
    expect(hitIds(titled.search('title:"security forces"~5'))).toEqual([]);
    // The title is the text's first line: in the body the two words stand side by side.
    expect(hitIds(titled.search('"security forces"~0'))).toEqual(['a.txt']);
  });

  it('leaves its stop words out, and a word too common alone says so', () => {
    expect(hitIds(engine.search('"the security"~0'))).toEqual(hitIds(engine.search('security')));
    const result = engine.search('"the of"~3');
    expect(result.total).toBe(0);
    expect(result.terms[0].note).toMatch(/too common/);
  });

  it('gives each word a place of its own: the same word twice needs two places', () => {
    const once = engineOver({ 'once.txt': doc('police came'), 'twice.txt': doc('police and police came'), 'far.txt': doc('police a b c d police') });
    expect(hitIds(once.search('"police police"~1'))).toEqual(['twice.txt']);
    expect(hitIds(once.search('"police police"~4'))).toEqual(['far.txt', 'twice.txt']);
  });

  it('counts a number with separators as one word and a hyphenated word as its parts', () => {
    const counted = engineOver({ 'number.txt': doc('oil 16,000 workers'), 'hyphen.txt': doc('oil Kassym-Jomart workers') });
    expect(hitIds(counted.search('"oil workers"~1'))).toEqual(['number.txt']);
    expect(hitIds(counted.search('"oil workers"~2'))).toEqual(['hyphen.txt', 'number.txt']);
  });

  it('matches three words or more, all within the distance', () => {
    const three = engineOver({ 'near.txt': doc('workers in oil towns struck'), 'spread.txt': doc('workers a b c d oil e f g h struck') });
    expect(hitIds(three.search('"struck oil workers"~2'))).toEqual(['near.txt']);
    expect(hitIds(three.search('"struck oil workers"~8'))).toEqual(['near.txt', 'spread.txt']);
    expect(hitIds(three.search('"struck oil workers"~7'))).toEqual(['near.txt']);
  });

  it('finds name variants as a phrase does, with variants on only', () => {
    const names = engineOver({ 'a.txt': doc('Tokajev spoke to protesters'), 'b.txt': doc('Tokayev met Tokayev again') });
    expect(hitIds(names.search('"Tokayev protesters"~3'))).toEqual(['a.txt']);
    expect(hitIds(names.search('"Tokayev protesters"~3', { variants: false }))).toEqual([]);
  });

  it('scores a document as its words add up, as a phrase does', () => {
    const result = engine.search('"security forces"~0');
    expect(result.hits[0].score).toBe(engine.search('"security forces"').hits[0].score);
  });

  it('excludes with -, and takes part in groups', () => {
    expect(hitIds(engine.search('security -"security forces"~2'))).toEqual(['apart.txt', 'far.txt']);
    expect(hitIds(engine.search('("security forces"~0 OR police) AND NOT fire'))).toEqual(['neither.txt']);
  });
});

describe('groups on the seed archive', () => {
  let documents: ArchiveDocument[];
  let engine: CompactSearchEngine;
  beforeAll(async () => {
    documents = (await loadArchive(ARCHIVE_DIR)).documents;
    engine = CompactSearchEngine.fromDocuments(documents);
  });

  /** The documents whose words include `term` (in matching form), from the text itself. */
  const holding = (term: string) => new Set(documents.filter((d) => words(d.text).some((w) => w.term === term || w.term === `${term}s`)).map((d) => d.id));

  it('(Tokayev OR Nazarbayev) AND NOT Moscow: either name, never Moscow', () => {
    const result = engine.search('(Tokayev OR Nazarbayev) AND NOT Moscow', { variants: false });
    const [tokayev, nazarbayev, moscow] = ['tokayev', 'nazarbayev', 'moscow'].map(holding);
    const expected = documents.filter((d) => (tokayev.has(d.id) || nazarbayev.has(d.id)) && !moscow.has(d.id)).map((d) => d.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(hitIds(result)).toEqual(expected.sort());
    // The flat reading of the same words means something else: AND binds Nazarbayev alone.
    expect(hitIds(engine.search('Tokayev OR Nazarbayev AND NOT Moscow', { variants: false }))).not.toEqual(hitIds(result));
    for (const hit of result.hits) {
      const text = documents.find((d) => d.id === hit.id)?.text ?? '';
      expect(new Set(markedTexts(hit, text).map((t) => normalizeTerm(t).replace(/s$/, '')))).toEqual(
        new Set(['tokayev', 'nazarbayev'].filter((t) => holding(t).has(hit.id))),
      );
    }
    expect(result.terms.map((t) => [t.term, t.presence])).toEqual([
      ['Tokayev', 'optional'],
      ['Nazarbayev', 'optional'],
      ['Moscow', 'prohibited'],
    ]);
    expect(result.terms[0].documents).toBe(result.hits.filter((h) => tokayev.has(h.id)).length);
  });

  it('a group of optional words matches and scores as the same words without parentheses', () => {
    for (const [grouped, flat] of [
      ['(Tokayev Zhanaozen)', 'Tokayev Zhanaozen'],
      ['protest (Tokayev Zhanaozen)', 'protest Tokayev Zhanaozen'],
      ['+(Tokayev) -(Moscow)', '+Tokayev -Moscow'],
      ['((Almaty))', 'Almaty'],
    ]) {
      const a = engine.search(grouped);
      const b = engine.search(flat);
      expect([grouped, a.hits.map((h) => [h.id, h.score, h.matchCount, h.exact, h.snippets])]).toEqual([grouped, b.hits.map((h) => [h.id, h.score, h.matchCount, h.exact, h.snippets])]);
      expect(a.terms).toEqual(b.terms);
    }
  });

  it('-(a b) excludes documents with either word; +(a OR b) requires one of them', () => {
    const [tokayev, moscow, almaty] = ['tokayev', 'moscow', 'almaty'].map(holding);
    expect(hitIds(engine.search('-(Tokayev Moscow)', { variants: false }))).toEqual(documents.filter((d) => !tokayev.has(d.id) && !moscow.has(d.id)).map((d) => d.id).sort());
    expect(hitIds(engine.search('+(Moscow OR Almaty) Tokayev', { variants: false }))).toEqual(documents.filter((d) => moscow.has(d.id) || almaty.has(d.id)).map((d) => d.id).sort());
  });

  it('a field before a group applies to its words', () => {
    const inTitles = documents.filter((d) => words(d.title).some((w) => w.term === 'kazakhstan')).map((d) => d.id);
    expect(hitIds(engine.search('title:(Kazakhstan)'))).toEqual(inTitles.sort());
    expect(engine.search('title:(Kazakhstan Moscow)').terms.map((t) => [t.term, t.field])).toEqual([
      ['Kazakhstan', 'title'],
      ['Moscow', 'title'],
    ]);
  });

  it('multiplies a group\'s score by its boost', () => {
    const plain = engine.search('(Tokayev Zhanaozen)');
    const boosted = engine.search('(Tokayev Zhanaozen)^2 Almaty');
    const almaty = engine.search('Almaty');
    for (const hit of boosted.hits) {
      const group = plain.hits.find((h) => h.id === hit.id)?.score ?? 0;
      const other = almaty.hits.find((h) => h.id === hit.id)?.score ?? 0;
      expect(hit.score).toBeCloseTo(2 * group + other, 2);
    }
  });

  it('says which of a group\'s words every hit must hold, and which are excluded', () => {
    const presences = (query: string) => engine.search(query).terms.map((t) => `${t.term}:${t.presence}`);
    expect(presences('+(Tokayev OR Almaty)')).toEqual(['Tokayev:optional', 'Almaty:optional']);
    expect(presences('+(+Tokayev Almaty) (+Moscow)')).toEqual(['Tokayev:required', 'Almaty:optional', 'Moscow:optional']);
    expect(presences('-(Tokayev +Almaty) AND (-Moscow)')).toEqual(['Tokayev:prohibited', 'Almaty:prohibited', 'Moscow:prohibited']);
    expect(presences('Almaty AND (Tokayev)')).toEqual(['Almaty:required', 'Tokayev:required']);
  });

  it('answers as a fresh engine does with clauses remembered from earlier searches, typed key by key', () => {
    const segments = [Segment.load(buildSegment(documents))];
    const byId = new Map(documents.map((d) => [d.id, d]));
    const word = fc.constantFrom('Tokayev', 'protest', 'Moscow', 'police', 'Almaty', 'the', '"security forces"', '"security forces"~3', '"forces security"~0');
    const clause = fc.tuple(fc.constantFrom('', '+', '-', 'title:'), word).map(([op, w]) => `${op}${w}`);
    const query = fc.tuple(fc.array(clause, { minLength: 1, maxLength: 3 }), clause, fc.constantFrom('', '+', '-')).map(([inner, outer, op]) => `${op}(${inner.join(' OR ')}) AND ${outer}`);
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 4 }), (queries) => {
        const remembering = new CompactSearchEngine(segments, byId, new SearchCache(12, 40));
        for (const text of queries) {
          for (let end = 1; end <= text.length; end++) {
            const prefix = text.slice(0, end);
            const fresh = thrownBy(() => new CompactSearchEngine(segments, byId).search(prefix, { limit: 5 }));
            if (fresh !== undefined) continue;
            expect(remembering.search(prefix, { limit: 5 })).toEqual(new CompactSearchEngine(segments, byId).search(prefix, { limit: 5 }));
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('leaves out a group of stop words alone, as it does such a word', () => {
    expect(engine.search('+(the of) Tokayev').hits).toEqual(engine.search('+the Tokayev').hits);
  });

  it('in the reader, marks a group\'s words and counts them, excluded words at 0', () => {
    const id = [...holding('tokayev')][0];
    const located = engine.locate('(Tokayev OR Nazarbayev) -(Moscow)', id, { variants: false });
    const text = documents.find((d) => d.id === id)?.text ?? '';
    expect(located.ranges.length).toBeGreaterThan(0);
    for (const [s, e] of located.ranges) expect(['tokayev', 'nazarbayev']).toContain(normalizeTerm(text.slice(s, e)).replace(/s$/, ''));
    const counts = Object.fromEntries(located.terms.map((t) => [t.term, t]));
    expect(counts.Tokayev.occurrences + counts.Nazarbayev.occurrences).toBe(located.ranges.length);
    expect([counts.Moscow.presence, counts.Moscow.occurrences]).toEqual(['prohibited', 0]);
  });
});

// ---- properties against references written from the definitions ----

describe('countWords', () => {
  it('counts the words that start in a stretch, as words() cuts the whole text, up to past its limit', () => {
    const piece = fc.constantFrom('oil', 'Kassym-Jomart', '16,000', '16 000', '3.5', 'don’t', 'Токаев', '—', ', ', ' ', '\n', '-', 'a-b-c', '😀', 'x1');
    const caseArb = fc.array(piece, { minLength: 1, maxLength: 30 }).chain((pieces) => {
      const text = pieces.join(' ');
      const all = words(text);
      return fc.record({
        text: fc.constant(text),
        // From the text's start or a word's end; to a word's start or the text's end.
        from: fc.constantFrom(0, ...all.map((w) => w.end)),
        to: fc.constantFrom(text.length, ...all.map((w) => w.start)),
        atMost: fc.integer({ min: 0, max: 12 }),
      });
    });
    fc.assert(
      fc.property(caseArb, ({ text, from, to, atMost }) => {
        const expected = words(text).filter((w) => w.start >= from && w.start < to).length;
        const counted = countWords(text, from, to, atMost);
        expect(Math.min(counted, atMost + 1)).toBe(Math.min(expected, atMost + 1));
        if (expected <= atMost) expect(counted).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

/** Words no two of which are the same word to the search (stem, variant, or one edit apart). */
const VOCABULARY = ['lorem', 'ipsum', 'dolor', 'amet', 'tempor', 'magna'];

describe('properties', () => {
  it('has a vocabulary of words all different to the search (the premise below)', () => {
    const keys = VOCABULARY.map((w) => variantKey(normalizeTerm(w)));
    expect(new Set(keys).size).toBe(VOCABULARY.length);
  });

  it('"a b …"~N finds exactly the documents where the words stand, each at a place of its own, with at most N others among them, and marks their places there', () => {
    const caseArb = fc.record({
      docs: fc.array(fc.array(fc.constantFrom(...VOCABULARY, 'x', 'y'), { minLength: 1, maxLength: 24 }), { minLength: 1, maxLength: 5 }),
      query: fc.array(fc.constantFrom(...VOCABULARY.slice(0, 4)), { minLength: 2, maxLength: 3 }),
      proximity: fc.integer({ min: 0, max: 6 }),
    });
    fc.assert(
      fc.property(caseArb, ({ docs, query, proximity }) => {
        const texts = Object.fromEntries(docs.map((ws, i) => [`${i}.txt`, doc(...ws)]));
        const result = engineOver(texts).search(`"${query.join(' ')}"~${proximity}`, { variants: false });
        const expected = docs.flatMap((ws, i) => {
          const marked = nearWordsMarked(ws, query, proximity);
          return marked.length > 0 ? [{ id: `${i}.txt`, marked }] : [];
        });
        expect(hitIds(result)).toEqual(expected.map((e) => e.id).sort());
        for (const { id, marked } of expected) {
          const hit = result.hits.find((h) => h.id === id);
          const starts = wordStarts(texts[id]);
          expect(hit && markedRanges(hit).map(([s]) => starts.indexOf(s))).toEqual(marked);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('groups find exactly the documents the clause logic gives, word by word (required all, prohibited none, else one optional)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.subarray(VOCABULARY), { minLength: 1, maxLength: 6 }),
        groupArb,
        (docs, group) => {
          const texts = Object.fromEntries(docs.map((ws, i) => [`${i}.txt`, doc('x', ...ws)]));
          const query = writeGroup(group);
          const expected = docs.flatMap((ws, i) => (matchesAll(group.nodes, new Set(ws)) ? [`${i}.txt`] : []));
          expect([query, hitIds(engineOver(texts).search(query))]).toEqual([query, expected.sort()]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Offsets where each word of a document written by `doc` starts, in order. */
function wordStarts(text: string): number[] {
  return words(text).map((w) => w.start);
}

/**
 * By the definition: the word numbers (in the document, its title "Report" being word 0) of every
 * place of a query word inside a stretch of at most N + k words (k the query's words) that holds
 * each query word at a place of its own. Empty when there is none.
 */
function nearWordsMarked(body: string[], query: string[], proximity: number): number[] {
  const reach = proximity + query.length - 1;
  const marked = new Set<number>();
  for (let first = 0; first < body.length; first++) {
    const stretch = body.slice(first, first + reach + 1);
    if (!assignable(query, stretch)) continue;
    stretch.forEach((w, i) => {
      if (query.includes(w)) marked.add(first + i + 1);
    });
  }
  return [...marked].sort((a, b) => a - b);
}

/** Whether each query word can have a place of its own in the stretch (tried every way: the queries are short). */
function assignable(query: string[], stretch: string[], taken: ReadonlySet<number> = new Set()): boolean {
  if (query.length === 0) return true;
  const [word, ...rest] = query;
  return stretch.some((w, i) => w === word && !taken.has(i) && assignable(rest, stretch, new Set([...taken, i])));
}

interface GroupNode {
  op: '' | '+' | '-';
  item: string | { nodes: GroupNode[] };
}

const groupArb: fc.Arbitrary<{ nodes: GroupNode[] }> = fc.letrec<{ group: { nodes: GroupNode[] }; node: GroupNode }>((tie) => ({
  group: fc.record({ nodes: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
  node: fc.record({
    op: fc.constantFrom('' as const, '+' as const, '-' as const),
    item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constantFrom(...VOCABULARY), tie('group')),
  }),
})).group;

function writeGroup({ nodes }: { nodes: GroupNode[] }): string {
  return nodes.map((n) => `${n.op}${typeof n.item === 'string' ? n.item : `(${writeGroup(n.item)})`}`).join(' ');
}

/** lunr's logic, on the words a document holds: every required clause, no prohibited one, and one optional one when none is required; only prohibited ones: any document without them. */
function matchesAll(nodes: GroupNode[], held: ReadonlySet<string>): boolean {
  const matches = (node: GroupNode) => (typeof node.item === 'string' ? held.has(node.item) : matchesAll(node.item.nodes, held));
  const required = nodes.filter((n) => n.op === '+');
  const optional = nodes.filter((n) => n.op === '');
  if (nodes.some((n) => n.op === '-' && matches(n))) return false;
  if (required.length > 0) return required.every(matches);
  if (optional.length > 0) return optional.some(matches);
  return true;
}
