import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { realpath } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { archiveDataDir } from '../../../src/core/locations';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { ARCHIVE_DIR } from '../../helpers/archive-files';
import { apiError, callApi, makeBench, openWorkstation, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-entities-api-');

const openBundled = async () => openWorkstation({ archiveDir: ARCHIVE_DIR, dataDir: await temp.make(), indexBuilder: inProcessBuilder });

/** Russian written for the tests: the president's name in Cyrillic, Kazakh letters and Russian cases. */
const RUSSIAN = [
  'Итоги недели',
  '',
  'Президент Казахстана Касым-Жомарт Токаев заявил, что в Алматы атаковали бандиты.',
  'По словам Токаева, миротворцы ОДКБ покинут страну в течение десяти дней.',
  'Бывший глава КНБ Карим Масимов задержан по подозрению в госизмене.',
  'Владимир Путин обсудил ситуацию с Токаевым по телефону.',
  'Журналист Сергей Дуванов считает, что Тоқаев не уступит.',
  '',
].join('\n');

const ENGLISH = [
  'The week in review',
  '',
  'Kassym-Jomart Tokayev spoke on television. President Tokayev said order was restored in Almaty.',
  'Tokayev’s statement worried journalists, and Kasym-Zhomart Tokajev did not take questions.',
  '',
].join('\n');

const OTHER = 'Another report\n\nFarmers in Pavlodar complained about prices. The Ministry of Agriculture did not answer.\n';

describe('entities on the bundled archive', () => {
  it('groups the president’s spellings into one person, and every mention’s offsets slice its document to its text', async () => {
    const ws = await openBundled();
    const people = await callApi(ws, 'entities', { type: 'person' });
    const president = people.filter((e) => e.variants.some((v) => /Tok[ay]j?ev/u.test(v)));
    expect(president).toHaveLength(1);
    expect(president[0].variants).toEqual(expect.arrayContaining(['Kassym-Jomart Tokayev', 'Kasym-Zhomart Tokayev', 'Tokayev', 'Tokajev']));
    expect(people[0].mentions).toBeGreaterThanOrEqual(people.at(-1)?.mentions ?? 0);
    const page = await callApi(ws, 'entity', { id: president[0].id });
    expect(page.mentionList).toHaveLength(president[0].mentions);
    expect(new Set(page.mentionList.map((m) => m.doc)).size).toBe(president[0].documents);
    for (const m of page.mentionList) {
      const { document } = await ws.getDocument(m.doc);
      expect(document.text.slice(m.start, m.end)).toBe(m.text);
      expect(m.before.length).toBeLessThanOrEqual(100);
      expect(`${m.before}${m.text}${m.after}`.replace(/\s+/gu, ' ')).toContain(m.text);
    }
    // "President Tokayev" and the typographic possessive "Tokayev’s" are mentions of him.
    const texts = await Promise.all(page.mentionList.map(async (m) => (await ws.getDocument(m.doc)).document.text));
    const around = page.mentionList.map((m, i) => texts[i].slice(Math.max(0, m.start - 10), m.end + 2));
    expect(around.some((a) => a.endsWith('President Tokayev') || a.includes('President Tokayev'))).toBe(true);
    expect(around.some((a) => a.endsWith('Tokayev’s'))).toBe(true);
    expect(page.documentList.reduce((n, d) => n + d.mentions, 0)).toBe(page.mentions);
    expect(page.related.length).toBeGreaterThan(0);
    expect(page.related.length).toBeLessThanOrEqual(20);
    expect(page.related.map((r) => r.together)).toEqual([...page.related.map((r) => r.together)].sort((a, b) => b - a));
  });

  it('a workstation that follows the folder reads names ahead and closes cleanly mid-way', async () => {
    const ws = await openBundled();
    await ws.watch();
    const listed = await callApi(ws, 'entities', {});
    expect(listed.length).toBeGreaterThan(10);
    const early = await openBundled();
    await early.watch();
    await early.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('lists places and organisations the gazetteer knows, across their other names (CSTO and the Collective Security Treaty Organisation)', async () => {
    const ws = await openBundled();
    const organizations = await callApi(ws, 'entities', { type: 'organization' });
    const csto = organizations.find((e) => e.variants.includes('CSTO'));
    expect(csto?.variants).toEqual(expect.arrayContaining(['Collective Security Treaty Organisation', 'Collective Security Treaty Organization']));
    const places = await callApi(ws, 'entities', { type: 'place' });
    expect(places.map((p) => p.name)).toEqual(expect.arrayContaining(['Kazakhstan', 'Almaty', 'Zhanaozen']));
    expect(places.every((p) => p.type === 'place')).toBe(true);
  });

  it('an unknown entity is not found, on its page and as a search filter', async () => {
    const ws = await openBundled();
    expect((await apiError(ws, 'entity', { id: 'person:nobody' })).code).toBe('not-found');
    expect((await apiError(ws, 'search', { query: 'protest', entity: 'person:nobody' })).code).toBe('not-found');
  });
});

describe('entities across scripts, facets and the entity filter', () => {
  it('groups Касым-Жомарт Токаев, Токаева, Токаевым and Тоқаев with Kassym-Jomart Tokayev and Tokajev', async () => {
    const bench = await makeBench(() => temp.make(), { 'ru.txt': RUSSIAN, 'en.txt': ENGLISH });
    const ws = await bench.open();
    const people = await callApi(ws, 'entities', { type: 'person' });
    const president = people.filter((e) => e.variants.some((v) => /Tok|Ток|Тоқ/u.test(v)));
    expect(president).toHaveLength(1);
    expect(president[0].variants).toEqual(
      expect.arrayContaining(['Касым-Жомарт Токаев', 'Токаева', 'Токаевым', 'Тоқаев', 'Kassym-Jomart Tokayev', 'Kasym-Zhomart Tokajev', 'Tokayev']),
    );
    expect(president[0].documents).toBe(2);
    // Four English mentions (the full name, "President Tokayev", "Tokayev’s", "Kasym-Zhomart Tokajev") and four Russian ones.
    expect(president[0].mentions).toBe(8);
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Карим Масимов', 'Владимир Путин', 'Сергей Дуванов']));
    const organizations = await callApi(ws, 'entities', { type: 'organization' });
    expect(organizations.find((o) => o.variants.includes('ОДКБ'))?.id).toBe('organization:csto');
    // Seen only in Cyrillic, a known name is shown in Russian.
    expect(organizations.find((o) => o.variants.includes('КНБ'))?.name).toBe('Комитет национальной безопасности');
  });

  it('search counts entity facets over all the matching documents and keeps only those mentioning an entity', async () => {
    const bench = await makeBench(() => temp.make(), { 'ru.txt': RUSSIAN, 'en.txt': ENGLISH, 'other.txt': OTHER });
    const ws = await bench.open();
    await ws.indexReady();
    const everything = await callApi(ws, 'search', { query: 'review итоги report', limit: 1, entityFacets: true });
    expect(everything.total).toBe(3);
    expect(everything.hits).toHaveLength(1);
    const facets = everything.entityFacets;
    expect(facets && Object.keys(facets).sort()).toEqual(['organization', 'person', 'place']);
    const president = facets?.person.find((p) => p.name === 'Kassym-Jomart Tokayev');
    expect(president?.documents).toBe(2);
    expect(facets?.place.find((p) => p.name === 'Pavlodar')?.documents).toBe(1);
    expect(facets?.place.map((p) => p.documents)).toEqual([...(facets?.place ?? []).map((p) => p.documents)].sort((a, b) => b - a));
    const filtered = await callApi(ws, 'search', { query: 'review итоги report', entity: president?.id, entityFacets: true });
    expect(filtered.hits.map((h) => h.id).sort()).toEqual(['en.txt', 'ru.txt']);
    expect(filtered.total).toBe(2);
    expect(filtered.entityFacets?.place.find((p) => p.name === 'Pavlodar')).toBeUndefined();
    // The date facet counts the same documents: those the entity filter keeps.
    const dated = await callApi(ws, 'search', { query: 'review итоги report', entity: president?.id, histogram: true });
    expect(dated.histogram).toEqual({ months: [], undated: 2 });
    expect((await callApi(ws, 'search', { query: 'review итоги report', histogram: true })).histogram?.undated).toBe(3);
    const noFacets = await callApi(ws, 'search', { query: 'report' });
    expect(noFacets.entityFacets).toBeUndefined();
  });

  it('follows a document that changes: its names are read again', async () => {
    const bench = await makeBench(() => temp.make(), { 'en.txt': ENGLISH, 'other.txt': OTHER });
    const ws = await bench.open();
    expect((await callApi(ws, 'entities', { type: 'place' })).map((p) => p.name)).toContain('Pavlodar');
    await bench.write('other.txt', 'Another report\n\nFarmers in Kostanay complained about prices.\n');
    await ws.getDocument('other.txt');
    const places = (await callApi(ws, 'entities', { type: 'place' })).map((p) => p.name);
    expect(places).toContain('Kostanay');
    expect(places).not.toContain('Pavlodar');
  });
});

describe('merges and splits by hand', () => {
  it('are kept in the data folder: a new workstation on the same data sees them', async () => {
    const bench = await makeBench(() => temp.make(), { 'ru.txt': RUSSIAN, 'en.txt': ENGLISH, 'other.txt': OTHER });
    let ws = await bench.open();
    const people = await callApi(ws, 'entities', { type: 'person' });
    const president = people.find((p) => p.variants.includes('Tokajev') || p.variants.includes('Kasym-Zhomart Tokajev'));
    const putin = people.find((p) => p.name === 'Владимир Путин');
    if (!president || !putin) throw new Error('the president and Putin are expected among the people');
    const merged = await callApi(ws, 'mergeEntities', { ids: [president.id, putin.id], name: 'Two presidents' });
    expect(merged.id).toBe(president.id);
    expect(merged.name).toBe('Two presidents');
    expect(merged.mentions).toBe(president.mentions + putin.mentions);
    const parts = await callApi(ws, 'splitEntity', { id: president.id, variants: ['Владимир Путин'] });
    expect(parts).toHaveLength(2);
    expect(parts[0].mentions).toBe(president.mentions);
    expect(parts[1].variants).toEqual(['Владимир Путин']);
    expect((await callApi(ws, 'entityEdits', {})).map((e) => e.kind)).toEqual(['merge', 'split']);
    await ws.close();

    ws = await bench.open();
    const again = await callApi(ws, 'entities', { type: 'person' });
    expect(again.find((p) => p.id === president.id)?.name).toBe('Two presidents');
    expect(again.find((p) => p.id === parts[1].id)?.variants).toEqual(['Владимир Путин']);
    // Removing the merge leaves the split with nothing to split: the automatic grouping is back.
    await callApi(ws, 'removeEntityEdit', { index: 0 });
    const back = await callApi(ws, 'entities', { type: 'person' });
    expect(back.find((p) => p.id === president.id)?.mentions).toBe(president.mentions);
    expect(back.find((p) => p.id === putin.id)?.mentions).toBe(putin.mentions);
  });

  it('two workstations on one data folder keep each other’s edits', async () => {
    const bench = await makeBench(() => temp.make(), { 'ru.txt': RUSSIAN, 'en.txt': ENGLISH, 'other.txt': OTHER });
    const first = await bench.open();
    const second = await bench.open();
    const people = await callApi(first, 'entities', { type: 'person' });
    const places = await callApi(first, 'entities', { type: 'place' });
    const [a, b] = people;
    const [c, d] = places;
    await callApi(first, 'mergeEntities', { ids: [a.id, b.id] });
    // The second saves on the file as it is on disk then: the first's merge is kept, not overwritten.
    await callApi(second, 'mergeEntities', { ids: [c.id, d.id] });
    expect((await callApi(second, 'entityEdits', {})).map((e) => (e.kind === 'merge' ? e.ids : []))).toEqual([
      [a.id, b.id],
      [c.id, d.id],
    ]);
    const third = await bench.open();
    expect((await callApi(third, 'entities', {})).find((e) => e.id === a.id)?.mentions).toBe(a.mentions + b.mentions);
    expect((await callApi(third, 'entities', {})).find((e) => e.id === c.id)?.mentions).toBe(c.mentions + d.mentions);
  });

  it('refuses a merge of one entity, an unknown id and a split of spellings the entity does not have', async () => {
    const bench = await makeBench(() => temp.make(), { 'en.txt': ENGLISH });
    const ws = await bench.open();
    const [first] = await callApi(ws, 'entities', {});
    expect((await apiError(ws, 'mergeEntities', { ids: [first.id, first.id] })).code).toBe('invalid-argument');
    expect((await apiError(ws, 'mergeEntities', { ids: [first.id, 'place:atlantis'] })).code).toBe('not-found');
    expect((await apiError(ws, 'splitEntity', { id: first.id, variants: ['Nobody'] })).code).toBe('invalid-argument');
    expect((await apiError(ws, 'splitEntity', { id: first.id, variants: first.variants })).code).toBe('invalid-argument');
    const refused = await apiError(ws, 'entity', { id: 'place:atlantis' });
    expect(refused.messageCode?.key).toBe('entity.notFound');
  });

  it('a damaged edits file is left as found, changes are refused with a clear error, and entities are still listed', async () => {
    const bench = await makeBench(() => temp.make(), { 'en.txt': ENGLISH, 'ru.txt': RUSSIAN });
    const file = path.join(archiveDataDir(bench.dataDir, await realpath(bench.archiveDir)), 'entities.json');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"format":"casefile-entity-edits","version":1,"edits":[{"kind":"merge"');
    const ws = await bench.open();
    const listed = await callApi(ws, 'entities', {});
    expect(listed.length).toBeGreaterThan(0);
    const refused = await apiError(ws, 'mergeEntities', { ids: [listed[0].id, listed[1].id] });
    expect(refused.code).toBe('store-corrupt');
    expect(refused.message).toContain('entities.json');
    expect(refused.message).toContain('is not valid JSON');
    expect(await readFile(file, 'utf8')).toBe('{"format":"casefile-entity-edits","version":1,"edits":[{"kind":"merge"');
  });
});
