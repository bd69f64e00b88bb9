/**
 * The per-language word lists behind figures: which words make a number a count of a measure, which
 * words qualify it, and which context makes a number something else (a date, an age, money, a time,
 * a duration). Stems are matched at the start of a word, case-insensitively.
 */

export const MEASURES = ['deaths', 'detentions', 'injuries', 'missing'] as const;
export type Measure = (typeof MEASURES)[number];

/** Words that say what a number counts: regular-expression sources matched at the start of a word. */
export const TRIGGERS: Record<Measure, { en: string[]; ru: string[] }> = {
  deaths: {
    en: ['kill(?:ed|ing)', 'died', 'dead(?!\\p{L})', 'deaths?(?!\\p{L})', 'toll(?!\\p{L})', 'fatalit', 'perished', 'lost (?:their )?lives', 'lives (?:were )?lost', 'bodies'],
    ru: ['погиб', 'гибел', 'убит', 'умер', 'смерт', 'жертв', 'скончал'],
  },
  detentions: {
    en: ['detain', 'detention', 'arrest', 'in custody', 'jailed', 'apprehended'],
    ru: ['задерж', 'арестова', 'арест', 'под страж', 'в сизо'],
  },
  injuries: {
    en: ['injur', 'wounded', 'hurt(?!\\p{L})', 'hospitali[sz]'],
    ru: ['ранен', 'ранил', 'пострада', 'травм', 'госпитализ'],
  },
  missing: {
    en: ['missing', 'disappeared'],
    ru: ['пропа(?:л|вш)', 'без вести'],
  },
};

/**
 * Nouns that name a total ("the number of detained … reached 9,900", "число погибших достигло 164"):
 * with one, a trigger anywhere earlier in the clause counts the number.
 */
export const AGGREGATES = /\b(?:number|toll|total|tally|count|figure)\b|(?:^|[^\p{L}])(?:число|количество|численность)/iu;

/** Qualifiers written before a number, and what each says about the true value. */
export type Qualifier = 'about' | 'almost' | 'at least' | 'more than' | 'at most';
export const QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(?<!\p{L})(?:about|around|approximately|roughly|some|an estimated|estimated|около|примерно|порядка|приблизительно|почти около)\s+$/iu, 'about'],
  [/(?<!\p{L})(?:almost|nearly|close to|почти|едва не|чуть менее)\s+$/iu, 'almost'],
  [/(?<!\p{L})(?:at least|no fewer than|no less than|не менее|по меньшей мере|как минимум|минимум)\s+$/iu, 'at least'],
  [/(?<!\p{L})(?:more than|over|above|upwards of|in excess of|более|больше|свыше|более чем)\s+$/iu, 'more than'],
  [/(?<!\p{L})(?:up to|under|fewer than|less than|at most|до|менее|меньше|не более)\s+$/iu, 'at most'],
];

const MONTHS_EN = 'jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?';
const MONTHS_RU = 'январ[яье]|феврал[яье]|марта?|апрел[яье]|ма[яй]|июн[яье]|июл[яье]|августа?|сентябр[яье]|октябр[яье]|ноябр[яье]|декабр[яье]';

/**
 * Spans that hold digits but no count: dates written with a month, times of day. They are masked
 * before numbers are read, so "January 11 366 persons" is not read as 11,366.
 */
export const NOT_COUNTS: RegExp[] = [
  new RegExp(`\\b(?:${MONTHS_EN})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?`, 'giu'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS_EN})(?![\\p{L}])(?:,?\\s+\\d{4})?`, 'giu'),
  new RegExp(`\\d{1,2}(?:-?го)?\\s+(?:${MONTHS_RU})(?![\\p{L}])(?:\\s+\\d{4}(?:\\s*(?:года|г\\.))?)?`, 'giu'),
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/gu,
  /\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock)/giu,
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/gu,
];

/** Context right before a number that makes it money or an age. */
export const NOT_COUNT_BEFORE = /(?:[$€£₸₽¥]\s*|\b(?:US|USD|EUR|KZT)\s*|\baged\s+|\bage(?:\s+of)?\s+|в\s+возрасте\s+|\bNo\.\s*|№\s*)$/iu;

/** Context right after a number (and its multiplier) that makes it a percentage, money, an age, a duration or a measurement. */
export const NOT_COUNT_AFTER =
  /^(?:\s*(?:%|percent\b|per\s*cent\b|pct\b|процент|проц\.)|(?:\s*(?:million|billion|thousand|млн|млрд|тыс)\.?)?\s*(?:dollars?|euros?|pounds?|tenge|rubles?|roubles?|usd|kzt|eur|руб|долл|доллар|евро|тенге)|\s*-?\s*(?:years?|year-old|yo\b|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet|miles?|metres?|meters?|kg|tons?|tonnes?|лет|год|месяц|недел|дн[ея]й?|дня|суток|сутки|час|минут|секунд|км|килом|метр|тонн)|(?:st|nd|rd|th)\b|-(?:й|я|го|е|м|х|ой|ый)(?![\p{L}]))/iu;

/** A bare four-digit number in this range is a year unless a count follows it at once. */
export const YEARS = { from: 1800, to: 2100 };

/** Words that say "people" right after a number: they let a year-like number be a count. */
export const PEOPLE = /^\s*(?:people|persons|protesters|demonstrators|civilians|человек|людей|граждан)/iu;

export const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^\s*(?:thousand|тысяч[аи]?|тыс\.?)(?![\p{L}])/iu, 1_000],
  [/^\s*(?:million|миллион(?:а|ов)?|млн\.?)(?![\p{L}])/iu, 1_000_000],
];

/** Small numbers written as words ("two people died"): cheap and common in reports. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
  один: 1, одна: 1, два: 2, две: 2, двое: 2, три: 3, трое: 3, четыре: 4, четверо: 4, пять: 5, пятеро: 5,
  шесть: 6, шестеро: 6, семь: 7, семеро: 7, восемь: 8, девять: 9, десять: 10,
};

/**
 * A clause that opens with one of these gives a part of the figure before it ("164 persons died,
 * including three children"): its number counts the same measure.
 */
export const SUBSET = /^(?:including|among them|among whom|of whom|of them|в том числе|среди них|из них)(?!\p{L})/iu;

/** How far (in words) a trigger may stand after the number it counts, and before it. */
export const WORDS_AFTER = 8;
export const WORDS_BEFORE = 4;
