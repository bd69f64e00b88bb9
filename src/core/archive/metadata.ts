import type { DocumentDate, TextSpan } from './document';

export interface ExtractedMetadata {
  title: string;
  byline: string | null;
  date: DocumentDate | null;
  dateline: string | null;
  language: string | null;
}

/**
 * Month names, January first, in the languages Casefile detects: full forms in every case a date
 * uses (Russian "января" and "январь"); abbreviations are matched as their prefixes ("янв.", "Sept.").
 */
const MONTH_NAMES: string[][] = [
  ['january', 'janvier', 'januar', 'jänner', 'enero', 'январь', 'января', 'январе', 'қаңтар'],
  ['february', 'février', 'fevrier', 'februar', 'febrero', 'февраль', 'февраля', 'феврале', 'ақпан'],
  ['march', 'mars', 'märz', 'maerz', 'marzo', 'март', 'марта', 'марте', 'наурыз'],
  ['april', 'avril', 'abril', 'апрель', 'апреля', 'апреле', 'сәуір'],
  ['may', 'mai', 'mayo', 'май', 'мая', 'мае', 'мамыр'],
  ['june', 'juin', 'juni', 'junio', 'июнь', 'июня', 'июне', 'маусым'],
  ['july', 'juillet', 'juli', 'julio', 'июль', 'июля', 'июле', 'шілде'],
  ['august', 'août', 'aout', 'agosto', 'август', 'августа', 'августе', 'тамыз'],
  ['september', 'septembre', 'septiembre', 'setiembre', 'сентябрь', 'сентября', 'сентябре', 'қыркүйек'],
  ['october', 'octobre', 'oktober', 'octubre', 'октябрь', 'октября', 'октябре', 'қазан'],
  ['november', 'novembre', 'noviembre', 'ноябрь', 'ноября', 'ноябре', 'қараша'],
  ['december', 'décembre', 'decembre', 'dezember', 'diciembre', 'декабрь', 'декабря', 'декабре', 'желтоқсан'],
];
// Kazakh adds case endings to the month ("қаңтарда", "қаңтардағы"): its names are matched as prefixes.
const KAZAKH_MONTHS = new Set(MONTH_NAMES.map((names) => names[names.length - 1]));

/** The month (1–12) a word names, or 0: a full name, a Kazakh name with an ending, or an abbreviation of three letters or more. */
export function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const index = MONTH_NAMES.findIndex((names) => names.some((name) => name === w || name.startsWith(w) || (KAZAKH_MONTHS.has(name) && w.startsWith(name))));
  return index + 1;
}

// "Sat. Jan 22nd, 2022", "Jan. 5, 2022", "January 5 2022", optionally with a weekday in front.
const MONTH_DAY_YEAR = /^(?:\p{L}+\.?,?\s+)?(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;
// "7 января 2022 г.", "пятница, 7 января 2022", "le 1er février 2022", "Freitag, 7. Januar 2022",
// "7 de enero de 2022", "7 қаңтар 2022 ж.".
const DAY_MONTH_YEAR = /^(?:\p{L}+,?\s+)?(\d{1,2})(?:er|\.)?\s+(?:de\s+)?(\p{L}+\.?),?\s+(?:de\s+)?(\d{4})(?:\s*(?:г\.?|года|ж\.?|жыл\p{L}*))?$/u;
// Kazakh, year first: "2022 жылғы 7 қаңтар", "2022 ж. 7 қаңтарда".
const YEAR_DAY_MONTH = /^(\d{4})\s*(?:жылғы|жылы|ж\.)\s*(\d{1,2})\s+(\p{L}+)$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Each written form with the order of its day, month and year groups. */
const WRITTEN_DATES: Array<[RegExp, Array<'day' | 'month' | 'year'>]> = [
  [MONTH_DAY_YEAR, ['month', 'day', 'year']],
  [DAY_MONTH_YEAR, ['day', 'month', 'year']],
  [YEAR_DAY_MONTH, ['year', 'day', 'month']],
];

/** Lines that are page furniture rather than a headline ("7 Min Read"). */
const FURNITURE = /^\d+\s+min(?:ute)?s?\s+read$/i;

// Account names that blogs print as bylines but that name nobody.
const GENERIC_AUTHORS = new Set(['admin', 'administrator', 'staff', 'editor', 'editors', 'guest', 'webmaster']);

export function parseDateLine(line: string): DocumentDate | null {
  const text = line.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) return validDate(text, Number(iso[1]), Number(iso[2]), Number(iso[3]));
  for (const [pattern, order] of WRITTEN_DATES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const part = (name: 'day' | 'month' | 'year') => match[order.indexOf(name) + 1];
    const month = monthOf(part('month'));
    const date = month === 0 ? null : validDate(text, Number(part('year')), month, Number(part('day')));
    if (date) return date;
  }
  return null;
}

export function validDate(text: string, year: number, month: number, day: number): DocumentDate | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { text, iso: date.toISOString().slice(0, 10) };
}

interface BylineCandidate {
  name: string;
  /** "Posted By : Site" names a publisher account; a plain "By Name" names a writer. */
  posted: boolean;
}

export function parseBylineLine(line: string): BylineCandidate | null {
  const match = /^(posted\s+)?by\s*:?\s+(.+)$/i.exec(line.trim());
  if (!match) return null;
  // "By Aigerim Toleukhanova is an independent journalist …": the name ends where the sentence goes on.
  const name = match[2].split(/\s+(?:is|was|has|for|in)\s+|[,|–—(]/)[0].trim();
  if (!isNameLike(name) || GENERIC_AUTHORS.has(name.toLowerCase())) return null;
  return { name, posted: match[1] !== undefined };
}

/**
 * Whether a byline reads as a name or names, not a sentence or a URL: names joined by commas or
 * "and" ("Mac & i" is one name), each of at most six words, starting with a capital (or a letter of a script without
 * case), mostly capitalised ("Michiel de Jong"), with no digits and no sentence punctuation
 * beyond initials and short abbreviations ("Bradley M. Kuhn", "Jr."). A note in brackets is passed over.
 */
export function isNameLike(byline: string): boolean {
  const names = byline
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s&\s/g, ' ')
    .split(/\s*,\s*|\s+(?:and|et|und|y|и)\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0 || names.length > 6) return false;
  return names.every((name) => {
    const words = name.split(/\s+/);
    if (words.length > 6 || !/^[\p{Lu}\p{Lt}\p{Lo}]/u.test(words[0])) return false;
    const wordsOk = words.every((w) => /^[\p{L}\p{M}'’-]+$/u.test(w) || /^(?:\p{L}\.)+$/u.test(w) || /^\p{L}{1,3}\.$/u.test(w));
    const capitalised = words.filter((w) => /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(w)).length;
    return wordsOk && capitalised * 2 >= words.length;
  });
}

/**
 * Title, byline and date from the text itself. The title is the first paragraph that is not a
 * date, a byline or page furniture; a writer's "By …" line is preferred to a "Posted By" account.
 */
export function extractMetadata(text: string, paragraphs: TextSpan[]): ExtractedMetadata {
  const lines = paragraphs.map((p) => text.slice(p.start, p.end));
  let date: DocumentDate | null = null;
  for (const line of lines.slice(0, 6)) {
    date = parseDateLine(line);
    if (date) break;
  }
  const bylines = lines.map(parseBylineLine).filter((c): c is BylineCandidate => c !== null);
  const byline = (bylines.find((c) => !c.posted) ?? bylines[0])?.name ?? null;
  const title =
    lines.find((line) => !parseDateLine(line) && !/^(posted\s+)?by\b/i.test(line) && !FURNITURE.test(line)) ?? '';
  const dateline = lines.slice(0, 8).map((line) => DATELINE.exec(line)?.[1] ?? null).find((d) => d !== null) ?? null;
  return { title: shortened(title.trim(), MAX_TITLE_CHARS), byline, date, dateline, language: detectLanguage(text) };
}

/** A title guessed from a text of one long line would be the whole text: it is cut at a word near here. */
const MAX_TITLE_CHARS = 300;

function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  // Without a space near the limit, the cut must not split a surrogate pair.
  const cut = space > max / 2 ? space : /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, cut).trimEnd()}…`;
}

// "ALMATY, Kazakhstan — Mass protests …": a place in capitals, optionally a country, then a dash.
const DATELINE = /^(\p{Lu}[\p{Lu}\s.'-]{2,40}(?:,\s*[\p{L}\s.]{2,40})?)\s+[—–-]{1,2}\s/u;

const STOP_WORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'that', 'is', 'was', 'for', 'with'],
  fr: ['le', 'la', 'les', 'et', 'des', 'du', 'une', 'est', 'que', 'dans'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'ein', 'zu'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'una', 'por', 'con'],
};
/** Each stop word with the languages it belongs to ("la" is French and Spanish). */
const LANGUAGES_OF_WORD = new Map<string, string[]>();
for (const [language, list] of Object.entries(STOP_WORDS)) {
  for (const word of list) LANGUAGES_OF_WORD.set(word, [...(LANGUAGES_OF_WORD.get(word) ?? []), language]);
}
const KAZAKH_LETTERS = new Set('әғқңөұүһіӘҒҚҢӨҰҮҺІ');
// Runs of Latin letters: the stop words are all Latin, and a plain character class is far faster than \p{L}.
const NOT_LATIN_LETTER = /[^a-z\u00c0-\u024f]+/;

// Code point ranges of the Latin and Cyrillic scripts' letters. A loop over them is some thirty times
// faster than matching \p{Script=…} (ingest runs this on every document).
const isCyrillic = (c: number) => (c >= 0x400 && c <= 0x52f) || (c >= 0x1c80 && c <= 0x1c8f) || (c >= 0x2de0 && c <= 0x2dff) || (c >= 0xa640 && c <= 0xa69f);
const isLatin = (c: number) =>
  ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ||
  c === 0xaa ||
  c === 0xba ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0x250 && c <= 0x2af) ||
  (c >= 0x1d00 && c <= 0x1d25) ||
  (c >= 0x1e00 && c <= 0x1eff) ||
  (c >= 0x2c60 && c <= 0x2c7f) ||
  (c >= 0xa722 && c <= 0xa7ff) ||
  (c >= 0xab30 && c <= 0xab64) ||
  (c >= 0xff21 && c <= 0xff3a) ||
  (c >= 0xff41 && c <= 0xff5a);

/** The language of a text from its script and common words: en, fr, de, es, ru, kk; null if unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20_000);
  let cyrillic = 0;
  let latin = 0;
  let kazakh = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x41) continue;
    if (isCyrillic(c)) {
      cyrillic++;
      if (KAZAKH_LETTERS.has(sample[i])) kazakh++;
    } else if (isLatin(c)) latin++;
  }
  if (cyrillic + latin < 20) return null;
  if (cyrillic > latin) return kazakh / cyrillic > 0.01 ? 'kk' : 'ru';
  const counts = new Map<string, number>();
  for (const word of sample.toLowerCase().split(NOT_LATIN_LETTER)) {
    for (const language of LANGUAGES_OF_WORD.get(word) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  // In STOP_WORDS order, so a tie goes to the language listed first (as before).
  for (const language of Object.keys(STOP_WORDS)) {
    const count = counts.get(language) ?? 0;
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  return bestCount >= 3 ? best : null;
}
