import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-suggestions-cli-');
afterAll(temp.cleanup);

describe('search suggests the archive’s spelling of a word that matches nothing', () => {
  it('adds suggestions to --json, and says “Did you mean” in text', async () => {
    const data = await temp.make();
    const json = await runCli(['search', 'Tokayv AND Almaty', '--json', '--data', data]);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as { total: number; suggestions?: unknown };
    expect(result.total).toBe(0);
    expect(result.suggestions).toEqual([{ word: 'Tokayv', suggestion: 'Tokayev', query: 'Tokayev AND Almaty' }]);
    const text = await runCli(['search', 'Tokayv AND Almaty', '--data', data]);
    expect(text.stdout).toContain('Did you mean "Tokayev AND Almaty"?');
    const spelt = await runCli(['search', 'Tokayev', '--json', '--data', data]);
    expect((JSON.parse(spelt.stdout) as { suggestions?: unknown }).suggestions).toBeUndefined();
  }, 60_000);
});
