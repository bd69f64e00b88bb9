import { CasefileError } from '../errors';
import { said, type Said } from '../said';
import { normalizeTerm, tokenize, words } from './tokenizer';
import { FUZZY_MAX_LETTERS } from './variants';

export const SEARCH_FIELDS = ['title', 'body', 'byline'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const MAX_QUERY_LENGTH = 10_000;
export const MAX_CLAUSES = 256;
/** lunr expands `term~N` into every string within N edits: past 2 that exhausts memory. */
export const MAX_EDIT_DISTANCE = 2;
/** Each `~N` builds an edit automaton over the index: a query may ask for this many. */
export const MAX_FUZZY_TERMS = 16;
/** `"a b"~N`: further apart than about a paragraph, words are simply both in the article (+a +b). */
export const MAX_PROXIMITY = 100;
/** Parentheses inside parentheses: deeper than anyone writes by hand, shallow enough for any stack. */
export const MAX_GROUP_DEPTH = 32;

export type Presence = 'optional' | 'required' | 'prohibited';

/** Where in the query something stands: [start, end) in characters. */
export interface QuerySpan {
  start: number;
  end: number;
}

export interface QueryWord {
  /** Matching form (see tokenizer). */
  term: string;
}

interface ClauseBase {
  presence: Presence;
  /** null: every field. */
  fields: SearchField[] | null;
  boost: number;
  /** The clause as the user wrote it, operators aside (shown with counts). */
  text: string;
  span: QuerySpan;
}

export interface TermClause extends ClauseBase {
  kind: 'term';
  word: QueryWord;
  /** `term~N` as written; undefined when the user did not ask. */
  editDistance?: number;
}

export interface WildcardClause extends ClauseBase {
  kind: 'wildcard';
  /** Lower-cased pattern with `*` for any run of characters. */
  pattern: string;
}

/**
 * Words that must stand adjacent and in order (a quoted phrase or a hyphenated word), or, with a
 * proximity (`"security forces"~5`), near each other in any order.
 */
export interface PhraseClause extends ClauseBase {
  kind: 'phrase';
  words: QueryWord[];
  /** A hyphenated word also matches as one term (Alma-Ata). */
  whole?: QueryWord;
  /** `"a b"~N`: at most N other words stand among the phrase's words, in any order (absent: adjacent, in order). */
  proximity?: number;
}

/**
 * Clauses in parentheses, read as a query of their own (required all match, prohibited none, else
 * at least one optional one); the group as a whole is one clause of the query around it.
 */
export interface GroupClause extends ClauseBase {
  kind: 'group';
  clauses: QueryClause[];
}

/** A clause the index is asked about: anything but a group. */
export type WordClause = TermClause | WildcardClause | PhraseClause;
export type QueryClause = WordClause | GroupClause;

export interface ParsedQuery {
  clauses: QueryClause[];
}

/** The word clauses of a query, in reading order, groups opened. */
export function wordClauses(clauses: readonly QueryClause[]): WordClause[] {
  return clauses.flatMap((c) => (c.kind === 'group' ? wordClauses(c.clauses) : [c]));
}

/** A query the parser cannot read; `span` says where, so a shell can point at it. */
export class QuerySyntaxError extends CasefileError {
  constructor(
    message: string | Said,
    readonly span: QuerySpan,
  ) {
    super('invalid-query', message);
    this.name = 'QuerySyntaxError';
  }
}

const FIELD_LIST = SEARCH_FIELDS.join(', ');
const KEYWORDS = new Set(['AND', 'OR', 'NOT']);
const TERM_STOP = /[\s"()]/u;
/**
 * A field name before its colon, read where a clause starts: a letter, then letters, digits,
 * underscores or hyphens (`unknown-field:`, `covid19:`), so a mistyped field is refused rather
 * than searched as words. A time or a number (`10:30`) starts with a digit and stays a term.
 */
const FIELD_NAME = /([\p{L}_][\p{L}\p{M}\p{N}_-]*):/uy;

/**
 * Reads the query language (docs/query-language.md): words, "phrases", "near words"~N, +required,
 * -excluded, AND / OR / NOT, (groups), field:term, term^boost, term~N, pre*fix. Never throws anything
 * but QuerySyntaxError (or CasefileError for an over-long query).
 */
export function parseQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new CasefileError('invalid-query', said('query.tooLong', { length: query.length, limit: MAX_QUERY_LENGTH }));
  }
  return new Parser(query).parse();
}

/** What one level of the query (the whole query, or a group's inside) has read so far. */
class Level {
  readonly clauses: QueryClause[] = [];
  pendingPresence: { presence: Presence; span: QuerySpan } | null = null;
  /** Set by AND or OR between two clauses; AND makes both required. */
  pendingJoin: { keyword: string; span: QuerySpan } | null = null;
}

class Parser {
  private pos = 0;

  constructor(private readonly query: string) {}

  parse(): ParsedQuery {
    const clauses = this.readLevel(null, null, 0);
    const leaves = wordClauses(clauses);
    const fuzzy = leaves.filter((c) => c.kind === 'term' && (c.editDistance ?? 0) > 0);
    if (fuzzy.length > MAX_FUZZY_TERMS) {
      throw new QuerySyntaxError(said('query.tooManyFuzzy', { count: fuzzy.length, limit: MAX_FUZZY_TERMS }), fuzzy[MAX_FUZZY_TERMS].span);
    }
    if (leaves.length > MAX_CLAUSES) {
      throw new QuerySyntaxError(said('query.tooManyTerms', { count: leaves.length, limit: MAX_CLAUSES }), {
        start: 0,
        end: this.query.length,
      });
    }
    return { clauses };
  }

  /**
   * The clauses up to the end of the query or, inside the group opened at `open`, up to its ')'
   * (left for the group to read). `fields`: the field written before the group, for its words.
   */
  private readLevel(open: number | null, fields: SearchField[] | null, depth: number): QueryClause[] {
    const level = new Level();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.query.length) {
        if (open !== null) throw new QuerySyntaxError(said('query.unclosedGroup'), this.spanAt(open, 1));
        break;
      }
      if (this.query[this.pos] === ')') {
        if (open === null) throw new QuerySyntaxError(said('query.unopenedGroup'), this.spanAt(this.pos, 1));
        break;
      }
      this.readClause(level, fields, depth);
    }
    if (level.pendingPresence) {
      const { span } = level.pendingPresence;
      throw new QuerySyntaxError(said('query.needsTermAfter', { operator: this.query.slice(span.start, span.end) }), span);
    }
    if (level.pendingJoin) {
      throw new QuerySyntaxError(said('query.needsTermEachSide', { keyword: level.pendingJoin.keyword }), level.pendingJoin.span);
    }
    return level.clauses;
  }

  private readClause(level: Level, fields: SearchField[] | null, depth: number): void {
    const start = this.pos;
    const ch = this.query[this.pos];
    const keyword = this.peekKeyword();
    if (keyword) return this.readKeyword(level, keyword);
    if (ch === '+' || ch === '-') {
      const next = this.query[this.pos + 1];
      if (next === undefined || /[\s)]/u.test(next)) {
        throw new QuerySyntaxError(said('query.operatorNeedsTerm', { operator: ch }), this.spanAt(start, 1));
      }
      this.setPresence(level, ch === '+' ? 'required' : 'prohibited', this.spanAt(start, 1));
      this.pos++;
    }
    this.readFieldedAtom(level, fields, depth);
  }

  private peekKeyword(): string | null {
    const match = /^(AND|OR|NOT)(?=[\s()]|$)/u.exec(this.query.slice(this.pos, this.pos + 4));
    return match && KEYWORDS.has(match[1]) ? match[1] : null;
  }

  private readKeyword(level: Level, keyword: string): void {
    const span = this.spanAt(this.pos, keyword.length);
    this.pos += keyword.length;
    if (keyword === 'NOT') {
      this.setPresence(level, 'prohibited', span);
      return;
    }
    const previous = level.clauses.at(-1);
    if (!previous || level.pendingPresence || level.pendingJoin) {
      throw new QuerySyntaxError(said('query.needsTermEachSide', { keyword }), span);
    }
    if (keyword === 'AND' && previous.presence === 'optional') previous.presence = 'required';
    level.pendingJoin = { keyword, span };
  }

  private setPresence(level: Level, presence: Presence, span: QuerySpan): void {
    if (level.pendingPresence) {
      throw new QuerySyntaxError(said('query.operatorAfterOperator', { operator: this.query.slice(span.start, span.end) }), span);
    }
    level.pendingPresence = { presence, span };
  }

  private readFieldedAtom(level: Level, groupFields: SearchField[] | null, depth: number): void {
    const start = this.pos;
    let fields = groupFields;
    FIELD_NAME.lastIndex = this.pos;
    const fieldMatch = FIELD_NAME.exec(this.query);
    if (fieldMatch) {
      const name = fieldMatch[1];
      const span = this.spanAt(start, name.length);
      if (!(SEARCH_FIELDS as readonly string[]).includes(name.toLowerCase())) {
        throw new QuerySyntaxError(said('query.unknownField', { name, fields: FIELD_LIST }), span);
      }
      // A field written inside a group wins over the group's.
      fields = [name.toLowerCase() as SearchField];
      this.pos += fieldMatch[0].length;
      const next = this.query[this.pos];
      if (next === undefined || /[\s)]/u.test(next)) {
        throw new QuerySyntaxError(said('query.nothingAfterField', { name }), this.spanAt(start, fieldMatch[0].length));
      }
    } else if (this.query[this.pos] === ':') {
      throw new QuerySyntaxError(said('query.colonWithoutField', { fields: FIELD_LIST }), this.spanAt(start, 1));
    }
    const next = this.query[this.pos];
    if (next === '+' || next === '-') {
      const message = fieldMatch ? said('query.operatorBeforeField', { operator: next, field: fields?.[0] ?? '' }) : said('query.operatorAfterOperator', { operator: next });
      throw new QuerySyntaxError(message, this.spanAt(this.pos, 1));
    }
    const clause = next === '(' ? this.readGroup(fields, depth) : next === '"' ? this.readPhrase(fields) : this.readTerm(fields);
    if (!clause) return;
    clause.span.start = level.pendingPresence?.span.start ?? start;
    clause.presence = level.pendingPresence?.presence ?? (level.pendingJoin?.keyword === 'AND' ? 'required' : 'optional');
    level.pendingPresence = null;
    level.pendingJoin = null;
    level.clauses.push(clause);
  }

  private readGroup(fields: SearchField[] | null, depth: number): GroupClause {
    const open = this.pos;
    if (depth >= MAX_GROUP_DEPTH) {
      throw new QuerySyntaxError(said('query.groupsTooDeep', { limit: MAX_GROUP_DEPTH }), this.spanAt(open, 1));
    }
    this.pos++;
    const clauses = this.readLevel(open, fields, depth + 1);
    const close = this.pos; // readLevel stops at the group's ')'
    this.pos++;
    const text = this.query.slice(open, close + 1);
    if (clauses.length === 0) {
      throw new QuerySyntaxError(said('query.emptyGroup', { group: text }), this.spanAt(open, close + 1 - open));
    }
    const { boost } = this.readModifiers(open, 'group');
    return { kind: 'group', presence: 'optional', fields, boost, text, span: { start: open, end: this.pos }, clauses };
  }

  private readPhrase(fields: SearchField[] | null): QueryClause | null {
    const open = this.pos;
    const close = this.query.indexOf('"', open + 1);
    if (close === -1) {
      throw new QuerySyntaxError(said('query.unclosedQuote'), this.spanAt(open, 1));
    }
    const inner = this.query.slice(open + 1, close);
    this.pos = close + 1;
    const phraseWords = words(inner).map((w) => ({ term: w.term }));
    const modifiers = this.readModifiers(open, 'phrase');
    const text = this.query.slice(open, close + 1);
    const span = { start: open, end: this.pos };
    if (phraseWords.length === 0) {
      throw new QuerySyntaxError(said('query.emptyPhrase', { phrase: text }), span);
    }
    const base = { presence: 'optional' as Presence, fields, boost: modifiers.boost, text, span };
    if (phraseWords.length === 1) {
      if (modifiers.proximity !== undefined) {
        throw new QuerySyntaxError(said('query.proximityOneWord', { word: inner.trim() }), span);
      }
      return { ...base, kind: 'term', word: phraseWords[0] };
    }
    return { ...base, kind: 'phrase', words: phraseWords, ...(modifiers.proximity === undefined ? {} : { proximity: modifiers.proximity }) };
  }

  private readTerm(fields: SearchField[] | null): QueryClause | null {
    const start = this.pos;
    while (this.pos < this.query.length && !TERM_STOP.test(this.query[this.pos]) && !'^~'.includes(this.query[this.pos])) {
      this.pos++;
    }
    const written = this.query.slice(start, this.pos);
    if (written === '') {
      const ch = this.query[this.pos];
      throw new QuerySyntaxError(
        ch === '~' ? said('query.tildeWithoutWord') : said('query.modifierWithoutWord', { modifier: ch }),
        this.spanAt(start, 1),
      );
    }
    const modifiers = this.readModifiers(start, 'term');
    const span = { start, end: this.pos };
    const base = { presence: 'optional' as Presence, fields, boost: modifiers.boost, text: written, span };
    if (written.includes('*')) {
      if (modifiers.editDistance !== undefined) {
        throw new QuerySyntaxError(said('query.wildcardAndFuzzy'), span);
      }
      const pattern = normalizeTerm(written.replace(/[^\p{L}\p{M}\p{N}*'’ʼ‘-]/gu, ''));
      if (!/[\p{L}\p{N}]/u.test(pattern)) {
        throw new QuerySyntaxError(said('query.wildcardNeedsLetter'), span);
      }
      return { ...base, kind: 'wildcard', pattern };
    }
    const tokens = tokenize(written);
    const parts = tokens.filter((t) => !t.compound);
    if (parts.length === 0) return null; // punctuation alone: nothing to look for
    if (parts.length === 1) {
      if (modifiers.editDistance && parts[0].term.length > FUZZY_MAX_LETTERS) {
        throw new QuerySyntaxError(said('query.fuzzyWordTooLong', { letters: FUZZY_MAX_LETTERS }), span);
      }
      return { ...base, kind: 'term', word: { term: parts[0].term }, editDistance: modifiers.editDistance };
    }
    if (modifiers.editDistance !== undefined) {
      throw new QuerySyntaxError(said('query.fuzzyOneWord', { words: written }), span);
    }
    const compound = tokens.find((t) => t.compound && t.start === parts[0].start && t.end === parts.at(-1)?.end);
    return {
      ...base,
      kind: 'phrase',
      words: parts.map((p) => ({ term: p.term })),
      ...(compound ? { whole: { term: compound.term } } : {}),
    };
  }

  /**
   * Reads any `^N` and `~N` after a term, phrase or group: after a term `~N` is an edit distance,
   * after a phrase a proximity; a group takes a boost only.
   */
  private readModifiers(clauseStart: number, kind: 'term' | 'phrase' | 'group'): { boost: number; editDistance?: number; proximity?: number } {
    let boost = 1;
    let editDistance: number | undefined;
    let proximity: number | undefined;
    for (;;) {
      const ch = this.query[this.pos];
      if (ch === '^') {
        const match = /^\^(\d+(?:\.\d+)?)/u.exec(this.query.slice(this.pos));
        const value = match ? Number(match[1]) : NaN;
        if (!match || !(value > 0)) {
          throw new QuerySyntaxError(said('query.boostNeedsNumber'), this.spanAt(this.pos, 1));
        }
        boost = value;
        this.pos += match[0].length;
      } else if (ch === '~' && kind === 'group') {
        throw new QuerySyntaxError(said('query.groupTilde'), this.spanAt(this.pos, 1));
      } else if (ch === '~' && kind === 'phrase') {
        proximity = this.readProximity(clauseStart);
      } else if (ch === '~') {
        const match = /^~(\d*)/u.exec(this.query.slice(this.pos)) as RegExpExecArray;
        const value = match[1] === '' ? 1 : Number(match[1]);
        if (value > MAX_EDIT_DISTANCE) {
          throw new QuerySyntaxError(
            said('query.tooManyEdits', { edits: match[1] }),
            this.spanAt(clauseStart, this.pos + match[0].length - clauseStart),
          );
        }
        editDistance = value;
        this.pos += match[0].length;
      } else {
        const next = this.query[this.pos];
        if (next !== undefined && !/[\s()]/u.test(next)) {
          throw new QuerySyntaxError(said('query.unexpected', { character: next }), this.spanAt(this.pos, 1));
        }
        return { boost, editDistance, proximity };
      }
    }
  }

  /** `~N` after a phrase: how many other words may stand among its words. */
  private readProximity(clauseStart: number): number {
    const match = /^~(\d+)/u.exec(this.query.slice(this.pos));
    if (!match) throw new QuerySyntaxError(said('query.proximityNeedsNumber'), this.spanAt(this.pos, 1));
    const distance = Number(match[1]);
    if (distance > MAX_PROXIMITY) {
      throw new QuerySyntaxError(
        said('query.proximityTooFar', { distance: match[1], limit: MAX_PROXIMITY }),
        this.spanAt(clauseStart, this.pos + match[0].length - clauseStart),
      );
    }
    this.pos += match[0].length;
    return distance;
  }

  private skipSpace(): void {
    while (this.pos < this.query.length && /\s/u.test(this.query[this.pos])) this.pos++;
  }

  private spanAt(start: number, length: number): QuerySpan {
    return { start, end: start + length };
  }
}
