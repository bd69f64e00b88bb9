import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { kind: 'text'; text: string; encoding: string } | { kind: 'binary'; reason: string };

/** Encodings Casefile reads besides UTF-8/16, by chardet's names: Cyrillic (Windows, KOI8, ISO, DOS) and Western. */
const LEGACY: Record<string, string> = {
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'ISO-8859-5': 'iso-8859-5',
  IBM866: 'cp866',
  'ISO-8859-1': 'iso-8859-1',
  'windows-1252': 'windows-1252',
  'ISO-8859-15': 'iso-8859-15',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
};

/**
 * A UTF-8 text with a few bad bytes (a Latin-1 letter pasted in, a byte lost in a copy) is read as
 * UTF-8 when at least this many valid non-ASCII characters stand for each bad sequence. Legacy
 * 8-bit text almost never forms valid UTF-8 sequences, so it stays far below.
 */
const VALID_PER_INVALID = 4;

/**
 * Text from a file's bytes: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is
 * UTF-8, and nearly valid UTF-8 is UTF-8 with U+FFFD for the bad sequences; else the encoding is detected (chardet) among Cyrillic and Western legacy encodings and
 * decoded with iconv-lite. Bytes that are not text (NUL bytes outside UTF-16) are reported as binary.
 * Invalid sequences never throw: they become U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { kind: 'text', text: new TextDecoder('utf-8').decode(buffer.subarray(3)), encoding: 'UTF-8 (BOM)' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le').decode(buffer.subarray(2)), encoding: 'UTF-16LE' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be').decode(buffer.subarray(2)), encoding: 'UTF-16BE' };
  const binary = binaryReason(buffer);
  if (binary) return { kind: 'binary', reason: binary };
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
  const guess = chardet.analyse(buffer).find((candidate) => candidate.name in LEGACY);
  const encoding = guess ? LEGACY[guess.name] : 'windows-1252';
  return { kind: 'text', text: iconv.decode(buffer, encoding), encoding: guess ? guess.name : 'windows-1252 (assumed)' };
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
function binaryReason(buffer: Buffer): string | null {
  const sample = buffer.subarray(0, 65_536);
  if (sample.includes(0)) return 'binary content (NUL bytes), not text';
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  return sample.length > 0 && control / sample.length > 0.1 ? 'binary content (control characters), not text' : null;
}
