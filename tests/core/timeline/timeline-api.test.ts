import { describe, expect, it } from 'vitest';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-timeline-api-');

// Written for the test: a dated Russian report (7 January 2022 was a Friday) and an undated English one.
const RUSSIAN = 'Итоги недели\r\n\r\n7 января 2022 года\r\n\r\nПротесты начались 2 января. Во вторник ввели режим ЧП, а вчера Токаев выступил с обращением.\r\n';
const ENGLISH = 'The toll\n\nOn January 5 police fired on the crowd. Two days later the president spoke. Protesters met yesterday.\n';

describe('the timeline method of the API', () => {
  it('gives every date with its offsets into the text the reader shows, in date order (then by document), without "yesterday" in the undated one', async () => {
    const bench = await makeBench(() => temp.make(), { 'ru.txt': RUSSIAN, 'en.txt': ENGLISH });
    const ws = await bench.open();
    const entries = await callApi(ws, 'timeline', {});
    expect(entries.map((e) => [e.doc, e.text, e.date, e.precision, e.basis])).toEqual([
      ['ru.txt', '2 января', '2022-01-02', 'day', 'publication'],
      ['ru.txt', 'Во вторник', '2022-01-04', 'day', 'publication'],
      ['en.txt', 'January 5', '2022-01-05', 'day', 'assumed'],
      ['ru.txt', 'вчера', '2022-01-06', 'day', 'publication'],
      ['en.txt', 'Two days later', '2022-01-07', 'day', 'assumed'],
      ['ru.txt', '7 января 2022 года', '2022-01-07', 'day', 'written'],
    ]);
    for (const e of entries) {
      const { document } = await ws.getDocument(e.doc);
      expect(document.text.slice(e.start, e.end)).toBe(e.text);
    }
  });

  it('refuses arguments it does not know', async () => {
    const bench = await makeBench(() => temp.make(), { 'en.txt': ENGLISH });
    const ws = await bench.open();
    expect((await apiError(ws, 'timeline', { doc: 'en.txt' })).code).toBe('invalid-argument');
  });
});
