import {
  AGGREGATES,
  MEASURES,
  MULTIPLIERS,
  NOT_COUNT_AFTER,
  NOT_COUNT_BEFORE,
  NOT_COUNTS,
  NUMBER_WORDS,
  PEOPLE,
  QUALIFIERS,
  SUBSET,
  TRIGGERS,
  WORDS_AFTER,
  WORDS_BEFORE,
  YEARS,
  type Measure,
  type Qualifier,
} from './rules';

export { MEASURES, type Measure, type Qualifier } from './rules';

/** A number a source gives for a measure ("about 16,000 arrested"), with where it says so. */
export interface Claim {
  measure: Measure;
  /** The number (the low end of a range). */
  value: number;
  /** The high end of a range ("8,000 to 10,000"), else null. */
  high: number | null;
  /** How the source hedges the number ("about", "at least", …), else null. */
  qualifier: Qualifier | null;
  /** The clause that gives the number: the document's text from `start` to `end`. */
  text: string;
  /** The whole sentence, for context. */
  sentence: string;
  doc: string;
  /** Offsets into the document's text (UTF-16 code units, as everywhere in Casefile). */
  start: number;
  end: number;
  /** The document's publication date (YYYY-MM-DD), or null. */
  date: string | null;
}

export interface MeasureFigures {
  measure: Measure;
  claims: Claim[];
  /** Whether two of the claims cannot both be true, even read with their qualifiers. */
  conflict: boolean;
}

export interface ClaimSource {
  doc: string;
  date: string | null;
  /** Spans of the text not to read (web boilerplate such as "Read More: …"). */
  skip?: ReadonlyArray<{ start: number; end: number }>;
}

interface Span {
  start: number;
  end: number;
}

const TRIGGER_PATTERNS: Array<[Measure, RegExp]> = MEASURES.map((measure) => [
  measure,
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...TRIGGERS[measure].en, ...TRIGGERS[measure].ru].join('|')})`, 'giu'),
]);

// A decimal comma (Russian "1,5 тысячи") only before a multiplier: elsewhere 8,000 is eight thousand.
const DIGITS = String.raw`\d+,\d{1,2}(?=\s*(?:тыс|млн|thousand|million))|\d{1,3}(?:(?:,|\.|[ \u00a0\u202f])\d{3})+(?![\d])|\d+(?:\.\d+)?`;
const WORDS = Object.keys(NUMBER_WORDS).join('|');
const NUMBER = new RegExp(`(?<![\\p{L}\\d.,])(?:${DIGITS})(?![\\d\\p{L}])|(?<![\\p{L}])(?:${WORDS})(?![\\p{L}])`, 'giu');
const RANGE_TAIL = new RegExp(`^\\s*(?:([-–—])|to|and|до|и)\\s*((?:${DIGITS}))(?![\\d\\p{L}])`, 'iu');
const RANGE_HEAD = /(?<!\p{L})(?:between|from|от|между)\s+$/iu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'gen', 'gov', 'sen', 'rep', 'vs', 'etc', 'approx', 'г', 'гг', 'т', 'им', 'ул', 'тыс', 'млн']);

/** The sentences of a text: spans inside its lines, cut after . ! ? when what follows starts a sentence. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  const line = /[^\n]+/gu;
  for (const l of text.matchAll(line)) {
    const lineStart = l.index;
    let start = 0;
    for (const stop of l[0].matchAll(/[.!?…]+["”»’)]*\s+(?=["“«(‘]?[\p{Lu}\d])/gu)) {
      const before = l[0].slice(start, stop.index);
      const lastWord = /([\p{L}]+)$/u.exec(before)?.[1] ?? '';
      const isAbbreviation = stop[0].startsWith('.') && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord));
      if (isAbbreviation) continue;
      const end = stop.index + stop[0].trimEnd().length;
      spans.push({ start: lineStart + start, end: lineStart + end });
      start = stop.index + stop[0].length;
    }
    spans.push({ start: lineStart + start, end: lineStart + l[0].length });
  }
  return spans.map((s) => trim(text, s)).filter((s) => s.end > s.start);
}

/** The clauses of a sentence: cut at ; : , and spaced dashes, but not inside a number (8,000). */
function clauseSpans(text: string, sentence: Span): Span[] {
  const spans: Span[] = [];
  const body = text.slice(sentence.start, sentence.end);
  let start = 0;
  for (const cut of body.matchAll(/[;:,](?!\d)|\s[—–-]\s/gu)) {
    spans.push({ start: sentence.start + start, end: sentence.start + cut.index });
    start = cut.index + cut[0].length;
  }
  spans.push({ start: sentence.start + start, end: sentence.end });
  return spans.map((s) => trim(text, s)).filter((s) => s.end > s.start);
}

function trim(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const lead = slice.length - slice.trimStart().length;
  return { start: span.start + lead, end: span.start + slice.trimEnd().length };
}

/** A number's value as written: 8,000 / 8 000 / 8.000 / 3.5 / two. */
function numberValue(written: string): number {
  const word = NUMBER_WORDS[written.toLowerCase()];
  if (word !== undefined) return word;
  if (/^\d+,\d{1,2}$/u.test(written)) return Number(written.replace(',', '.'));
  if (/^\d{1,3}(?:[,. \u00a0\u202f]\d{3})+$/u.test(written)) return Number(written.replace(/[^\d]/gu, ''));
  return Number(written);
}

function wordsIn(text: string): number {
  return [...text.matchAll(WORD)].length;
}

/** Masks dates and times with a character that is neither a digit nor a letter, keeping offsets. */
function maskNotCounts(clause: string): string {
  let masked = clause;
  for (const pattern of NOT_COUNTS) masked = masked.replace(pattern, (m) => '#'.repeat(m.length));
  return masked;
}

interface Figure {
  start: number;
  end: number;
  value: number;
  high: number | null;
  qualifier: Qualifier | null;
}

/** The numbers of a clause that may count something (not dates, years, ages, money, times, durations). */
function figuresIn(clause: string): Figure[] {
  const masked = maskNotCounts(clause);
  const figures: Figure[] = [];
  let consumedTo = 0;
  for (const m of masked.matchAll(NUMBER)) {
    if (m.index < consumedTo) continue;
    const written = m[0];
    const before = clause.slice(0, m.index);
    let end = m.index + written.length;
    let value = numberValue(written);
    let high: number | null = null;
    const range = RANGE_TAIL.exec(masked.slice(end));
    if (range && /\d/u.test(written) && (range[1] !== undefined || RANGE_HEAD.test(before))) {
      high = numberValue(range[2]);
      end += range[0].length;
    }
    const afterNumber = clause.slice(end);
    if (NOT_COUNT_BEFORE.test(before) || NOT_COUNT_AFTER.test(afterNumber)) continue;
    const multiplier = MULTIPLIERS.find(([pattern]) => pattern.test(afterNumber));
    if (multiplier) {
      const [pattern, factor] = multiplier;
      end += pattern.exec(afterNumber)?.[0].length ?? 0;
      value = Math.round(value * factor);
      if (high !== null) high = Math.round(high * factor);
      if (NOT_COUNT_AFTER.test(clause.slice(end))) continue;
    }
    const looksLikeYear = /^\d{4}$/u.test(written) && value >= YEARS.from && value <= YEARS.to && high === null && !multiplier;
    if (looksLikeYear && !PEOPLE.test(clause.slice(end))) continue;
    const qualifier = QUALIFIERS.find(([pattern]) => pattern.test(before))?.[1] ?? null;
    figures.push({ start: m.index, end, value, high, qualifier });
    consumedTo = end;
  }
  return figures;
}

interface Trigger {
  measure: Measure;
  start: number;
  end: number;
}

function triggersIn(clause: string): Trigger[] {
  const found: Trigger[] = [];
  for (const [measure, pattern] of TRIGGER_PATTERNS) {
    for (const m of clause.matchAll(pattern)) found.push({ measure, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * The measure a figure counts: the nearest trigger word after it (within WORDS_AFTER words), else
 * before it (within WORDS_BEFORE words, or anywhere earlier when the clause names a total: "the
 * number of detained … reached 9,900"); never across another number.
 */
function measureOf(clause: string, figure: Figure, figures: Figure[], triggers: Trigger[]): Measure | null {
  const next = figures.find((f) => f.start >= figure.end)?.start ?? clause.length;
  const previous = [...figures].reverse().find((f) => f.end <= figure.start)?.end ?? 0;
  const after = triggers
    .filter((t) => t.start >= figure.end && t.end <= next && wordsIn(clause.slice(figure.end, t.start)) < WORDS_AFTER)
    .sort((a, b) => a.start - b.start)[0];
  if (after) return after.measure;
  const totalNamed = AGGREGATES.test(clause.slice(previous, figure.start));
  const before = triggers
    .filter((t) => t.end <= figure.start && t.start >= previous && (totalNamed || wordsIn(clause.slice(t.end, figure.start)) < WORDS_BEFORE))
    .sort((a, b) => b.end - a.end)[0];
  return before?.measure ?? null;
}

/** Every claim in a document's text, in the order they are written. */
export function extractClaims(text: string, source: ClaimSource): Claim[] {
  const claims: Claim[] = [];
  const skipped = (span: Span) => source.skip?.some((s) => span.start < s.end && s.start < span.end) ?? false;
  for (const sentence of sentenceSpans(text)) {
    if (skipped(sentence)) continue;
    let lastMeasure: Measure | null = null;
    for (const span of clauseSpans(text, sentence)) {
      const clause = text.slice(span.start, span.end);
      const figures = figuresIn(clause);
      if (figures.length === 0) continue;
      const triggers = triggersIn(clause);
      for (const figure of figures) {
        const measure: Measure | null = measureOf(clause, figure, figures, triggers) ?? (SUBSET.test(clause) ? lastMeasure : null);
        if (!measure) continue;
        lastMeasure = measure;
        claims.push({
          measure,
          value: figure.value,
          high: figure.high,
          qualifier: figure.qualifier,
          text: clause,
          sentence: text.slice(sentence.start, sentence.end),
          doc: source.doc,
          start: span.start,
          end: span.end,
          date: source.date,
        });
      }
    }
  }
  return claims;
}

/** The values a claim allows, read with its qualifier ("about" allows 10% either way). */
function allowed(claim: Pick<Claim, 'value' | 'high' | 'qualifier'>): [number, number] {
  const v = claim.value;
  if (claim.high !== null) return [v, claim.high];
  switch (claim.qualifier) {
    case 'about':
      return [v * 0.9, v * 1.1];
    case 'almost':
      return [v * 0.9, v];
    case 'at least':
    case 'more than':
      return [v, Number.POSITIVE_INFINITY];
    case 'at most':
      return [0, v];
    default:
      return [v, v];
  }
}

/** Whether some two claims allow no common value. */
export function inConflict(claims: ReadonlyArray<Pick<Claim, 'value' | 'high' | 'qualifier'>>): boolean {
  const ranges = claims.map(allowed);
  return ranges.some(([lo, hi], i) => ranges.slice(i + 1).some(([lo2, hi2]) => hi < lo2 || hi2 < lo));
}

/** Claims grouped by measure (in MEASURES order), oldest source first, each group marked if it disagrees. */
export function groupClaims(claims: readonly Claim[]): MeasureFigures[] {
  return MEASURES.flatMap((measure) => {
    const ofMeasure = claims
      .filter((c) => c.measure === measure)
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.doc.localeCompare(b.doc) || a.start - b.start);
    return ofMeasure.length === 0 ? [] : [{ measure, claims: ofMeasure, conflict: inConflict(ofMeasure) }];
  });
}
