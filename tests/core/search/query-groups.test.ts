import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_GROUP_DEPTH,
  MAX_PROXIMITY,
  MAX_QUERY_LENGTH,
  parseQuery,
  QuerySyntaxError,
  wordClauses,
  type QueryClause,
  type SearchField,
} from '../../../src/core/search/query-parser';
import { normalizeTerm } from '../../../src/core/search/tokenizer';
import { thrownBy } from '../../helpers/search';

function syntaxError(query: string): QuerySyntaxError {
  const error = thrownBy(() => parseQuery(query));
  expect(error, `${JSON.stringify(query)} should be refused`).toBeInstanceOf(QuerySyntaxError);
  return error as QuerySyntaxError;
}

/** A clause's shape without places and texts: what it asks for. */
function shape(clause: QueryClause): unknown {
  const base = { presence: clause.presence, fields: clause.fields, boost: clause.boost };
  switch (clause.kind) {
    case 'group':
      return { ...base, kind: 'group', clauses: clause.clauses.map(shape) };
    case 'phrase':
      return { ...base, kind: 'phrase', words: clause.words.map((w) => w.term), proximity: clause.proximity };
    case 'term':
      return { ...base, kind: 'term', word: clause.word.term };
    case 'wildcard':
      return { ...base, kind: 'wildcard', pattern: clause.pattern };
  }
}

describe('parseQuery: proximity', () => {
  it('reads "a b"~N as the phrase\'s words within N words of each other, with the ~N in its span', () => {
    expect(parseQuery('"security forces"~5').clauses).toEqual([
      {
        kind: 'phrase',
        presence: 'optional',
        fields: null,
        boost: 1,
        text: '"security forces"',
        span: { start: 0, end: 19 },
        words: [{ term: 'security' }, { term: 'forces' }],
        proximity: 5,
      },
    ]);
  });

  it('reads ~0, the limit, a boost either side, a field and an operator', () => {
    expect(parseQuery('"a1 b1"~0').clauses[0]).toMatchObject({ proximity: 0 });
    expect(parseQuery(`"a1 b1"~${MAX_PROXIMITY}`).clauses[0]).toMatchObject({ proximity: MAX_PROXIMITY });
    expect(parseQuery('"a1 b1"~3^2').clauses[0]).toMatchObject({ proximity: 3, boost: 2 });
    expect(parseQuery('"a1 b1"^2~3').clauses[0]).toMatchObject({ proximity: 3, boost: 2 });
    expect(parseQuery('-title:"a1 b1"~3').clauses[0]).toMatchObject({ presence: 'prohibited', fields: ['title'], proximity: 3, span: { start: 0, end: 16 } });
  });

  it('keeps ~N after a word an edit distance, and a plain phrase without a proximity', () => {
    expect(parseQuery('tokayev~2').clauses[0]).toMatchObject({ kind: 'term', editDistance: 2 });
    expect(parseQuery('"a1 b1"').clauses[0]).not.toHaveProperty('proximity');
  });

  it.each([
    ['"a b"~', '~', /needs a number of words/],
    ['"a b"~x', '~', /needs a number of words/],
    [`"a b"~${MAX_PROXIMITY + 1}`, `"a b"~${MAX_PROXIMITY + 1}`, /too far.*~100/],
    ['"a b"~99999999999999999999', '"a b"~99999999999999999999', /too far/],
    ['"Tokayev"~2', '"Tokayev"~2', /two words or more.*Tokayev~1/],
    ['"a b"~2.5', '.', /unexpected '\.'/],
    ['Kassym-Jomart~2', 'Kassym-Jomart~2', /one word/],
  ])('refuses %j, pointing at %j', (query, at, message) => {
    const error = syntaxError(query);
    expect(query.slice(error.span.start, error.span.end)).toBe(at);
    expect(error.message).toMatch(message);
  });
});

describe('parseQuery: groups', () => {
  it('reads a group as one clause holding its own, spans and text including the parentheses', () => {
    const [group, moscow] = parseQuery('(Tokayev OR Nazarbayev) AND NOT Moscow').clauses;
    expect(group).toMatchObject({ kind: 'group', presence: 'required', text: '(Tokayev OR Nazarbayev)', span: { start: 0, end: 23 } });
    expect(group.kind === 'group' && group.clauses.map((c) => [c.text, c.presence, c.span])).toEqual([
      ['Tokayev', 'optional', { start: 1, end: 8 }],
      ['Nazarbayev', 'optional', { start: 12, end: 22 }],
    ]);
    expect(moscow).toMatchObject({ kind: 'term', presence: 'prohibited', span: { start: 28, end: 38 } });
  });

  it('reads operators before a group, nested groups, and a boost after one', () => {
    expect(parseQuery('-(a1 b1) +(c1 OR (d1 AND e1))^2').clauses.map(shape)).toEqual([
      {
        kind: 'group',
        presence: 'prohibited',
        fields: null,
        boost: 1,
        clauses: [shape(parseQuery('a1').clauses[0]), shape(parseQuery('b1').clauses[0])],
      },
      {
        kind: 'group',
        presence: 'required',
        fields: null,
        boost: 2,
        clauses: [
          { kind: 'term', word: 'c1', presence: 'optional', fields: null, boost: 1 },
          {
            kind: 'group',
            presence: 'optional',
            fields: null,
            boost: 1,
            clauses: [
              { kind: 'term', word: 'd1', presence: 'required', fields: null, boost: 1 },
              { kind: 'term', word: 'e1', presence: 'required', fields: null, boost: 1 },
            ],
          },
        ],
      },
    ]);
  });

  it('gives a field before a group to its words; a field inside wins', () => {
    const [group] = parseQuery('title:(a1 "b1 c1" body:d1 (e1))').clauses;
    expect(group.fields).toEqual(['title']);
    expect(wordClauses([group]).map((c) => [c.text, c.fields])).toEqual([
      ['a1', ['title']],
      ['"b1 c1"', ['title']],
      ['d1', ['body']],
      ['e1', ['title']],
    ]);
  });

  it('reads NOT and AND right against a parenthesis, and a word right before one', () => {
    expect(parseQuery('NOT(a1)').clauses[0]).toMatchObject({ kind: 'group', presence: 'prohibited' });
    expect(parseQuery('a1 AND(b1)').clauses.map((c) => c.presence)).toEqual(['required', 'required']);
    expect(parseQuery('a1(b1)').clauses.map((c) => c.kind)).toEqual(['term', 'group']);
  });

  it('leaves parentheses inside quotes as punctuation', () => {
    expect(parseQuery('"oil (workers)"').clauses[0]).toMatchObject({ kind: 'phrase', words: [{ term: 'oil' }, { term: 'workers' }] });
  });

  it(`reads groups nested ${MAX_GROUP_DEPTH} deep`, () => {
    let clauses = parseQuery(`${'('.repeat(MAX_GROUP_DEPTH)}a1${')'.repeat(MAX_GROUP_DEPTH)}`).clauses;
    for (let depth = 0; depth < MAX_GROUP_DEPTH; depth++) {
      expect(clauses).toHaveLength(1);
      const [group] = clauses;
      if (group.kind !== 'group') throw new Error(`depth ${depth} is no group`);
      clauses = group.clauses;
    }
    expect(clauses.map((c) => c.kind)).toEqual(['term']);
  });

  it.each([
    ['(a b', '(', /never closed/],
    ['((a b) c', '(', /never closed/],
    ['a b)', ')', /closes no parenthesis/],
    [')', ')', /closes no parenthesis/],
    ['(a) b)', ')', /closes no parenthesis/],
    ['()', '()', /group \(\) has no words/],
    ['a (, —)', '(, —)', /no words/],
    ['-()', '()', /no words/],
    ['(a AND)', 'AND', /'AND' needs a term on each side/],
    ['(AND a)', 'AND', /'AND' needs a term on each side/],
    ['(a) OR', 'OR', /'OR' needs a term on each side/],
    ['AND (a)', 'AND', /'AND' needs a term on each side/],
    ['(a NOT)', 'NOT', /'NOT' needs a term after it/],
    ['(a -)', '-', /'-' must be followed directly by a term/],
    ['+ (a)', '+', /'\+' must be followed directly by a term/],
    ['-+(a)', '+', /cannot follow another operator/],
    ['title:-(a)', '-', /before the field/],
    ['title:)', 'title:', /nothing after 'title:'/],
    ['foo:(a)', 'foo', /unknown field 'foo'/],
    ['(a b)~2', '~', /cannot follow a group.*"security forces"~5/],
    ['(a b)x', 'x', /unexpected 'x'/],
    ['(a b)^', '^', /positive number/],
    [`${'('.repeat(MAX_GROUP_DEPTH + 1)}a${')'.repeat(MAX_GROUP_DEPTH + 1)}`, '(', /nest more than 32 deep/],
  ])('refuses %j, pointing at %j', (query, at, message) => {
    const error = syntaxError(query);
    expect(query.slice(error.span.start, error.span.end)).toBe(at);
    expect(error.message).toMatch(message);
  });

  it(`points at the parenthesis that goes deeper than ${MAX_GROUP_DEPTH}`, () => {
    expect(syntaxError(`a ${'('.repeat(MAX_GROUP_DEPTH + 5)}`).span).toEqual({ start: 2 + MAX_GROUP_DEPTH, end: 3 + MAX_GROUP_DEPTH });
  });

  it('counts the words inside groups toward the term and fuzzy limits', () => {
    expect(syntaxError(`(${Array.from({ length: 257 }, (_, i) => `w${i}`).join(' ')})`).message).toMatch(/257 terms; the limit is 256/);
    const fuzzy = Array.from({ length: 17 }, (_, i) => `(word${'abcdefghijklmnopq'[i]}~1)`).join(' ');
    const error = syntaxError(fuzzy);
    expect(fuzzy.slice(error.span.start, error.span.end)).toBe('wordq~1');
  });
});

// ---- properties ----

const WORDS = ['Tokayev', 'protest', 'Almaty', 'oil', 'Токаев', 'Қазақстан', 'police', 'strike', 'the'] as const;
const FIELDS = [null, 'title', 'body', 'byline'] as const;

type Atom = { kind: 'term'; word: string } | { kind: 'wildcard'; word: string } | { kind: 'phrase'; words: string[]; proximity?: number };
interface Node {
  op: '' | '+' | '-' | 'NOT ';
  field: SearchField | null;
  boost: number;
  item: Atom | { kind: 'group'; nodes: Node[]; joins: string[] };
}

const atomArb: fc.Arbitrary<Atom> = fc.oneof(
  fc.constantFrom(...WORDS).map((word) => ({ kind: 'term' as const, word })),
  fc.constantFrom(...WORDS).map((word) => ({ kind: 'wildcard' as const, word: `${word.slice(0, 3)}*` })),
  fc.record({
    kind: fc.constant('phrase' as const),
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 4 }),
    proximity: fc.option(fc.integer({ min: 0, max: MAX_PROXIMITY }), { nil: undefined }),
  }),
);

const nodeArb = fc.letrec<{ node: Node; group: { kind: 'group'; nodes: Node[]; joins: string[] } }>((tie) => ({
  node: fc.record({
    op: fc.constantFrom('' as const, '+' as const, '-' as const, 'NOT ' as const),
    field: fc.constantFrom(...FIELDS),
    boost: fc.constantFrom(1, 2, 1.5),
    item: fc.oneof({ depthSize: 'small', withCrossShrink: true }, atomArb, tie('group')),
  }),
  group: fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.record({
      kind: fc.constant('group' as const),
      nodes: fc.array(tie('node'), { minLength: n, maxLength: n }),
      joins: fc.array(fc.constantFrom(' ', ' AND ', ' OR ', '  '), { minLength: n - 1, maxLength: n - 1 }),
    }),
  ),
}));

/** A query as written: each node's text, where it stands, and the clause it must read as. */
interface Written {
  text: string;
  clauses: Array<{ start: number; end: number; expected: unknown; children: Written['clauses'] }>;
}

function writeAtom(atom: Atom): string {
  if (atom.kind === 'phrase') return `"${atom.words.join(' ')}"${atom.proximity === undefined ? '' : `~${atom.proximity}`}`;
  return atom.word;
}

/** Writes nodes joined as given; `expected` is each clause's shape by the rules of the language. */
function writeLevel(nodes: Node[], joins: string[], offset: number, fields: SearchField[] | null): { text: string; placed: Written['clauses'] } {
  let text = '';
  const placed: Written['clauses'] = [];
  nodes.forEach((node, i) => {
    if (i > 0) text += joins[i - 1];
    const start = offset + text.length;
    const own = node.field ? [node.field] : fields;
    const prefix = `${node.op}${node.field ? `${node.field}:` : ''}`;
    let body: string;
    let inner: Written['clauses'] = [];
    if (node.item.kind === 'group') {
      const written = writeLevel(node.item.nodes, node.item.joins, start + prefix.length + 1, own);
      body = `(${written.text})`;
      inner = written.placed;
    } else {
      body = writeAtom(node.item);
    }
    const boost = node.boost === 1 ? '' : `^${node.boost}`;
    text += `${prefix}${body}${boost}`;
    // AND makes both sides required (unless an operator says otherwise); + required; - and NOT prohibited.
    const andBefore = i > 0 && joins[i - 1] === ' AND ';
    const presence = node.op === '+' ? 'required' : node.op === '' ? (andBefore ? 'required' : 'optional') : 'prohibited';
    placed.push({ start, end: offset + text.length, expected: expectedShape(node, presence, own, inner), children: inner });
  });
  // AND after an optional clause makes it required.
  joins.forEach((join, i) => {
    if (join !== ' AND ') return;
    const before = placed[i].expected as { presence: string };
    if (before.presence === 'optional') before.presence = 'required';
  });
  return { text, placed };
}

function expectedShape(node: Node, presence: string, fields: SearchField[] | null, inner: Written['clauses']): unknown {
  const base = { presence, fields, boost: node.boost };
  const { item } = node;
  if (item.kind === 'group') return { ...base, kind: 'group', clauses: inner.map((c) => c.expected) };
  if (item.kind === 'term') return { ...base, kind: 'term', word: normalizeTerm(item.word) };
  if (item.kind === 'wildcard') return { ...base, kind: 'wildcard', pattern: normalizeTerm(item.word) };
  return { ...base, kind: 'phrase', words: item.words.map(normalizeTerm), proximity: item.proximity };
}

const queryArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc.tuple(fc.array(nodeArb.node, { minLength: n, maxLength: n }), fc.array(fc.constantFrom(' ', ' AND ', ' OR '), { minLength: n - 1, maxLength: n - 1 })),
  )
  .map(([nodes, joins]) => writeLevel(nodes, joins, 0, null));

/** Every clause with its children's spans inside its own, and each inside the query. */
function expectSpansNested(clauses: readonly QueryClause[], within: { start: number; end: number }): void {
  for (const clause of clauses) {
    expect(clause.span.start).toBeGreaterThanOrEqual(within.start);
    expect(clause.span.end).toBeLessThanOrEqual(within.end);
    expect(clause.span.end).toBeGreaterThan(clause.span.start);
    if (clause.kind === 'group') expectSpansNested(clause.clauses, clause.span);
  }
}

describe('parseQuery: properties', () => {
  it('reads back any query written from words, phrases, proximities, wildcards, operators, fields, boosts and nested groups', () => {
    fc.assert(
      fc.property(queryArb, ({ text, placed }) => {
        const { clauses } = parseQuery(text);
        expect(clauses.map(shape)).toEqual(placed.map((c) => c.expected));
        // Each clause's span is exactly what was written for it, operator and modifiers included.
        const spans = (list: readonly QueryClause[]): string[] => list.flatMap((c) => [text.slice(c.span.start, c.span.end), ...(c.kind === 'group' ? spans(c.clauses) : [])]);
        const writtenSpans = (list: Written['clauses']): string[] => list.flatMap((c) => [text.slice(c.start, c.end), ...writtenSpans(c.children)]);
        expect(spans(clauses)).toEqual(writtenSpans(placed));
        expectSpansNested(clauses, { start: 0, end: text.length });
      }),
      { numRuns: 400 },
    );
  });

  it('reads the same clauses with any extra spaces around parentheses and words', () => {
    fc.assert(
      fc.property(queryArb, fc.constantFrom(' ', '  ', '\t', '\n'), ({ text }, space) => {
        // The queries here hold no parentheses inside quotes.
        const spaced = text.replaceAll('(', `(${space}`).replaceAll(')', `${space})`);
        expect(parseQuery(spaced).clauses.map(shape)).toEqual(parseQuery(text).clauses.map(shape));
      }),
      { numRuns: 200 },
    );
  });

  const piece = fc.constantFrom(
    '(', ')', '((', '))', '()', ' ( ', ' ) ', '"', '"a b"~', '"a b"~5', '~0', '~100', '~101', '~', '~1', '^2', '^', '+', '-', 'NOT', ' NOT ', ' AND ', ' OR ',
    'AND', 'OR', 'title:', 'body:(', 'foo:', ':', '*', 'Tokayev', 'security forces', 'Kassym-Jomart', '16,000', 'Токаев', 'the', ' ', '\n', '—', '😀', '\uD800',
  );
  const messy = fc.oneof(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

  it('reads any string, or refuses it with a QuerySyntaxError whose span lies inside the query', () => {
    fc.assert(
      fc.property(messy, (query) => {
        const error = thrownBy(() => parseQuery(query));
        if (error === undefined) {
          expectSpansNested(parseQuery(query).clauses, { start: 0, end: query.length });
          return;
        }
        expect(error).toBeInstanceOf(QuerySyntaxError);
        const { span, message } = error as QuerySyntaxError;
        expect(message.trim()).not.toBe('');
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.end).toBeLessThanOrEqual(query.length);
      }),
      { numRuns: 1500 },
    );
  });

  it(`refuses ${MAX_QUERY_LENGTH} characters of parentheses cleanly, open or closed`, () => {
    for (const query of ['('.repeat(MAX_QUERY_LENGTH), ')'.repeat(MAX_QUERY_LENGTH), '()'.repeat(MAX_QUERY_LENGTH / 2), '(a)'.repeat(MAX_QUERY_LENGTH / 3)]) {
      expect(thrownBy(() => parseQuery(query))).toBeInstanceOf(QuerySyntaxError);
    }
  });
});
