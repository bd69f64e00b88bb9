import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-entities-cli-');
afterAll(temp.cleanup);

interface EntityJson {
  id: string;
  name: string;
  type: string;
  variants: string[];
  documents: number;
  mentions: number;
}

async function entitiesJson(args: string[] = []): Promise<EntityJson[]> {
  const run = await runCli(['entities', '--json', ...args, '--data', await temp.make()]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as EntityJson[];
}

describe('casefile entities', () => {
  it('--json prints exactly {id,name,type,variants,documents,mentions}, most mentioned first', async () => {
    const list = await entitiesJson();
    expect(list.length).toBeGreaterThan(10);
    for (const e of list) {
      expect(Object.keys(e)).toEqual(['id', 'name', 'type', 'variants', 'documents', 'mentions']);
      expect(['person', 'organization', 'place']).toContain(e.type);
      expect(e.id.startsWith(`${e.type}:`)).toBe(true);
      expect(e.documents).toBeGreaterThan(0);
      expect(e.mentions).toBeGreaterThanOrEqual(e.documents);
    }
    expect(list.map((e) => e.mentions)).toEqual([...list.map((e) => e.mentions)].sort((a, b) => b - a));
    expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
    const president = list.filter((e) => e.variants.includes('Tokayev'));
    expect(president).toHaveLength(1);
    expect(president[0].variants).toEqual(expect.arrayContaining(['Kasym-Zhomart Tokayev', 'Kassym-Jomart Tokayev', 'Tokajev']));
  });

  it('--type keeps one type; a type it does not know is a usage mistake', async () => {
    const places = await entitiesJson(['--type', 'place']);
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((e) => e.type === 'place')).toBe(true);
    const wrong = await runCli(['entities', '--type', 'weather', '--data', await temp.make()]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--type must be one of person, organization, place');
  });

  it('without --json, one line per entity with its counts, id and other spellings', async () => {
    const run = await runCli(['entities', '--type', 'person', '--data', await temp.make()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^person +Kassym-Jomart Tokayev {2}\(\d+ mentions in \d+ documents\) {2}person:kassym-jomart-tokayev$/mu);
    expect(run.stdout).toMatch(/also written: .*Tokajev/u);
  });

  it('search --entity keeps the documents that mention the entity', async () => {
    const data = await temp.make();
    const list = JSON.parse((await runCli(['entities', '--json', '--data', data])).stdout) as EntityJson[];
    const rare = list.find((e) => e.documents === 1 && e.type === 'person');
    if (!rare) throw new Error('a person named in one document is expected');
    const all = await runCli(['search', 'Kazakhstan', '--json', '--data', data]);
    const only = await runCli(['search', 'Kazakhstan', '--entity', rare.id, '--json', '--data', data]);
    expect(only.code, only.stderr).toBe(0);
    expect((JSON.parse(all.stdout) as { total: number }).total).toBeGreaterThan(1);
    expect((JSON.parse(only.stdout) as { total: number }).total).toBe(1);
    const unknown = await runCli(['search', 'Kazakhstan', '--entity', 'person:nobody', '--data', data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no entity person:nobody');
  });
});
