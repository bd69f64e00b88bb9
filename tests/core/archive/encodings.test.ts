import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/core/archive/decode';

const RUSSIAN_NEWS = [
  'Власти Казахстана сообщили об отмене режима чрезвычайного положения',
  '',
  'АЛМАТЫ, 19 января. Президент Касым-Жомарт Токаев подписал указ об отмене чрезвычайного положения на всей территории страны. ' +
    'По данным министерства внутренних дел, в ходе беспорядков задержаны более десяти тысяч человек. ' +
    'Жители Жанаозена требовали снижения цен на сжиженный газ, а затем протесты охватили Алматы, Актобе и Шымкент.',
].join('\n');

const KAZAKH_NEWS = [
  'Қаңтар оқиғасы: үкімет жаңа шешім қабылдады',
  '',
  'Астана, 19 қаңтар. Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев бүкіл ел аумағында төтенше жағдайды алып тастау туралы жарлыққа қол қойды. ' +
    'Ішкі істер министрлігінің мәліметінше, өңірлердегі тәртіпсіздіктер кезінде он мыңнан астам адам ұсталды. ' +
    'Жаңаөзен тұрғындары сұйытылған газ бағасын төмендетуді талап етті, кейін наразылық Алматы мен Шымкентке тарады. Һ әрпі сирек қолданылады.',
].join('\n');

const FRENCH = "Manifestations au Kazakhstan\n\nLes manifestants réclamaient la baisse du prix du gaz ; « c'était prévisible », dit-il à l'AFP. Le gouvernement a démissionné.";
const GERMAN = 'Proteste in Kasachstan\n\nDie Regierung ist zurückgetreten, nachdem die Gaspreise zum Jahreswechsel stark gestiegen waren. Straßen wurden gesperrt.';

function textOf(bytes: Uint8Array): { text: string; encoding: string } {
  const decoded = decodeBytes(bytes);
  if (decoded.kind !== 'text') throw new Error(decoded.reason);
  return { text: decoded.text, encoding: decoded.encoding };
}

describe('legacy Cyrillic code pages', () => {
  it.each([
    ['DOS (CP866)', 'cp866', 'IBM866'],
    ['Windows-1251', 'windows-1251', 'windows-1251'],
    ['KOI8-R', 'koi8-r', 'KOI8-R'],
    ['ISO-8859-5', 'iso-8859-5', 'ISO-8859-5'],
  ])('Russian news in %s is decoded exactly and named', (_, encoding, name) => {
    expect(textOf(iconv.encode(RUSSIAN_NEWS, encoding))).toEqual({ text: RUSSIAN_NEWS, encoding: name });
  });

  it.each([
    ['KZ-1048', 'rk1048', 'KZ-1048'],
    ['PTCP154', 'pt154', 'PTCP154'],
  ])('Kazakh news in %s keeps every Kazakh letter (ә ғ қ ң ө ұ ү һ і)', (_, encoding, name) => {
    expect(textOf(iconv.encode(KAZAKH_NEWS, encoding))).toEqual({ text: KAZAKH_NEWS, encoding: name });
  });

  it('a short CP866 note is read as Russian, not as Western mojibake', () => {
    const note = 'Приказ № 12 от 5 января. Срочно.';
    expect(textOf(iconv.encode(note, 'cp866')).text).toBe(note);
  });
});

describe('Western text stays Western', () => {
  it.each([
    ['French in Latin-1', FRENCH, 'latin1'],
    ['French in windows-1252', FRENCH, 'windows-1252'],
    ['German in Latin-1', GERMAN, 'latin1'],
  ])('%s is decoded exactly', (_, text, encoding) => {
    expect(textOf(iconv.encode(text, encoding)).text).toBe(text);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  it.each([
    ['Russian', RUSSIAN_NEWS, 'utf16le', 'UTF-16LE (no BOM)'],
    ['Russian', RUSSIAN_NEWS, 'utf16be', 'UTF-16BE (no BOM)'],
    ['Kazakh', KAZAKH_NEWS, 'utf16le', 'UTF-16LE (no BOM)'],
    ['French', FRENCH, 'utf16le', 'UTF-16LE (no BOM)'],
    ['French', FRENCH, 'utf16be', 'UTF-16BE (no BOM)'],
  ])('%s in %s is read as text, not skipped as binary', (_, text, encoding, name) => {
    expect(textOf(iconv.encode(text, encoding))).toEqual({ text, encoding: name });
  });

  it('bytes with NULs at both byte positions are still binary', () => {
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x8f, 0x3c]);
    expect(decodeBytes(zipHeader).kind).toBe('binary');
  });
});
