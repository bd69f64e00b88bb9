import { describe, expect, it } from 'vitest';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-figures-api-');

const RUSSIAN = 'Итоги января\r\n\r\nПо данным МВД, задержаны 9900 человек.\r\nВсего погибли 227 человек, в том числе трое детей.\r\n';
const ENGLISH = 'The toll\n\nOfficials said 164 people died. About 16,000 people were arrested in 2022 on January 5.\n';

describe('the figures method of the API', () => {
  it('groups the claims of every document by measure, with offsets into the text the reader shows', async () => {
    const bench = await makeBench(() => temp.make(), { 'ru.txt': RUSSIAN, 'en.txt': ENGLISH });
    const ws = await bench.open();
    const groups = await callApi(ws, 'figures', {});
    expect(groups.map((g) => [g.measure, g.claims.map((c) => c.value).sort((a, b) => a - b), g.conflict])).toEqual([
      ['deaths', [3, 164, 227], true],
      ['detentions', [9900, 16000], true],
    ]);
    for (const claim of groups.flatMap((g) => g.claims)) {
      const { document } = await ws.getDocument(claim.doc);
      expect(document.text.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.date).toBe(document.date?.iso ?? null);
    }
  });

  it('keeps one measure when asked, and refuses a measure it does not know', async () => {
    const bench = await makeBench(() => temp.make(), { 'ru.txt': RUSSIAN });
    const ws = await bench.open();
    expect((await callApi(ws, 'figures', { measure: 'detentions' })).map((g) => g.measure)).toEqual(['detentions']);
    expect((await apiError(ws, 'figures', { measure: 'weather' })).code).toBe('invalid-argument');
  });
});
