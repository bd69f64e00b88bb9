import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-names-');
const STORY = 'A story\n\nThe xenolith collection was catalogued in March.';

/** Adds one file through the API as the shells do, and gives back the id it was filed under. */
async function addNamed(name: string, times = 1): Promise<{ ids: string[]; onDisk: string[] }> {
  const bench = await makeBench(temp.make, {});
  const ws = await bench.open();
  try {
    const ids: string[] = [];
    for (let i = 0; i < times; i++) {
      const [entry] = await callApi(ws, 'addFiles', { files: [{ name, base64: Buffer.from(STORY).toString('base64') }] });
      expect(entry.status, entry.reason ?? '').toBe('indexed');
      expect((await callApi(ws, 'getDocument', { id: entry.file })).document.text).toContain('xenolith');
      ids.push(entry.file);
    }
    return { ids, onDisk: await readdir(bench.archiveDir) };
  } finally {
    await ws.close();
  }
}

/** Whether `text` holds only whole characters: no lone surrogate, and UTF-8 gives it back unchanged. */
function wholeCharacters(text: string): boolean {
  return Buffer.from(text, 'utf8').toString('utf8') === text && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe('names of added files', () => {
  it.each([
    ['Cyrillic, two bytes a letter', `${'Жанаозен '.repeat(30)}.txt`],
    ['emoji, four bytes and two UTF-16 units each', `${'📰'.repeat(100)}.txt`],
    ['accented letters written as letter + combining accent', `${'é'.normalize('NFD').repeat(100)}.md`],
    ['plain ASCII', `${'a'.repeat(400)}.txt`],
  ])('a long name (%s) is cut by bytes to fit the file system, keeping the extension and whole characters', async (_, name) => {
    const { ids, onDisk } = await addNamed(name, 2);
    for (const id of ids) {
      expect(Buffer.byteLength(id)).toBeLessThanOrEqual(255);
      expect(wholeCharacters(id)).toBe(true);
      expect(id.slice(id.lastIndexOf('.'))).toBe(name.slice(name.lastIndexOf('.')));
    }
    const [first, second] = ids;
    const stem = first.slice(0, first.lastIndexOf('.'));
    expect(name.startsWith(stem)).toBe(true);
    expect(stem.length).toBeGreaterThan(50);
    // The cut falls between characters as a reader sees them: not before an accent or a surrogate's second half.
    expect(name.slice(stem.length)).not.toMatch(/^[\p{M}\uDC00-\uDFFF]/u);
    expect(second).toMatch(/ \(2\)\.\w+$/);
    expect(onDisk.sort()).toEqual([...ids].sort());
  }, 30_000);

  it.each(['tab\there.txt', 'new\nline.txt', 'cr\rhere.txt', 'del\u007f.txt', '50%2e5 percent.txt'])('%j is filed under a name every document call takes', async (name) => {
    const { ids } = await addNamed(name);
    expect(ids[0]).not.toBe(name);
  }, 30_000);
});
