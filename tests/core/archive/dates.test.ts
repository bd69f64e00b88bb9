import { describe, expect, it } from 'vitest';
import { extractMetadata, parseBylineLine, parseDateLine } from '../../../src/core/archive/metadata';
import { splitParagraphs } from '../../../src/core/archive/document';

describe('written dates in the languages Casefile detects', () => {
  it.each([
    ['7 января 2022', '2022-01-07'],
    ['7 января 2022 г.', '2022-01-07'],
    ['7 января 2022 года', '2022-01-07'],
    ['пятница, 7 января 2022', '2022-01-07'],
    ['7 янв. 2022', '2022-01-07'],
    ['1 мая 2021', '2021-05-01'],
    ['15 сентября 2020', '2020-09-15'],
    ['2022 жылғы 7 қаңтар', '2022-01-07'],
    ['7 қаңтар 2022 ж.', '2022-01-07'],
    ['2021 жылғы 16 желтоқсан', '2021-12-16'],
    ['3 қыркүйек 2019 ж.', '2019-09-03'],
    ['12 сәуір 2023', '2023-04-12'],
    ['le 7 janvier 2022', '2022-01-07'],
    ['1er février 2022', '2022-02-01'],
    ['7 août 2022', '2022-08-07'],
    ['Freitag, 7. Januar 2022', '2022-01-07'],
    ['7. März 2022', '2022-03-07'],
    ['7 de enero de 2022', '2022-01-07'],
    ['Jan. 5, 2022', '2022-01-05'],
    ['Sat. Jan 22nd, 2022', '2022-01-22'],
  ])('%s → %s', (line, iso) => {
    expect(parseDateLine(line)?.iso).toBe(iso);
  });

  it.each(['30 февраля 2022', '7 Foo 2022', '7 января', 'Январь, начало года'])('%s is no date', (line) => {
    expect(parseDateLine(line)).toBeNull();
  });

  it('finds a Kazakh date among the first lines of a text', () => {
    const text = 'Алматыдағы наразылық\n\n2022 жылғы 7 қаңтар\n\nМәтін.';
    expect(extractMetadata(text, splitParagraphs(text)).date?.iso).toBe('2022-01-07');
  });
});

describe('bylines from the text', () => {
  it('takes no byline from a sentence that starts with "By"', () => {
    expect(parseBylineLine('By the way, the protests went on for a week.')).toBeNull();
    expect(parseBylineLine('By then, the internet had been shut down across the country.')).toBeNull();
  });

  it('still takes a name', () => {
    expect(parseBylineLine('By Aigerim Toleukhanova')?.name).toBe('Aigerim Toleukhanova');
    expect(parseBylineLine('By Michiel de Jong')?.name).toBe('Michiel de Jong');
  });
});
