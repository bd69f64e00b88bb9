import { monthOf, validDate } from '../archive/metadata';

/** How exactly a date is known. A week is written as the ISO date of its Monday. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/**
 * What a date was resolved against: written in full ('written'), the document's publication date
 * ('publication'), another date written before it in the text ('context'), or, for a day and month
 * in an undated document with no year nearby, the year of the archive's dated documents ('assumed').
 */
export type DateBasis = 'written' | 'publication' | 'context' | 'assumed';

export interface DateInText {
  /** YYYY-MM-DD (day, week), YYYY-MM (month) or YYYY (year). */
  date: string;
  precision: DatePrecision;
  /** The words as written. */
  text: string;
  /** Offsets into the document's text, as everywhere in Casefile. */
  start: number;
  end: number;
  kind: 'absolute' | 'relative';
  basis: DateBasis;
}

export interface ReadingContext {
  /** The document's publication date (YYYY-MM-DD), if known: what relative dates are resolved against. */
  published: string | null;
  /** The year to assume for "January 5" in an undated document that writes no year before it. */
  assumedYear: number | null;
}

const DAY_MS = 86_400_000;
const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}]|[:.,]\d)`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  один: 1, одни: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10,
};
const WEEKDAYS: string[][] = [
  ['monday', 'понедельник'],
  ['tuesday', 'вторник'],
  ['wednesday', 'среду', 'среда'],
  ['thursday', 'четверг'],
  ['friday', 'пятницу', 'пятница'],
  ['saturday', 'субботу', 'суббота'],
  ['sunday', 'воскресенье'],
];

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
function addDays(iso: string, days: number): string {
  return isoDay(new Date(utc(iso).getTime() + days * DAY_MS));
}
function mondayOf(iso: string): string {
  return addDays(iso, -((utc(iso).getUTCDay() + 6) % 7));
}
function addMonths(iso: string, months: number): string {
  const d = utc(iso);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1))).slice(0, 7);
}
function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? 0);
}
/** A Latin month name is capitalized in running text ("may", "march" are words too); a Cyrillic one is not. */
function monthWord(word: string): number {
  if (/^\p{Script=Latin}/u.test(word) && word[0] !== word[0].toUpperCase()) return 0;
  return monthOf(word);
}
function yearOf(text: string | undefined): number | null {
  const year = Number(text);
  return text && year >= 1900 && year <= 2099 ? year : null;
}

interface Candidate {
  start: number;
  end: number;
  /** Resolves the candidate, given the last day-precision date written before it (the narrative's "now"). */
  resolve(previous: DateInText | null): Omit<DateInText, 'text' | 'start' | 'end'> | null;
}

// An abbreviation's dot belongs to the month only when a number follows ("Jan. 5"), not at a sentence's end.
const MONTH = String.raw`(\p{L}{3,}(?:\.(?=\s*\d))?)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
/** A day before its month may also be written "1er", "7-го", "7.". */
const DAY_FIRST = String.raw`(\d{1,2})(?:st|nd|rd|th|er|-?го|\.)?`;
const YEAR_TAIL = String.raw`(?:,?\s+(\d{4})(?:\s*(?:г\.|года|году|год|ж\.|жылы|жылғы))?)?`;

/**
 * The dates written in a text, absolute ("January 5", "5 января 2022 года", "in 2022") and relative
 * ("last week", "on Wednesday", "вчера", "two days later"), each resolved with its precision. A
 * relative date that needs the publication date is dropped from an undated document.
 */
export function datesInText(text: string, context: ReadingContext): DateInText[] {
  const candidates: Candidate[] = [];
  const add = (pattern: string, make: (m: RegExpExecArray) => Candidate['resolve'] | null) => {
    for (const m of text.matchAll(new RegExp(NOT_WORD_BEFORE + pattern + NOT_WORD_AFTER, 'giu'))) {
      const resolve = make(m);
      if (resolve && m.index !== undefined) candidates.push({ start: m.index, end: m.index + m[0].length, resolve });
    }
  };

  const dayMonth = (dayText: string, monthText: string, yearText: string | undefined): Candidate['resolve'] | null => {
    const month = monthWord(monthText);
    const day = Number(dayText);
    if (month === 0 || day < 1 || day > 31) return null;
    const written = yearOf(yearText);
    return (previous) => {
      if (written) {
        const date = validDate('', written, month, day);
        return date && { date: date.iso, precision: 'day', kind: 'absolute', basis: 'written' };
      }
      const { year, basis } = yearFor(month, day, previous, context);
      if (year === null) return null;
      const date = validDate('', year, month, day);
      return date && { date: date.iso, precision: 'day', kind: 'absolute', basis };
    };
  };
  // "January 5", "Jan. 5, 2022", "January 22nd, 2022"
  add(String.raw`${MONTH}\s+${DAY}${YEAR_TAIL}`, (m) => dayMonth(m[2], m[1], m[3]));
  // "5 January 2022", "5th January", "5 of January", "5 января 2022 года", "7 қаңтар 2022 ж."
  add(String.raw`${DAY_FIRST}\s+(?:of\s+)?${MONTH}${YEAR_TAIL}`, (m) => dayMonth(m[1], m[2], m[3]));
  // Kazakh, year first: "2022 жылғы 7 қаңтар"
  add(String.raw`(\d{4})\s*(?:жылғы|жылы|ж\.)\s*(\d{1,2})\s+(\p{L}+)`, (m) => dayMonth(m[2], m[3], m[1]));
  // "January 2022", "в январе 2022 года", "in January", "в январе" (not "January 5": a day follows)
  add(String.raw`(?:(in|early|late|mid-|since|until|by|during|в|во|с|до)\s+)?(\p{L}{3,})(?!\s+\d{1,2}(?!\d))(?:\s+(\d{4})(?:\s*(?:г\.|года|году))?)?`, (m) => {
    const month = monthWord(m[2]);
    const written = yearOf(m[3]);
    if (month === 0 || (!written && !m[1])) return null;
    return (previous) => {
      if (written) return { date: `${written}-${pad(month)}`, precision: 'month', kind: 'absolute', basis: 'written' };
      const { year, basis } = yearFor(month, 1, previous, context);
      return year === null ? null : { date: `${year}-${pad(month)}`, precision: 'month', kind: 'absolute', basis };
    };
  });
  // "in 2022", "since 2019", "в 2022 году", "2022 года"
  add(String.raw`(?:(?:in|since|by|until|during|of|early|late|mid-|в|с|до)\s+(\d{4})(?:\s*(?:г\.|году|года|год))?|(\d{4})\s*(?:году|года|год|жылы))`, (m) => {
    const year = yearOf(m[1] ?? m[2]);
    return year === null ? null : () => ({ date: String(year), precision: 'year', kind: 'absolute', basis: 'written' });
  });

  const fromPublication = (days: number): Candidate['resolve'] => () =>
    context.published ? { date: addDays(context.published, days), precision: 'day', kind: 'relative', basis: 'publication' } : null;
  add(String.raw`(yesterday|today|tomorrow|вчера|сегодня|завтра|позавчера)`, (m) => {
    const word = m[1].toLowerCase();
    const days = { yesterday: -1, вчера: -1, позавчера: -2, today: 0, сегодня: 0, tomorrow: 1, завтра: 1 }[word] ?? 0;
    return fromPublication(days);
  });
  // "last week", "this month", "next year", "на прошлой неделе", "в прошлом месяце", "в этом году"
  add(
    String.raw`(?:(last|this|next)\s+(week|month|year)|(?:на\s+)?(прошлой|этой|следующей)\s+(неделе)|(?:в\s+)?(прошлом|этом|следующем)\s+(месяце|году))`,
    (m) => {
      const which = (m[1] ?? m[3] ?? m[5]).toLowerCase();
      const unit = (m[2] ?? m[4] ?? m[6]).toLowerCase();
      const step = /^(last|прошл)/.test(which) ? -1 : /^(next|следующ)/.test(which) ? 1 : 0;
      return () => {
        const published = context.published;
        if (!published) return null;
        if (unit === 'week' || unit === 'неделе') return { date: addDays(mondayOf(published), 7 * step), precision: 'week', kind: 'relative', basis: 'publication' };
        if (unit === 'month' || unit === 'месяце') return { date: addMonths(published, step), precision: 'month', kind: 'relative', basis: 'publication' };
        return { date: String(Number(published.slice(0, 4)) + step), precision: 'year', kind: 'relative', basis: 'publication' };
      };
    },
  );
  // "on Wednesday", "last Friday", "Wednesday", "в среду", "во вторник", "в прошлую пятницу"
  add(String.raw`(?:(on|last|next|в|во)\s+(?:(прошлую|прошлый|прошлое)\s+)?)?(${WEEKDAYS.flat().join('|')})`, (m) => {
    const word = m[3];
    const weekday = WEEKDAYS.findIndex((names) => names.includes(word.toLowerCase()));
    if (weekday === -1) return null;
    const latin = /^\p{Script=Latin}/u.test(word);
    if (latin ? word[0] !== word[0].toUpperCase() : !m[1]) return null;
    const lead = m[1]?.toLowerCase();
    const strictlyBefore = lead === 'last' || m[2] !== undefined;
    const after = lead === 'next';
    return () => {
      const published = context.published;
      if (!published) return null;
      const target = (weekday + 1) % 7; // getUTCDay: Sunday 0
      const today = utc(published).getUTCDay();
      let days = after ? (target - today + 7) % 7 || 7 : -((today - target + 7) % 7);
      if (strictlyBefore && days === 0) days = -7;
      return { date: addDays(published, days), precision: 'day', kind: 'relative', basis: 'publication' };
    };
  });
  // "two days later", "3 days earlier", "a week later", "the next day", "на следующий день", "два дня спустя", "через два дня"
  add(
    String.raw`(?:(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+(later|earlier|ago)|(the\s+(?:next|following|previous)\s+day|the\s+day\s+(?:after|before)|на\s+следующий\s+день|накануне)|(?:через\s+(\d{1,2}|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+(дн(?:я|ей)|недел[юиь]))|(\d{1,2}|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+(дн(?:я|ей)|недел[иь])\s+(спустя|назад))`,
    (m) => {
      let days: number;
      let ago = false;
      if (m[1]) {
        days = countOf(m[1]) * (/^week/i.test(m[2]) ? 7 : 1) * (m[3].toLowerCase() === 'later' ? 1 : -1);
        ago = m[3].toLowerCase() === 'ago';
      } else if (m[4]) {
        days = /next|following|after|следующий/i.test(m[4]) ? 1 : -1;
      } else if (m[5]) {
        days = countOf(m[5]) * (/^нед/i.test(m[6]) ? 7 : 1);
      } else {
        days = countOf(m[7]) * (/^нед/i.test(m[8]) ? 7 : 1) * (m[9].toLowerCase() === 'спустя' ? 1 : -1);
        ago = m[9].toLowerCase() === 'назад';
      }
      if (days === 0) return null;
      return (previous) => {
        if (ago) return fromPublication(days)(null);
        if (previous) return { date: addDays(previous.date, days), precision: 'day', kind: 'relative', basis: previous.basis === 'assumed' ? 'assumed' : 'context' };
        return null;
      };
    },
  );

  // Where candidates overlap, the longest (then the first) is the date written.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  const found: DateInText[] = [];
  let previous: DateInText | null = null;
  for (const c of kept) {
    const resolved = c.resolve(previous);
    if (!resolved) continue;
    const entry: DateInText = { ...resolved, text: text.slice(c.start, c.end), start: c.start, end: c.end };
    found.push(entry);
    if (entry.precision === 'day') previous = entry;
  }
  return found;
}

/**
 * The year of "January 5" without one: the publication's (the year before if that would put it over
 * a month after publication), else the year of the last full date written before it, else the
 * archive's assumed year.
 */
function yearFor(month: number, day: number, previous: DateInText | null, context: ReadingContext): { year: number | null; basis: DateBasis } {
  if (context.published) {
    const year = Number(context.published.slice(0, 4));
    const candidate = `${year}-${pad(month)}-${pad(day)}`;
    return { year: candidate > addDays(context.published, 31) ? year - 1 : year, basis: 'publication' };
  }
  if (previous) return { year: Number(previous.date.slice(0, 4)), basis: previous.basis === 'assumed' ? 'assumed' : 'context' };
  return { year: context.assumedYear, basis: 'assumed' };
}
