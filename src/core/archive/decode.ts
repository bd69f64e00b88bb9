import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { MessageCode } from '../../shared/i18n/core-messages';
import { said, type Said } from '../said';

/** Bytes that are not text say why, in English and as the sentence's code (see said.ts). */
export type Decoded = { kind: 'text'; text: string; encoding: string } | { kind: 'binary'; reason: string; reasonCode: MessageCode };

/** Western encodings by chardet's names, whose pick among them (by its language models) is kept. */
const WESTERN: Record<string, string> = {
  'ISO-8859-1': 'iso-8859-1',
  'windows-1252': 'windows-1252',
  'ISO-8859-15': 'iso-8859-15',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
};

/**
 * Cyrillic code pages, by the name reported and iconv-lite's name. chardet names none of them
 * reliably (CP866 Russian comes out as windows-1252, KZ-1048 Kazakh as Hebrew), so each is tried
 * and the most plausible text wins; on a tie the earlier, commoner one does.
 */
const CYRILLIC: ReadonlyArray<readonly [name: string, iconvName: string]> = [
  ['windows-1251', 'windows-1251'],
  ['KOI8-R', 'koi8-r'],
  ['IBM866', 'cp866'],
  ['ISO-8859-5', 'iso-8859-5'],
  ['KZ-1048', 'rk1048'],
  ['PTCP154', 'pt154'],
];

/**
 * A UTF-8 text with a few bad bytes (a Latin-1 letter pasted in, a byte lost in a copy) is read as
 * UTF-8 when at least this many valid non-ASCII characters stand for each bad sequence. Legacy
 * 8-bit text almost never forms valid UTF-8 sequences, so it stays far below.
 */
const VALID_PER_INVALID = 4;

/**
 * Text from a file's bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else zero bytes on one
 * side of each pair mean UTF-16 without a mark; else valid UTF-8 is UTF-8, and nearly valid UTF-8 is
 * UTF-8 with U+FFFD for the bad sequences; else a legacy 8-bit encoding: chardet's Western pick and
 * every Cyrillic code page are decoded with iconv-lite and the most plausible text is kept. Bytes
 * that are not text (NUL bytes outside UTF-16) are reported as binary.
 * Invalid sequences never throw: they become U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { kind: 'text', text: new TextDecoder('utf-8').decode(buffer.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le').decode(buffer.subarray(2)), encoding: 'UTF-16LE' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be').decode(buffer.subarray(2)), encoding: 'UTF-16BE' };
  const utf16 = utf16WithoutBom(buffer);
  if (utf16) return { kind: 'text', text: utf16.text, encoding: `${utf16.encoding} (no BOM)` };
  const binary = binaryReason(buffer);
  if (binary) return { kind: 'binary', reason: binary.text, reasonCode: binary.code };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' };
  } catch {
    // Not strictly UTF-8: nearly so, or a legacy 8-bit encoding.
  }
  const lenient = new TextDecoder('utf-8').decode(buffer);
  const { valid, invalid } = nonAsciiCounts(lenient);
  if (valid >= VALID_PER_INVALID * invalid) {
    return { kind: 'text', text: lenient, encoding: `UTF-8 (${invalid} invalid ${invalid === 1 ? 'sequence' : 'sequences'} replaced)` };
  }
  const western = chardet.analyse(buffer).find((candidate) => candidate.name in WESTERN);
  const candidates: ReadonlyArray<readonly [string, string]> = [
    western ? [western.name, WESTERN[western.name]] : ['windows-1252 (assumed)', 'windows-1252'],
    ...CYRILLIC,
  ];
  // Every candidate is a one-byte code page, so the first 64 KiB judge them as well as the whole.
  const sample = buffer.subarray(0, 65_536);
  let best = { name: '', iconvName: '', score: -Infinity };
  for (const [name, iconvName] of candidates) {
    const score = plausibility(iconv.decode(sample, iconvName));
    if (score > best.score) best = { name, iconvName, score };
  }
  return { kind: 'text', text: iconv.decode(buffer, best.iconvName), encoding: best.name };
}

/** Letters of the Russian, Kazakh, Ukrainian and Belarusian alphabets: what Cyrillic text in these archives is written in. */
const COMMON_CYRILLIC = /[а-яёәғқңөұүһіїєґў]/iu;
/** Non-ASCII punctuation that real text uses; any other non-letter (box drawing, C1 controls, ¤ ¦ ¬) is a sign of the wrong code page. */
const TEXT_PUNCTUATION = /[\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2116\u2022\u00b7\u00b0\u00a7\u00a9\u00ae\u2122\u20ac]/u;

/**
 * How much a decoding looks like real text, from its non-ASCII characters (ASCII reads the same in
 * every candidate): letters of a common alphabet in words of one script score, stray symbols and
 * words that mix scripts or case (`рТПФЕУФЩ`, KOI8-R read as Windows-1251) cost, as do Latin words
 * made mostly of accented letters (`Ïðîòåñòû`, Cyrillic read as Western).
 */
function plausibility(text: string): number {
  let score = 0;
  for (const [token] of text.matchAll(/\p{L}+|[^\p{L}\p{ASCII}]/gu)) {
    if (!/\p{L}/u.test(token)) score += TEXT_PUNCTUATION.test(token) ? 0 : -2;
    else score += wordPlausibility(token);
  }
  return score;
}

function wordPlausibility(word: string): number {
  const letters = [...word];
  const nonAscii = letters.filter((letter) => letter > '\x7f');
  if (nonAscii.length === 0) return 0;
  const cyrillic = letters.filter((letter) => /\p{Script=Cyrillic}/u.test(letter)).length;
  const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
  if (cyrillic + latin < letters.length || (cyrillic > 0 && latin > 0)) return -nonAscii.length;
  if (latin > 0) return nonAscii.length * 2 <= letters.length || letters.length <= 3 ? nonAscii.length : -nonAscii.length / 2;
  // A lone letter (a dash or quote read as a letter by the wrong page) proves nothing.
  if (letters.length === 1) return 0;
  let score = 0;
  letters.forEach((letter, i) => {
    const caseBreak = i > 0 && isUpper(letter) && !isUpper(letters[i - 1]);
    score += caseBreak ? -1 : COMMON_CYRILLIC.test(letter) ? 1 : 0;
  });
  return score;
}

function isUpper(letter: string): boolean {
  return letter !== letter.toLowerCase();
}

/** Non-ASCII characters decoded (a surrogate pair counts once) and U+FFFD replacements. */
function nonAsciiCounts(text: string): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) invalid++;
    else if (code >= 0x80 && (code < 0xdc00 || code > 0xdfff)) valid++;
  }
  return { valid, invalid };
}

/** Text files have no NUL bytes and few control characters; checked on the first 64 KiB. */
function binaryReason(buffer: Buffer): Said | null {
  const sample = buffer.subarray(0, 65_536);
  if (sample.includes(0)) return said('ingest.binaryNul');
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  return sample.length > 0 && control / sample.length > 0.1 ? said('ingest.binaryControl') : null;
}

/**
 * UTF-16 text without a byte-order mark, told by its zero bytes: the high byte of every ASCII
 * character (spaces, digits, punctuation, Latin letters) is zero, so zeros fall on one side of each
 * byte pair and almost never on the other, where binary data has them on both. The text must
 * decode without lone surrogates and read as text (no NULs, few control characters).
 */
function utf16WithoutBom(buffer: Buffer): { text: string; encoding: 'UTF-16LE' | 'UTF-16BE' } | null {
  if (buffer.length < 4 || buffer.length % 2 !== 0) return null;
  const sample = buffer.subarray(0, 65_536);
  let zerosEven = 0;
  let zerosOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) zerosEven++;
    else zerosOdd++;
  }
  const pairs = sample.length / 2;
  const [high, low] = zerosOdd > zerosEven ? [zerosOdd, zerosEven] : [zerosEven, zerosOdd];
  if (high < pairs * 0.05 || low * 50 > high) return null;
  const encoding = zerosOdd > zerosEven ? 'UTF-16LE' : 'UTF-16BE';
  let text: string;
  try {
    text = new TextDecoder(encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return null;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) control++;
  }
  return control * 100 > text.length ? null : { text, encoding };
}
