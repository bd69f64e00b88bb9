import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeApi } from '../../src/core/api';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation } from '../../src/core/workstation';
import { tempDirs } from '../helpers/temp-dir';
import { callApi } from '../helpers/workstation';

const temp = tempDirs('casefile-cite-');
let ws: Workstation;

beforeAll(async () => {
  const archive = await temp.make();
  await writeFile(path.join(archive, 'report.txt'), 'Casualty figures revised\nBy Aigerim Seitkali\nJanuary 15, 2022\n\nThe ministry revised the figures on Saturday.');
  ws = await Workstation.open({ archiveDir: archive, dataDir: await temp.make(), indexBuilder: inProcessBuilder });
}, 60_000);

afterAll(async () => {
  await ws.close();
  await temp.cleanup();
});

describe('citeSource: one source’s reference, for the page view', () => {
  it('is the reference a dossier prints, in the style asked for (Chicago author-date by default)', async () => {
    const chicago = await invokeApi(ws, 'citeSource', { id: 'report.txt' });
    expect(chicago).toMatchObject({ ok: true, value: { reference: expect.stringContaining('Casualty figures revised') } });
    const apa = await callApi(ws, 'citeSource', { id: 'report.txt', style: 'apa' });
    expect(apa.reference).not.toBe((await callApi(ws, 'citeSource', { id: 'report.txt' })).reference);
  });

  it.each([[{ id: 'missing.txt' }, 'not-found'], [{ id: '../report.txt' }, 'invalid-argument'], [{ id: 'report.txt', style: 'mla' }, 'invalid-argument']])(
    'refuses %j',
    async (args, code) => {
      expect(await invokeApi(ws, 'citeSource', args)).toMatchObject({ ok: false, error: { code } });
    },
  );
});
