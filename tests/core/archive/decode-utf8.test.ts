import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/core/archive/archive';
import { decodeBytes } from '../../../src/core/archive/decode';
import { tempDirs } from '../../helpers/temp-dir';

const temp = tempDirs('casefile-decode-');
afterEach(temp.cleanup);

const RUSSIAN = 'Протесты в Жанаозене\n\nПрезидент Касым-Жомарт Токаев выступил с обращением к народу. Жители требовали снижения цен на газ.';
const FRENCH = "Manifestations\n\nLes manifestants réclamaient la baisse du prix du gaz ; « c'était prévisible », dit-il.";

/** `text` as UTF-8 with one stray byte (a Latin-1 é pasted in, a byte lost in a copy) at `at`. */
function utf8WithStrayByte(text: string, at: number, stray = 0xe9): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([stray]), bytes.subarray(at)]);
}

function textOf(bytes: Uint8Array): { text: string; encoding: string } {
  const decoded = decodeBytes(bytes);
  if (decoded.kind !== 'text') throw new Error(decoded.reason);
  return decoded;
}

describe('a UTF-8 file with a few invalid bytes', () => {
  it.each([
    ['Russian', RUSSIAN, ['Жанаозене', 'Токаев', 'снижения цен']],
    ['French', FRENCH, ['réclamaient', '« c\'était prévisible »']],
  ])('(%s) is read as UTF-8, the bad byte becoming U+FFFD, every other character intact', (_, text, words) => {
    const { text: decoded, encoding } = textOf(utf8WithStrayByte(text, Buffer.from(text).indexOf(0x0a)));
    expect(encoding).toMatch(/^UTF-8/);
    for (const word of words) expect(decoded).toContain(word);
    expect([...decoded].filter((ch) => ch === '\uFFFD')).toHaveLength(1);
    expect(decoded.replace('\uFFFD', '')).toBe(text);
  });

  it('is found by its words once ingested', async () => {
    const root = await temp.make();
    await writeFile(path.join(root, 'stray.txt'), utf8WithStrayByte(RUSSIAN, 40, 0xff));
    const { documents: [document] } = await ingestFile(root, 'stray.txt');
    expect(document?.text).toContain('Касым-Жомарт Токаев');
    expect(document?.encoding).toMatch(/^UTF-8/);
  });
});

describe('legacy encodings are still told apart from UTF-8', () => {
  it.each([
    ['Windows-1251 Russian', iconv.encode(RUSSIAN, 'win1251'), RUSSIAN],
    ['KOI8-R Russian', iconv.encode(RUSSIAN, 'koi8-r'), RUSSIAN],
    ['Latin-1 French', iconv.encode(FRENCH, 'latin1'), FRENCH],
    ['English with one Latin-1 é', iconv.encode('Café society\n\nThe café opened in 1921 on the corner.', 'latin1'), 'Café society\n\nThe café opened in 1921 on the corner.'],
  ])('%s decodes as the legacy encoding, not as UTF-8 with replacements', (_, bytes, text) => {
    expect(textOf(bytes).text).toBe(text);
  });
});
