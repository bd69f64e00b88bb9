import { describe, expect, it } from 'vitest';
import { CasefileError } from '../../../src/core/errors';
import { MAX_CLAUSES, MAX_QUERY_LENGTH, parseQuery, QuerySyntaxError, type QueryClause } from '../../../src/core/search/query-parser';
import { expectInvalidQuery, thrownBy } from '../../helpers/search';

function only(query: string): QueryClause {
  const { clauses } = parseQuery(query);
  expect(clauses).toHaveLength(1);
  return clauses[0];
}

/** A query of `n` distinct ordinary words. */
function wordsQuery(n: number, length = 6): string {
  return Array.from({ length: n }, (_, i) => `w${String(i).padStart(length - 1, 'x')}`).join(' ');
}

function syntaxError(query: string): QuerySyntaxError {
  const error = thrownBy(() => parseQuery(query));
  expect(error).toBeInstanceOf(QuerySyntaxError);
  const syntax = error as QuerySyntaxError;
  expect(syntax.code).toBe('invalid-query');
  expect(syntax.message.trim()).not.toBe('');
  expect(syntax.span.start).toBeGreaterThanOrEqual(0);
  expect(syntax.span.end).toBeGreaterThan(syntax.span.start);
  expect(syntax.span.end).toBeLessThanOrEqual(query.length);
  return syntax;
}

describe('parseQuery: queries it reads', () => {
  it('reads a word as an optional term over every field, in its matching form, with its place in the query', () => {
    expect(only('Tokayev')).toEqual({
      kind: 'term',
      presence: 'optional',
      fields: null,
      boost: 1,
      text: 'Tokayev',
      span: { start: 0, end: 7 },
      word: { term: 'tokayev' },
      editDistance: undefined,
    });
  });

  it.each([
    ['Tokayev’s', 'tokayev'],
    ["Tokayev's", 'tokayev'],
    ['Токаев', 'токаев'],
    ['Қазақстан', 'қазақстан'],
    ['16,000', '16000'],
    ['Zhanaözen', 'zhanaozen'],
    ['“Zhanaozen”,', 'zhanaozen'],
  ])('reads %s as the term %s', (query, term) => {
    expect(only(query)).toMatchObject({ kind: 'term', word: { term } });
  });

  it('reads + and - as required and prohibited, the span starting at the operator', () => {
    const [required, prohibited] = parseQuery('+Tokayev -Zhanaozen').clauses;
    expect(required).toMatchObject({ presence: 'required', text: 'Tokayev', span: { start: 0, end: 8 } });
    expect(prohibited).toMatchObject({ presence: 'prohibited', text: 'Zhanaozen', span: { start: 9, end: 19 } });
  });

  it('reads AND as making both sides required, OR as leaving them optional, NOT as prohibiting the next term', () => {
    expect(parseQuery('a1 AND b1').clauses.map((c) => c.presence)).toEqual(['required', 'required']);
    expect(parseQuery('a1 OR b1').clauses.map((c) => c.presence)).toEqual(['optional', 'optional']);
    expect(parseQuery('a1 NOT b1').clauses.map((c) => c.presence)).toEqual(['optional', 'prohibited']);
    expect(parseQuery('a1 AND NOT b1').clauses.map((c) => c.presence)).toEqual(['required', 'prohibited']);
    expect(parseQuery('NOT b1').clauses.map((c) => c.presence)).toEqual(['prohibited']);
  });

  it('reads AND, OR and NOT as words when not in capitals or not standing alone', () => {
    expect(parseQuery('and or not').clauses.map((c) => c.kind === 'term' && c.word.term)).toEqual(['and', 'or', 'not']);
    expect(parseQuery('x ANDy').clauses.map((c) => c.text)).toEqual(['x', 'ANDy']);
  });

  it.each([
    ['title:Kazakhstan', ['title']],
    ['body:Kazakhstan', ['body']],
    ['byline:Toleukhanova', ['byline']],
    ['TITLE:Kazakhstan', ['title']],
  ])('reads the field of %s', (query, fields) => {
    expect(only(query).fields).toEqual(fields);
  });

  it('reads a boost, whole or decimal', () => {
    expect(only('title:Kazakhstan^2')).toMatchObject({ fields: ['title'], boost: 2, text: 'Kazakhstan', span: { start: 0, end: 18 } });
    expect(only('Tokayev^1.5').boost).toBe(1.5);
  });

  it('reads an edit distance; ~ alone means 1', () => {
    expect(only('liquefied~1')).toMatchObject({ kind: 'term', word: { term: 'liquefied' }, editDistance: 1 });
    expect(only('liquefied~2')).toMatchObject({ editDistance: 2 });
    expect(only('liquefied~')).toMatchObject({ editDistance: 1 });
    expect(only('liquefied~1^3')).toMatchObject({ editDistance: 1, boost: 3 });
  });

  it('reads a wildcard as a lower-case pattern', () => {
    expect(only('protest*')).toMatchObject({ kind: 'wildcard', pattern: 'protest*', text: 'protest*' });
    expect(only('Pro*Ers')).toMatchObject({ kind: 'wildcard', pattern: 'pro*ers' });
    expect(only('title:protest*').fields).toEqual(['title']);
  });

  it('reads a quoted phrase as its words in order, text and span including the quotes', () => {
    expect(only('"shoot without warning"')).toEqual({
      kind: 'phrase',
      presence: 'optional',
      fields: null,
      boost: 1,
      text: '"shoot without warning"',
      span: { start: 0, end: 23 },
      words: [{ term: 'shoot' }, { term: 'without' }, { term: 'warning' }],
    });
  });

  it('reads a phrase with operators, field and boost', () => {
    expect(only('-title:"Bloody January"^3')).toMatchObject({
      kind: 'phrase',
      presence: 'prohibited',
      fields: ['title'],
      boost: 3,
      words: [{ term: 'bloody' }, { term: 'january' }],
      span: { start: 0, end: '-title:"Bloody January"^3'.length },
    });
  });

  it('reads a quoted single word as a term', () => {
    expect(only('"Tokayev"')).toMatchObject({ kind: 'term', word: { term: 'tokayev' } });
  });

  it('splits a phrase as the tokenizer does: apostrophes kept inside words, hyphenated words in parts', () => {
    expect(only('"Tokayev’s don\'t Kassym-Jomart"')).toMatchObject({
      kind: 'phrase',
      words: [{ term: 'tokayev' }, { term: 'dont' }, { term: 'kassym' }, { term: 'jomart' }],
    });
  });

  it('reads a hyphenated word as a phrase of its parts that also matches whole', () => {
    expect(only('Kassym-Jomart')).toMatchObject({
      kind: 'phrase',
      text: 'Kassym-Jomart',
      words: [{ term: 'kassym' }, { term: 'jomart' }],
      whole: { term: 'kassym-jomart' },
    });
    expect(only('Alma-Ata')).toMatchObject({ kind: 'phrase', whole: { term: 'alma-ata' } });
  });

  it('gives no clauses for an empty or blank query, or one of punctuation alone', () => {
    for (const query of ['', ' ', ' \t\n ', '—', ' , . ']) expect(parseQuery(query).clauses).toEqual([]);
  });

  it(`reads ${MAX_CLAUSES} terms, the limit`, () => {
    expect(parseQuery(wordsQuery(MAX_CLAUSES)).clauses).toHaveLength(MAX_CLAUSES);
  });

  it(`reads a ${MAX_QUERY_LENGTH}-character query of one word, or of ordinary words within the term limit`, () => {
    expect(only('q'.repeat(MAX_QUERY_LENGTH)).text).toHaveLength(MAX_QUERY_LENGTH);
    const query = wordsQuery(250, 39).padEnd(MAX_QUERY_LENGTH, ' ');
    expect(query).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseQuery(query).clauses).toHaveLength(250);
  });
});

describe('parseQuery: malformed queries', () => {
  // [query, the characters the error points at (its span), what the message must say]
  const cases: Array<[string, string, RegExp]> = [
    ['foo:', 'foo', /unknown field 'foo'.*title, body, byline/],
    ['foo:bar', 'foo', /unknown field 'foo'.*title, body, byline/],
    ['Tokayev nosuchfield:Zhanaozen', 'nosuchfield', /'nosuchfield'.*title, body, byline/],
    ['title:', 'title:', /nothing after 'title:'/],
    ['a title: b', 'title:', /nothing after 'title:'/],
    [':x', ':', /field name/],
    ['~', '~', /'~'/],
    ['^2', '^', /'\^'/],
    ['term^', '^', /positive number/],
    ['term^0', '^', /positive number/],
    ['term^-1', '^', /positive number/],
    ['term~3', 'term~3', /too many edits/],
    ['"unclosed', '"', /never closed/],
    ['Tokayev "unclosed phrase', '"', /never closed/],
    ['+', '+', /'\+'/],
    ['-', '-', /'-'/],
    ['Tokayev +', '+', /'\+'/],
    ['- Tokayev', '-', /'-'/],
    ['AND x', 'AND', /'AND'/],
    ['x AND', 'AND', /'AND'/],
    ['x OR', 'OR', /'OR'/],
    ['x AND OR y', 'OR', /'OR'/],
    ['NOT', 'NOT', /'NOT'/],
    ['x NOT', 'NOT', /'NOT'/],
    ['(a', '(', /never closed/],
    ['a b)', ')', /closes no parenthesis/],
    ['*', '*', /wildcard/],
    ['pro*~1', 'pro*~1', /wildcard/],
    ['""', '""', /no words/],
    ['" — "', '" — "', /no words/],
    ['"a b"~', '~', /number of words/],
    ['a"b"', '"', /space/],
    ['Kassym-Jomart~1', 'Kassym-Jomart~1', /one word/],
    [`${'x'.repeat(41)}~1`, `${'x'.repeat(41)}~1`, /40 letters/],
    ['+-x', '-', /cannot follow another operator/],
    ['body:+x', '+', /before the field, as in \+body:word/],
    ['title:-x', '-', /before the field/],
    [Array.from({ length: 17 }, (_, i) => `word${'abcdefghijklmnopq'[i]}~1`).join(' '), 'wordq~1', /17 fuzzy terms.*limit is 16/],
  ];

  it.each(cases)('%j is refused, pointing at %j', (query, at, message) => {
    const error = syntaxError(query);
    expect(query.slice(error.span.start, error.span.end)).toBe(at);
    expect(error.message).toMatch(message);
  });

  it('points at the exact place of the mistake', () => {
    expect(syntaxError('foo:bar').span).toEqual({ start: 0, end: 3 });
    expect(syntaxError('x AND').span).toEqual({ start: 2, end: 5 });
    expect(syntaxError('Tokayev "unclosed').span).toEqual({ start: 8, end: 9 });
    expect(syntaxError('liquefied~3').span).toEqual({ start: 0, end: 11 });
    expect(syntaxError('a title: b').span).toEqual({ start: 2, end: 8 });
  });

  it(`refuses ${MAX_CLAUSES + 1} terms, pointing at the whole query`, () => {
    const query = wordsQuery(MAX_CLAUSES + 1);
    const error = syntaxError(query);
    expect(error.span).toEqual({ start: 0, end: query.length });
    expect(error.message).toMatch(String(MAX_CLAUSES));
  });

  it(`refuses a query of ${MAX_QUERY_LENGTH + 1} characters with invalid-query, saying the limit`, () => {
    const error = expectInvalidQuery(() => parseQuery('a'.repeat(MAX_QUERY_LENGTH + 1)));
    expect(error.message).toMatch(/10000|10,000/);
  });

  it(`gives a ${MAX_QUERY_LENGTH}-character query of too many ordinary words a clean error`, () => {
    const query = 'protest '.repeat(MAX_QUERY_LENGTH / 8).slice(0, MAX_QUERY_LENGTH);
    expect(query).toHaveLength(MAX_QUERY_LENGTH);
    const error = syntaxError(query);
    expect(error.message).toMatch(/limit/);
  });

  it('throws nothing but CasefileError', () => {
    for (const [query] of cases) expect(thrownBy(() => parseQuery(query))).toBeInstanceOf(CasefileError);
  });

  // Caught a bug: after a field, '(' was reported with the message written for '^'.
  it('points at the unclosed parenthesis of title:(x', () => {
    const error = syntaxError('title:(x');
    expect(error.span).toEqual({ start: 6, end: 7 });
    expect(error.message).toMatch(/parenthesis is never closed/);
  });
});
