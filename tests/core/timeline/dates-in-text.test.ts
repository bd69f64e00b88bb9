import { describe, expect, it } from 'vitest';
import { datesInText, type ReadingContext } from '../../../src/core/timeline/dates-in-text';

// Written for these tests. 2022-01-12 is a Wednesday.
const DATED: ReadingContext = { published: '2022-01-12', assumedYear: null };
const UNDATED: ReadingContext = { published: null, assumedYear: null };

/** Each date found as [words, date, precision], and that the offsets slice the words. */
function found(text: string, context: ReadingContext = DATED): Array<[string, string, string]> {
  const dates = datesInText(text, context);
  for (const d of dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  return dates.map((d) => [d.text, d.date, d.precision]);
}

describe('absolute dates written in English', () => {
  it.each([
    ['Protests began on January 5 in Zhanaozen.', 'January 5', '2022-01-05'],
    ['Troops arrived on 5 January 2022.', '5 January 2022', '2022-01-05'],
    ['Police fired on Jan. 5, the witnesses said.', 'Jan. 5', '2022-01-05'],
    ['He was taken on 8th January by armed police.', '8th January', '2022-01-08'],
    ['The state of emergency ended on the 19th of January.', '19th of January', '2022-01-19'],
    ['Sat. Jan 22nd, 2022', 'Jan 22nd, 2022', '2022-01-22'],
  ])('%s', (sentence, words, iso) => {
    expect(found(sentence)).toEqual([[words, iso, 'day']]);
  });

  it('reads "in 2022" as a year and "in January" / "January 2022" as months', () => {
    expect(found('Prices doubled in 2022.')).toEqual([['in 2022', '2022', 'year']]);
    expect(found('Prices doubled in January.')).toEqual([['in January', '2022-01', 'month']]);
    expect(found('The report of March 2021 said so.')).toEqual([['March 2021', '2021-03', 'month']]);
  });

  it('puts a day and month without a year in the publication year, or the year before if it would be after it', () => {
    expect(found('He was arrested on December 28.')).toEqual([['December 28', '2021-12-28', 'day']]);
    expect(found('The trial opens on February 1.')).toEqual([['February 1', '2022-02-01', 'day']]);
  });

  it.each(['The meeting began at 10:30.', '5 people died.', 'They may 5 times refuse.', 'Crowds march 20 blocks.', 'Room 2022 was full.', 'On the 5th floor.'])(
    '%s holds no date',
    (sentence) => {
      expect(found(sentence)).toEqual([]);
    },
  );
});

describe('relative dates in English, against the publication date', () => {
  it.each([
    ['Protesters gathered yesterday.', 'yesterday', '2022-01-11', 'day'],
    ['The decree was signed on Monday.', 'on Monday', '2022-01-10', 'day'],
    ['The president spoke on Wednesday.', 'on Wednesday', '2022-01-12', 'day'],
    ['The president spoke last Wednesday.', 'last Wednesday', '2022-01-05', 'day'],
    ['The unrest last week came as a surprise.', 'last week', '2022-01-03', 'week'],
    ['Fuel prices rose last month.', 'last month', '2021-12', 'month'],
    ['He was released three days ago.', 'three days ago', '2022-01-09', 'day'],
    ['Tokayev said Tuesday that order was restored.', 'Tuesday', '2022-01-11', 'day'],
  ])('%s', (sentence, words, iso, precision) => {
    expect(found(sentence)).toEqual([[words, iso, precision]]);
  });

  it('counts "two days later" from the last day written before it', () => {
    expect(found('Protests started on January 2. Two days later, clashes began. The next day the internet went dark.')).toEqual([
      ['January 2', '2022-01-02', 'day'],
      ['Two days later', '2022-01-04', 'day'],
      ['The next day', '2022-01-05', 'day'],
    ]);
  });

  it('drops relative dates that need a publication date from an undated document, and keeps written ones', () => {
    expect(found('Protesters gathered yesterday, on Wednesday and last week, and in 2022.', UNDATED)).toEqual([['in 2022', '2022', 'year']]);
    expect(found('They came on January 5.', UNDATED)).toEqual([]);
    expect(found('They came on January 5.', { published: null, assumedYear: 2022 })).toEqual([['January 5', '2022-01-05', 'day']]);
    expect(datesInText('They came on January 5.', { published: null, assumedYear: 2022 })[0].basis).toBe('assumed');
  });
});

describe('dates written in Russian and Kazakh', () => {
  it.each([
    ['Протесты начались 2 января в Жанаозене.', '2 января', '2022-01-02', 'day'],
    ['Указ подписан 5 января 2022 года.', '5 января 2022 года', '2022-01-05', 'day'],
    ['Митинг прошёл в среду.', 'в среду', '2022-01-12', 'day'],
    ['Интернет отключили во вторник.', 'во вторник', '2022-01-11', 'day'],
    ['Его задержали вчера.', 'вчера', '2022-01-11', 'day'],
    ['Беспорядки на прошлой неделе удивили всех.', 'на прошлой неделе', '2022-01-03', 'week'],
    ['Цены выросли в 2022 году.', 'в 2022 году', '2022', 'year'],
    ['Цены выросли в январе.', 'в январе', '2022-01', 'month'],
    ['Наразылық 2022 жылғы 5 қаңтар басталды.', '2022 жылғы 5 қаңтар', '2022-01-05', 'day'],
    ['Төтенше жағдай 7 қаңтар 2022 ж. жарияланды.', '7 қаңтар 2022 ж.', '2022-01-07', 'day'],
  ])('%s', (sentence, words, iso, precision) => {
    expect(found(sentence)).toEqual([[words, iso, precision]]);
  });

  it('counts "через два дня" and "на следующий день" from the date before', () => {
    expect(found('Протесты начались 2 января. Через два дня начались столкновения, а на следующий день отключили интернет.')).toEqual([
      ['2 января', '2022-01-02', 'day'],
      ['Через два дня', '2022-01-04', 'day'],
      ['на следующий день', '2022-01-05', 'day'],
    ]);
  });

  it.each(['Погибли 5 человек.', 'Встреча в 10:30.', 'Среда обитания.'])('%s holds no date', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});
