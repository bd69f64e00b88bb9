import { cp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHORING } from '../../src/core/annotations/anchoring';
import { documentOf, editDistance } from '../helpers/annotations';
import { ARCHIVE_DIR, archiveFile } from '../helpers/archive-files';
import { runCli } from '../helpers/cli';
import { refusal, success } from '../helpers/cli-contract';
import { csvObjects } from '../helpers/csv';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-cli-annotations-');
afterAll(temp.cleanup);

const DOC = archiveFile('004_').name;
const ORIGINAL = documentOf(archiveFile('004_').raw, DOC).text;
/** One quote for each outcome of re-anchoring, after the edit below. */
const QUOTES = {
  anchored: 'Mass protests in Kazakhstan began peacefully over the New Year’s weekend',
  moved: 'President Kassym-Jomart Tokayev blamed the unrest on “terrorists” trained and supported by foreign countries.',
  fuzzy: 'Crowds of armed men showed up in Almaty, where they were seen in cars without license plates or with their faces covered.',
  orphaned: 'But something changed over the course of a week.',
} as const;
type Outcome = keyof typeof QUOTES;
const NOTES: Record<Outcome, { note: string; tags: string[]; color: string }> = {
  anchored: { note: 'peaceful start', tags: ['protest'], color: 'green' },
  moved: { note: 'official line', tags: ['Tokayev', 'terrorism claim'], color: 'pink' },
  fuzzy: { note: 'provocateurs?', tags: ['witness'], color: 'orange' },
  orphaned: { note: 'turning point', tags: [], color: 'yellow' },
};

function edit(text: string): string {
  return text
    .replace(`${QUOTES.orphaned}\n`, '')
    .replace('in cars without', 'in vehicles without')
    .replace('President Kassym-Jomart', 'Editor’s note: this article was updated on January 20 with new figures.\n\nPresident Kassym-Jomart');
}

interface Row {
  id: string;
  doc: string;
  quote: string;
  start: number | null;
  end: number | null;
  status: string;
  note: string;
  tags: string[];
  color: string;
}

let archive = '';
let prepared = '';
const made: Partial<Record<Outcome, string>> = {};

/** A copy of the data folder with the four annotations, so tests never share one. */
async function dataCopy(): Promise<string> {
  const dir = await temp.make();
  await cp(prepared, dir, { recursive: true });
  return dir;
}

const where = (data: string) => ['--archive', archive, '--data', data];

beforeAll(async () => {
  archive = await temp.make();
  await cp(ARCHIVE_DIR, archive, { recursive: true });
  prepared = await temp.make();
  for (const outcome of Object.keys(QUOTES) as Outcome[]) {
    const { note, tags, color } = NOTES[outcome];
    const args = ['annotate', '--doc', DOC, '--quote', QUOTES[outcome], '--note', note, '--color', color, '--json', ...where(prepared)];
    made[outcome] = (JSON.parse(success(await runCli(tags.length ? [...args, '--tags', tags.join(',')] : args))) as Row).id;
  }
  const file = path.join(archive, DOC);
  await writeFile(file, edit(await readFile(file, 'utf8')));
}, 60_000);

describe.concurrent('annotations and their export and import on the command line', () => {
  it('annotations --json re-anchors against the edited archive: one row per annotation, with each status', async () => {
    const rows = JSON.parse(success(await runCli(['annotations', '--json', ...where(await dataCopy())]))) as Row[];
    const text = documentOf(edit(archiveFile('004_').raw), DOC).text;
    expect(rows).toHaveLength(4);
    for (const outcome of Object.keys(QUOTES) as Outcome[]) {
      const row = rows.find((r) => r.id === made[outcome]);
      expect(row && Object.keys(row).sort()).toEqual(['color', 'doc', 'end', 'id', 'note', 'quote', 'start', 'status', 'tags']);
      expect(row).toMatchObject({ doc: DOC, quote: QUOTES[outcome], status: outcome, ...NOTES[outcome] });
      if (!row) continue;
      if (outcome === 'orphaned') {
        expect([row.start, row.end]).toEqual([null, null]);
      } else if (outcome === 'fuzzy') {
        const found = text.slice(row.start ?? 0, row.end ?? 0);
        expect(found).toBe(QUOTES.fuzzy.replace('cars', 'vehicles'));
        expect(editDistance(found, QUOTES.fuzzy)).toBeLessThanOrEqual(QUOTES.fuzzy.length * ANCHORING.maxErrorRate);
      } else {
        expect(text.slice(row.start ?? 0, row.end ?? 0)).toBe(QUOTES[outcome]);
        expect(row.start === ORIGINAL.indexOf(QUOTES[outcome])).toBe(outcome === 'anchored');
      }
    }
  });

  it('annotations without --json marks each with its status', async () => {
    const out = success(await runCli(['annotations', ...where(await dataCopy())]));
    for (const outcome of Object.keys(QUOTES)) expect(out).toContain(`[${outcome}]`);
  });

  it('export-annotations --format jsonld writes the collection, with the context annotate recorded', async () => {
    const data = await dataCopy();
    const out = path.join(data, 'annotations.jsonld');
    expect(success(await runCli(['export-annotations', '--format', 'jsonld', '--out', out, ...where(data)]))).toContain(out);
    const json = JSON.parse(await readFile(out, 'utf8')) as {
      type: string;
      first: { items: Array<{ id: string; target: { selector: Array<{ type: string; exact?: string; prefix?: string; suffix?: string }> } }> };
    };
    expect(json.type).toBe('AnnotationCollection');
    expect(json.first.items.map((i) => i.id).sort()).toEqual(Object.values(made).map((id) => `urn:uuid:${id}`).sort());
    const item = json.first.items.find((i) => i.id === `urn:uuid:${made.moved}`);
    const start = ORIGINAL.indexOf(QUOTES.moved);
    expect(item?.target.selector.find((s) => s.type === 'TextQuoteSelector')).toEqual({
      type: 'TextQuoteSelector',
      exact: QUOTES.moved,
      prefix: ORIGINAL.slice(start - 32, start),
      suffix: ORIGINAL.slice(start + QUOTES.moved.length, start + QUOTES.moved.length + 32),
    });
  });

  it('export-annotations --format md --group-by tag writes Markdown with a heading per tag', async () => {
    const data = await dataCopy();
    const out = path.join(data, 'annotations.md');
    success(await runCli(['export-annotations', '--format', 'md', '--group-by', 'tag', '--out', out, ...where(data)]));
    const markdown = await readFile(out, 'utf8');
    expect(markdown.startsWith('# ')).toBe(true);
    for (const heading of ['## #protest', '## #Tokayev', '## #terrorism claim', '## #witness', '## Untagged']) expect(markdown).toContain(`${heading}\n`);
    expect(markdown).toContain(`> ${QUOTES.orphaned}`);
  });

  it('export-annotations --format csv --group-by color writes one row per annotation, grouped by colour', async () => {
    const data = await dataCopy();
    const out = path.join(data, 'annotations.csv');
    success(await runCli(['export-annotations', '--format', 'csv', '--group-by', 'color', '--out', out, ...where(data)]));
    const { header, rows } = csvObjects(await readFile(out, 'utf8'));
    expect(header).toEqual(expect.arrayContaining(['created', 'document', 'title', 'quote', 'note', 'tags', 'colour', 'status', 'start', 'end']));
    expect(rows.map((r) => [r.quote, r.colour, r.status]).sort()).toEqual(
      (Object.keys(QUOTES) as Outcome[]).map((o) => [QUOTES[o], NOTES[o].color, o]).sort(),
    );
  });

  it.each([
    ['an unknown --format', ['--format', 'pdf', '--out', 'OUT']],
    ['no --format', ['--out', 'OUT']],
    ['an unknown --group-by', ['--format', 'csv', '--group-by', 'month', '--out', 'OUT']],
    ['no --out', ['--format', 'jsonld']],
    ['a positional argument', ['--format', 'jsonld', '--out', 'OUT', 'extra']],
  ])('export-annotations with %s exits 2 with one error line and writes nothing', async (_what, args) => {
    const data = await dataCopy();
    const out = path.join(data, 'never-written');
    refusal(await runCli(['export-annotations', ...args.map((a) => (a === 'OUT' ? out : a)), ...where(data)]));
    expect(existsSync(out)).toBe(false);
  });

  it('import-annotations merges a JSON-LD file by id: the first run adds all, the second adds nothing', async () => {
    const data = await dataCopy();
    const file = path.join(data, 'exported.jsonld');
    success(await runCli(['export-annotations', '--format', 'jsonld', '--out', file, ...where(data)]));
    const fresh = await temp.make();
    expect(success(await runCli(['import-annotations', file, ...where(fresh)]))).toMatch(/^imported: 4 added, 0 updated, 0 unchanged$/mu);
    expect(success(await runCli(['import-annotations', file, ...where(fresh)]))).toMatch(/^imported: 0 added, 0 updated, 4 unchanged$/mu);
    const listed = (d: string) => runCli(['annotations', '--json', ...where(d)]).then((run) => JSON.parse(success(run)) as Row[]);
    expect(await listed(fresh)).toEqual(await listed(data));
  });

  it('import-annotations --json prints the outcome with the problems found', async () => {
    const data = await dataCopy();
    const file = path.join(data, 'mixed.jsonld');
    const item = { id: 'https://hypothes.is/a/abc', target: { source: DOC, selector: { type: 'TextQuoteSelector', exact: QUOTES.anchored } } };
    await writeFile(file, JSON.stringify([item, { id: 'no-selector', target: { source: DOC, selector: [] } }]));
    const outcome = JSON.parse(success(await runCli(['import-annotations', file, '--json', ...where(data)]))) as { added: number; problems: Array<{ index: number }> };
    expect(outcome.added).toBe(1);
    expect(outcome.problems.map((p) => p.index)).toEqual([1]);
  });

  it.each([
    ['a file that does not exist', (dir: string) => [path.join(dir, 'missing.jsonld')]],
    ['no file', () => []],
    ['two files', (dir: string) => [path.join(dir, 'a'), path.join(dir, 'b')]],
  ])('import-annotations with %s exits 2 with one error line', async (_what, files) => {
    const data = await dataCopy();
    refusal(await runCli(['import-annotations', ...files(data), ...where(data)]));
  });

  it('import-annotations of a file that is not JSON-LD exits 2 with one error line and changes nothing', async () => {
    const data = await dataCopy();
    const file = path.join(data, 'notes.txt');
    await writeFile(file, 'just some notes, not annotations');
    expect(refusal(await runCli(['import-annotations', file, ...where(data)]))).toMatch(/JSON/u);
    expect(JSON.parse(success(await runCli(['annotations', '--json', ...where(data)])))).toHaveLength(4);
  });
});
