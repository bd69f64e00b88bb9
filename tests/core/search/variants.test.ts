/**
 * Name variants on names that are not in the seed archive: the folding of transliterations
 * (variantKey) and what the engine does with it.
 */
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../src/core/search/search-engine';
import { normalizeTerm } from '../../../src/core/search/tokenizer';
import { variantKey } from '../../../src/core/search/variants';
import { engineOver, expectExactHitsFirst, hitIds, markedTexts } from '../../helpers/search';

/** The key of a word as written (variantKey takes the matching form). */
const keyOf = (written: string): string | null => variantKey(normalizeTerm(written));

describe('variantKey', () => {
  it.each([
    ['Abdurakhmanov', 'Abdurahmanov', 'Абдурахманов'],
    ['Mikhail', 'Mihail', 'Михаил'],
    ['Yerlan', 'Erlan', 'Ерлан'],
    ['Aliyev', 'Aliev', 'Алиев'],
    ['Karaganda', 'Qaraghandy', 'Караганда'],
    ['Ivanov', 'Iwanow', 'Ivanoff'],
    ['Chechnya', 'Chechnia', 'Чечня'],
    ['Sergei', 'Sergey', 'Сергей'],
    ['Yevgeny', 'Evgeny', 'Evgenii', 'Евгений'],
    ['Dmitry', 'Dmitri', 'Dmitrii', 'Дмитрий'],
    ['Alexei', 'Aleksei', 'Alexey', 'Алексей'],
    ['Shcherbakov', 'Scherbakov', 'Щербаков'],
    ['Kyzylorda', 'Qyzylorda', 'Кызылорда'],
    ['Mukhtar', 'Muhtar', 'Мұхтар'],
    ['Zhenis', 'Jenis', 'Женис'],
    ['Olzhas', 'Oljas', 'Олжас'],
    ['Kyrgyzstan', 'Kirgizstan', 'Кыргызстан'],
    ['Gorbachev', 'Горбачёв', 'Горбачев'],
    ['Nursultan', 'Нурсултан', 'NURSULTAN'],
  ])('gives %s, %s and %s one key', (...spellings: string[]) => {
    const keys = spellings.map(keyOf);
    expect(keys[0]).not.toBeNull();
    expect(keys).toEqual(spellings.map(() => keys[0]));
  });

  it('drops trailing vowels (rule 6), so a feminine -a and a Russian case ending in a vowel keep the key', () => {
    expect(keyOf('Ivanova')).toBe(keyOf('Ivanov'));
    expect(keyOf('Караганде')).toBe(keyOf('Karaganda'));
    expect(keyOf('Алматы')).toBe(keyOf('Almaty'));
  });

  it.each([
    ['Tokayev', 'Nazarbayev'],
    ['Almaty', 'Astana'],
    ['Ivan', 'Oleg'],
    ['Mikhail', 'Mikhailov'],
    ['Sergei', 'Sergeev'],
    ['Aliyev', 'Alimov'],
    ['Karaganda', 'Kostanay'],
    ['Abdurakhmanov', 'Abdullayev'],
    ['Ерлан', 'Арман'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(keyOf(a)).not.toBe(keyOf(b));
  });

  it.each(['Ali', 'Ira', 'Бек', 'Ұл', 'of', '2022', '16,000', 'G7', '中文', 'Tokayev2'])('gives %s no key', (word) => {
    expect(keyOf(word)).toBeNull();
  });

  it('is the same for a word and its matching form in any case, with or without Latin diacritics', () => {
    expect(keyOf('ABDURAKHMANOV')).toBe(keyOf('Abdurakhmanov'));
    expect(keyOf('Abdurakhmanov’s')).toBe(keyOf('Abdurakhmanov'));
    expect(keyOf('Qaraǵandy')).toBe(keyOf('Qaraghandy'));
  });
});

/** A small archive of names the seed archive does not have. */
const ARCHIVE = {
  'exact.txt': 'Court hearing\n\nJudge Abdurakhmanov opened the hearing in Karaganda on Monday. Yerlan Saparov was present.',
  // Higher term frequency and the name in the title: a higher score than exact.txt, and still ranked below it.
  'latin.txt': 'Abdurahmanov appeals\n\nAbdurahmanov filed an appeal. Abdurahmanov said the court in Qaraghandy had erred.',
  'cyrillic.txt': 'Заседание суда\n\nСудья Абдурахманов открыл заседание в Караганде. Присутствовал Ерлан Сапаров.',
  'erlan.txt': 'Profile\n\nErlan Saparov is a lawyer from Kyzylorda.',
  'president.txt': 'Statement\n\nПрезидент Токаев выступил с обращением.',
  'tokayev.txt': 'Address\n\nPresident Tokayev’s address was televised.',
  'other.txt': 'Weather\n\nSnow fell in Astana and Almaty; the judge stayed at home.',
};

const engine = engineOver(ARCHIVE);

function hitOf(result: SearchResult, id: string) {
  const hit = result.hits.find((h) => h.id === id);
  if (!hit) throw new Error(`${id} is not among the hits of ${result.query}`);
  return hit;
}

describe('name variants in search (a synthetic archive)', () => {
  it('finds the other spellings of a name, Latin and Cyrillic, ranked below the exact spelling', () => {
    const result = engine.search('Abdurakhmanov');
    expect(hitIds(result)).toEqual(['cyrillic.txt', 'exact.txt', 'latin.txt']);
    expect(result.hits[0]).toMatchObject({ id: 'exact.txt', exact: true, matchedVariants: [] });
    expect(result.hits.slice(1).map((h) => h.exact)).toEqual([false, false]);
    expectExactHitsFirst(result);
    expect(hitOf(result, 'latin.txt').matchedVariants).toEqual(['Abdurahmanov']);
    expect(hitOf(result, 'cyrillic.txt').matchedVariants).toEqual(['Абдурахманов']);
  });

  it('ranks variant-only hits below exact ones even when they score higher', () => {
    const result = engine.search('Abdurakhmanov');
    expect(hitOf(result, 'latin.txt').score).toBeGreaterThan(hitOf(result, 'exact.txt').score);
    expect(result.hits[0].id).toBe('exact.txt');
  });

  it('marks each variant where it is written', () => {
    const result = engine.search('Abdurakhmanov');
    expect(markedTexts(hitOf(result, 'latin.txt'), ARCHIVE['latin.txt'])).toEqual(['Abdurahmanov', 'Abdurahmanov', 'Abdurahmanov']);
    expect(markedTexts(hitOf(result, 'cyrillic.txt'), ARCHIVE['cyrillic.txt'])).toEqual(['Абдурахманов']);
    expect(engine.locate('Abdurakhmanov', 'latin.txt').kinds).toEqual(['variant', 'variant', 'variant']);
  });

  it('lists the variants with their counts in the query terms', () => {
    const [term] = engine.search('Karaganda').terms;
    expect([...term.variants].sort((a, b) => a.text.localeCompare(b.text))).toEqual([
      { text: 'Qaraghandy', occurrences: 1 },
      { text: 'Караганде', occurrences: 1 },
    ]);
  });

  it('finds only the exact spelling with variants off', () => {
    const result = engine.search('Abdurakhmanov', { variants: false });
    expect(hitIds(result)).toEqual(['exact.txt']);
    expect(result.hits[0].matchedVariants).toEqual([]);
    expect(result.terms[0].variants).toEqual([]);
  });

  it.each([
    ['Абдурахманов', 'cyrillic.txt', ['exact.txt', 'latin.txt']],
    ['Abdurahmanov', 'latin.txt', ['cyrillic.txt', 'exact.txt']],
    ['Qaraghandy', 'latin.txt', ['cyrillic.txt', 'exact.txt']],
    ['Karaganda', 'exact.txt', ['cyrillic.txt', 'latin.txt']],
    ['Ерлан', 'cyrillic.txt', ['erlan.txt', 'exact.txt']],
    ['Yerlan', 'exact.txt', ['cyrillic.txt', 'erlan.txt']],
    ['Токаев', 'president.txt', ['tokayev.txt']],
    ['Tokayev', 'tokayev.txt', ['president.txt']],
    ['Tokajew', null, ['president.txt', 'tokayev.txt']],
  ])('%s finds %s as written and %j as variants', (query, exactId, variantIds) => {
    const result = engine.search(query);
    expect(hitIds(result)).toEqual([...(exactId ? [exactId] : []), ...variantIds].sort());
    expect(result.hits.filter((h) => h.exact).map((h) => h.id)).toEqual(exactId ? [exactId] : []);
    expectExactHitsFirst(result);
    for (const id of variantIds) expect(hitOf(result, id).matchedVariants).not.toEqual([]);
    expect(hitIds(engine.search(query, { variants: false }))).toEqual(exactId ? [exactId] : []);
  });

  it('finds the Latin spelling from the Cyrillic one in a phrase too', () => {
    const result = engine.search('"Ерлан Сапаров"');
    expect(hitIds(result)).toEqual(['cyrillic.txt', 'erlan.txt', 'exact.txt']);
    expect(hitOf(result, 'erlan.txt').matchedVariants).toEqual(['Erlan Saparov']);
    expect(hitIds(engine.search('"Ерлан Сапаров"', { variants: false }))).toEqual(['cyrillic.txt']);
  });
});

describe('variants are drawn only from names', () => {
  // cell/sell and cite/site share a key (c before e or i reads s), but they are ordinary words.
  const words = engineOver({
    'sell.txt': 'Notes\n\nSell now. We sell bread, they sell milk, you sell eggs.',
    'cell.txt': 'Prison\n\nThe cell was small and the cell door was locked.',
    'band.txt': 'Band\n\nCite played first. Cite sang later. Cite left early.',
    'site.txt': 'Building\n\nThe site was closed.',
  });

  it('does not expand a lower-case word to a look-alike that is mostly written in lower case', () => {
    expect(keyOf('cell')).toBe(keyOf('sell'));
    expect(hitIds(words.search('cell'))).toEqual(['cell.txt']);
    expect(hitIds(words.search('sell'))).toEqual(['sell.txt']);
    for (const hit of words.search('cell').hits) expect(hit.matchedVariants).toEqual([]);
  });

  it('does expand to a look-alike written with a capital wherever it stands (a name)', () => {
    expect(keyOf('site')).toBe(keyOf('Cite'));
    const result = words.search('site');
    expect(hitIds(result)).toEqual(['band.txt', 'site.txt']);
    expect(hitOf(result, 'band.txt')).toMatchObject({ exact: false, matchedVariants: ['Cite'] });
    expect(hitIds(words.search('site', { variants: false }))).toEqual(['site.txt']);
  });

  const prison = engineOver({
    'sell.txt': 'Notes\n\nWe saw the prison sell drugs. The cell was small, every cell was full.',
    'cell.txt': 'Prison\n\nThey locked the prison cell.',
  });

  it('does not let a phrase of indexed words match a lower-case look-alike: "prison cell" misses "prison sell"', () => {
    expect(hitIds(prison.search('"prison cell"'))).toEqual(['cell.txt']);
  });

  // Caught a bug: phrase words checked on the text were compared by variant key whether or not the
  // word is a name, so "the prison cell" matched "the prison sell" (sell.txt has "cell" elsewhere).
  it('does not let a phrase with a stop word match a lower-case look-alike: "the prison cell" misses "the prison sell"', () => {
    expect(hitIds(prison.search('"the prison cell"'))).toEqual(['cell.txt']);
  });
});
