import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-saved-cli-');
afterAll(temp.cleanup);

// Written for the test: two documents that name Tokayev, one that does not.
async function archive(): Promise<{ archive: string; data: string; write(name: string, text: string): Promise<void> }> {
  const [dir, data] = [await temp.make(), await temp.make()];
  const write = (name: string, text: string) => writeFile(path.join(dir, name), text);
  await mkdir(dir, { recursive: true });
  await write('a.txt', 'Almaty protests\n\nPresident Tokayev spoke on television.\n');
  await write('b.txt', 'Wire report\n\nTokayev met the cabinet.\n');
  await write('c.txt', 'Weather\n\nSnow in Astana.\n');
  return { archive: dir, data, write };
}

describe('casefile saved and marks', () => {
  it('saves a search, says what is new or changed, runs it new first, marks it seen, renames and deletes it', async () => {
    const a = await archive();
    const run = async (args: string[]) => {
      const result = await runCli([...args, '--archive', a.archive, '--data', a.data]);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    expect(await run(['saved', 'save', 'President', 'Tokayev', '--sort', 'newest'])).toBe('saved "President": "Tokayev"\n');
    await a.write('d.txt', 'Late news\n\nTokayev addressed the nation.\n');
    await a.write('b.txt', 'Wire report\n\nTokayev met the cabinet. Corrected.\n');
    expect(await run(['saved', 'list'])).toMatch(/^President {2}"Tokayev" {2}1 new, 1 changed {2}\(seen /u);
    const listed = JSON.parse(await run(['saved', 'list', '--json'])) as Array<{ name: string; options: object; added: number; changed: number }>;
    expect(listed.map((s) => [s.name, s.options, s.added, s.changed])).toEqual([['President', { variants: true, sort: 'newest' }, 1, 1]]);

    const text = await run(['saved', 'run', 'president']);
    expect(text.split('\n')[0]).toBe('President: 3 documents match "Tokayev", 1 new, 1 changed');
    const marked = text.split('\n').filter((l) => /^\d+\./u.test(l));
    expect(marked.slice(0, 2).map((l) => l.replace(/^\d+\. /u, '')).sort()).toEqual(['[changed] Wire report', '[new] Late news']);
    expect(marked[2]).toBe('3. Almaty protests');

    const json = JSON.parse(await run(['saved', 'run', 'President', '--json', '--seen'])) as { added: string[]; changed: string[] };
    expect([json.added, json.changed]).toEqual([['d.txt'], ['b.txt']]);
    expect(await run(['saved', 'list'])).toContain('nothing new');
    await a.write('c.txt', 'Weather\n\nSnow in Astana; Tokayev cancelled a trip.\n');
    expect(await run(['saved', 'list'])).toContain('1 new');
    expect(await run(['saved', 'seen', 'President'])).toBe('President: marked as seen\n');
    expect(await run(['saved', 'list'])).toContain('nothing new');

    expect(await run(['saved', 'rename', 'President', 'Tokayev watch'])).toBe('renamed to "Tokayev watch"\n');
    expect(await run(['saved', 'delete', 'tokayev watch'])).toBe('deleted "Tokayev watch"\n');
    expect(await run(['saved', 'list'])).toBe('no saved searches (save one: saved save NAME "<query>")\n');
    const unknown = await runCli(['saved', 'run', 'President', '--archive', a.archive, '--data', a.data]);
    expect([unknown.code, unknown.stderr]).toEqual([2, 'error: no saved search named "President"\n']);
    const bad = await runCli(['saved', 'frobnicate', '--archive', a.archive, '--data', a.data]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown action "frobnicate"');
  });

  it('saves the marks filters: --starred keeps to starred documents', async () => {
    const a = await archive();
    const run = async (args: string[]) => {
      const result = await runCli([...args, '--archive', a.archive, '--data', a.data]);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    await run(['marks', 'star', 'a.txt']);
    await run(['saved', 'save', 'Starred', 'Tokayev', '--starred']);
    await run(['marks', 'star', 'b.txt']);
    const json = JSON.parse(await run(['saved', 'run', 'Starred', '--json'])) as { added: string[]; result: { hits: Array<{ id: string }> } };
    expect(json.added).toEqual(['b.txt']);
    expect(json.result.hits.map((h) => h.id)).toEqual(['b.txt', 'a.txt']);
    // A query that starts with '-' comes after '--' (the options before it).
    const negative = await runCli(['saved', 'save', 'Not Astana', '--archive', a.archive, '--data', a.data, '--', '-Astana']);
    expect([negative.code, negative.stdout]).toEqual([0, 'saved "Not Astana": "-Astana"\n']);
  });

  it('marks lists, stars, tags and untags whole documents', async () => {
    const a = await archive();
    const run = async (args: string[]) => {
      const result = await runCli([...args, '--archive', a.archive, '--data', a.data]);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    expect(await run(['marks'])).toBe('no documents starred or tagged\n');
    expect(await run(['marks', 'star', 'a.txt'])).toBe('★ a.txt\n');
    expect(await run(['marks', 'tag', 'b.txt', 'wire, Kazakhstan'])).toBe('  b.txt  #wire #Kazakhstan\n');
    expect(await run(['marks', 'tag', 'b.txt', 'WIRE,followup'])).toBe('  b.txt  #wire #Kazakhstan #followup\n');
    expect(await run(['marks', 'untag', 'b.txt', 'kazakhstan'])).toBe('  b.txt  #wire #followup\n');
    expect(await run(['marks'])).toBe('★ a.txt\n  b.txt  #wire #followup\n');
    expect(await run(['marks', '--starred'])).toBe('★ a.txt\n');
    expect(JSON.parse(await run(['marks', '--tag', 'Wire', '--json']))).toEqual([{ docId: 'b.txt', starred: false, tags: ['wire', 'followup'] }]);
    expect(await run(['marks', 'unstar', 'a.txt'])).toBe('  a.txt\n');
    expect(await run(['marks'])).toBe('  b.txt  #wire #followup\n');
    const unknown = await runCli(['marks', 'star', 'nope.txt', '--archive', a.archive, '--data', a.data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nope.txt');
    const usage = await runCli(['marks', 'tag', 'a.txt', '--archive', a.archive, '--data', a.data]);
    expect([usage.code, usage.stderr]).toEqual([2, 'error: marks tag takes a document id and tags: marks tag ID TAG[,TAG]\n']);
  });
});
