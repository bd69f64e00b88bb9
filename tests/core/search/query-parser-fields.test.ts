import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { invokeApi } from '../../../src/core/api';
import { parseQuery, QuerySyntaxError, SEARCH_FIELDS, type QueryClause } from '../../../src/core/search/query-parser';
import { thrownBy } from '../../helpers/search';
import { tempDirs } from '../../helpers/temp-dir';
import { makeBench } from '../../helpers/workstation';

/** The error a query is refused with; fails the test when it is read instead. */
function refusal(query: string): QuerySyntaxError {
  const error = thrownBy(() => parseQuery(query));
  expect(error, `${JSON.stringify(query)} should be refused`).toBeInstanceOf(QuerySyntaxError);
  const syntax = error as QuerySyntaxError;
  expect(syntax.code).toBe('invalid-query');
  return syntax;
}

/** What the error points at, as written in the query. */
function pointedAt(query: string): string {
  const { span } = refusal(query);
  return query.slice(span.start, span.end);
}

/** A clause without where it stands and how it was written: what it searches for. */
function meaning(clause: QueryClause): Omit<QueryClause, 'span' | 'text' | 'fields'> {
  const { span: _span, text: _text, fields: _fields, ...rest } = clause;
  return rest;
}

const KNOWN = new Set<string>(SEARCH_FIELDS);

// Letters (Latin, Cyrillic, Kazakh), digits, and hyphens inside: what a user may type as a field name.
const letter = fc.constantFrom(...'abcxyzABCXYZжқәё');
const nameChar = fc.oneof(letter, fc.constantFrom(...'0179'), fc.constant('-'));
const fieldName = fc
  .tuple(letter, fc.array(nameChar, { maxLength: 30 }))
  .map(([first, rest]) => first + rest.join(''))
  .filter((name) => !KNOWN.has(name.toLowerCase()));
const plainWord = fc.array(letter, { minLength: 1, maxLength: 12 }).map((chars) => chars.join(''));
const hyphenated = fc.array(plainWord, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('-'));
const term = fc.oneof(plainWord, hyphenated, plainWord.map((w) => `"${w} ${w}"`), plainWord.map((w) => `${w}*`));

describe('parseQuery: a field name with hyphens or digits', () => {
  // Caught a bug: `unknown-field:plant` was read as the phrase "unknown field plant" (0 hits, no
  // error), while `unknown:plant` was refused as an unknown field.
  it.each([
    ['unknown:plant', 'unknown'],
    ['unknown-field:plant', 'unknown-field'],
    ['co-operation:plant', 'co-operation'],
    ['covid19:vaccine', 'covid19'],
    ['title-x:word', 'title-x'],
    ['body2:word', 'body2'],
    ['Tokayev no-such-field:Zhanaozen', 'no-such-field'],
    ['+unknown-field:plant', 'unknown-field'],
    ['-unknown-field:plant', 'unknown-field'],
    ['NOT unknown-field:plant', 'unknown-field'],
    ['unknown-field:"a phrase"', 'unknown-field'],
    ['unknown-field:', 'unknown-field'],
    [`${'x'.repeat(60)}-field:plant`, `${'x'.repeat(60)}-field`],
  ])('refuses %j as an unknown field, pointing at %j', (query, name) => {
    expect(pointedAt(query)).toBe(name);
    expect(refusal(query).message).toMatch(new RegExp(`unknown field '${name}'.*title, body, byline`));
  });

  it('refuses any name of letters, digits and hyphens before a colon and a term, pointing at the name', () => {
    fc.assert(
      fc.property(fieldName, term, fc.constantFrom('', '+', '-'), (name, word, operator) => {
        const query = `${operator}${name}:${word}`;
        const error = refusal(query);
        expect(error.span).toEqual({ start: operator.length, end: operator.length + name.length });
        expect(error.message).toContain(`unknown field '${name}'`);
      }),
      { numRuns: 500 },
    );
  });

  it('reads a known field, in any case, before a hyphenated word: the same search, in that field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEARCH_FIELDS), fc.boolean(), term, (field, upper, word) => {
        const written = upper ? field.toUpperCase() : field;
        const [fielded] = parseQuery(`${written}:${word}`).clauses;
        const [plain] = parseQuery(word).clauses;
        expect(fielded.fields).toEqual([field]);
        expect(meaning(fielded)).toEqual(meaning(plain));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseQuery: colons and hyphens that are not fields are searched as before', () => {
  it.each([
    ['Kassym-Jomart', ['kassym', 'jomart']],
    ['co-operation', ['co', 'operation']],
    ['10:30', ['10', '30']],
    ['2022-01-05', ['2022', '01', '05']],
    ['10:30-11:00', ['10', '30', '11', '00']],
  ])('%j is a phrase of %j over every field', (query, words) => {
    const [clause] = parseQuery(query).clauses;
    expect(clause).toMatchObject({ kind: 'phrase', fields: null, text: query, words: words.map((w) => ({ term: w })) });
  });

  it.each([
    ['title:10:30', ['title'], ['10', '30']],
    ['byline:Kassym-Jomart', ['byline'], ['kassym', 'jomart']],
    ['body:co-operation', ['body'], ['co', 'operation']],
  ])('%j is a phrase in the field', (query, fields, words) => {
    expect(parseQuery(query).clauses).toMatchObject([{ kind: 'phrase', fields, words: words.map((w) => ({ term: w })) }]);
  });

  it('reads any hyphenated word, with or without an operator, as it reads the same words in quotes', () => {
    fc.assert(
      fc.property(hyphenated, fc.constantFrom('', '+', '-'), (word, operator) => {
        const [clause] = parseQuery(`${operator}${word}`).clauses;
        const [quoted] = parseQuery(`${operator}"${word}"`).clauses;
        expect(clause.fields).toBeNull();
        expect(clause.kind).toBe('phrase');
        expect(clause.kind === 'phrase' && clause.words).toEqual(quoted.kind === 'phrase' && quoted.words);
        expect(clause.presence).toBe(quoted.presence);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a time or any digits joined by colons as its numbers, never as a field', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99_999 }), { minLength: 2, maxLength: 4 }), (numbers) => {
        const query = numbers.join(':');
        const [clause] = parseQuery(query).clauses;
        expect(clause).toMatchObject({ kind: 'phrase', fields: null, words: numbers.map((n) => ({ term: String(n) })) });
      }),
      { numRuns: 200 },
    );
  });
});

describe('the search API refuses an unknown hyphenated field as it refuses any unknown field', () => {
  const temp = tempDirs('casefile-fields-');
  afterAll(temp.cleanup);

  // What the web shell and the CLI show comes from here: the code and the span of the query to mark.
  it.each([
    ['unknown:plant', 'unknown'],
    ['unknown-field:plant', 'unknown-field'],
    ['Tokayev unknown-field:plant', 'unknown-field'],
  ])('%j: invalid-query, pointing at %j', async (query, name) => {
    const bench = await makeBench(temp.make, { 'a.txt': 'Plants\nThe unknown field plant grows here.\n' });
    const ws = await bench.open();
    try {
      const result = await invokeApi(ws, 'search', { query });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-query');
      expect(result.error.message).toContain(`unknown field '${name}'`);
      const span = result.error.span ?? { start: 0, end: 0 };
      expect(query.slice(span.start, span.end)).toBe(name);
    } finally {
      await ws.close();
    }
  }, 30_000);
});
