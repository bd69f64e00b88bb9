import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteAt } from '../../../src/core/annotations/anchoring';
import { HIGHLIGHT_COLORS, type AnchoredAnnotation, type HighlightColor } from '../../../src/core/annotations/model';
import type { Workstation } from '../../../src/core/workstation';
import { article, documentOf } from '../../helpers/annotations';
import { apiError, callApi, makeBench, tempDirsPerTest, writeStoreFile, type Bench } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-service-');

const FUEL = article(
  'Fuel prices spark protests in the west',
  'Protests began in Zhanaozen on January 2 after the price of liquefied gas doubled overnight.',
  'Within days the rallies had spread to Aktau, Atyrau and the largest city, Almaty.',
  'Токаев объявил чрезвычайное положение в Алматы и Мангистауской области.',
);
const BLACKOUT = article(
  'Internet blackout',
  'The internet was cut off across Kazakhstan for five days in January.',
  'Banks, shops and petrol stations could not take card payments.',
);
const FILES = { 'fuel.txt': FUEL, 'blackout.txt': BLACKOUT };

async function bench(): Promise<Bench> {
  return makeBench(temp.make, FILES);
}

function byId(list: AnchoredAnnotation[]): Map<string, AnchoredAnnotation> {
  return new Map(list.map((a) => [a.id, a]));
}

describe('undo and redo', () => {
  /** Runs `action` and checks that undo gives back exactly the state before it and redo the state after. */
  async function expectUndoable(ws: Workstation, action: () => Promise<unknown>, name: string): Promise<void> {
    const before = ws.annotations.list();
    await action();
    const after = ws.annotations.list();
    expect(after).not.toEqual(before);
    expect((await ws.annotations.undo())?.action).toBe(name);
    expect(ws.annotations.list()).toEqual(before);
    expect((await ws.annotations.redo())?.action).toBe(name);
    expect(ws.annotations.list()).toEqual(after);
  }

  it('undoes and redoes a create, an edit and a delete, restoring the exact states', async () => {
    const ws = await (await bench()).open();
    let id = '';
    await expectUndoable(ws, async () => ({ id } = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Protests began in Zhanaozen', tags: ['protest'] })), 'create highlight');
    await expectUndoable(ws, () => ws.annotations.update({ id, note: 'the start', tags: ['protest', 'west'], color: 'green' }), 'edit highlight');
    await expectUndoable(ws, () => ws.annotations.delete(id), 'delete highlight');
  });

  it('undoes and redoes an accept and a detach of fuzzy annotations', async () => {
    const b = await bench();
    const first = await b.open();
    const sentence = 'The internet was cut off across Kazakhstan for five days in January.';
    const one = await first.annotations.annotateQuote({ docId: 'blackout.txt', quote: sentence, note: 'blackout' });
    const other = await first.annotations.annotateQuote({ docId: 'blackout.txt', quote: 'Banks, shops and petrol stations could not take card payments.' });
    await first.flush();
    await b.write('blackout.txt', BLACKOUT.replace('five days', 'six days').replace('petrol stations', 'gas stations'));
    const ws = await b.open();
    expect(ws.annotations.list().map((a) => a.status)).toEqual(['fuzzy', 'fuzzy']);
    await expectUndoable(ws, () => ws.annotations.accept(one.id), 'accept new place');
    await expectUndoable(ws, () => ws.annotations.detach(other.id), 'detach highlight');
    expect(byId(ws.annotations.list()).get(one.id)?.status).toBe('anchored');
    expect(byId(ws.annotations.list()).get(other.id)?.status).toBe('orphaned');
  });

  it('undoes and redoes an import as one action (annotations added and updated)', async () => {
    const ws = await (await bench()).open();
    const kept = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'liquefied gas', note: 'old note' });
    const file = JSON.parse((await ws.exportAnnotations('jsonld')).content) as { first: { items: Array<Record<string, unknown>> } };
    const [item] = file.first.items;
    const newer = { ...item, modified: '2030-01-01T00:00:00.000Z', body: [{ type: 'TextualBody', purpose: 'commenting', value: 'new note' }] };
    const foreign = { ...item, id: 'https://hypothes.is/a/abc123' };
    const content = JSON.stringify({ type: 'AnnotationCollection', first: { items: [newer, foreign] } });
    await expectUndoable(ws, async () => {
      expect(await callApi(ws, 'importAnnotations', { content })).toMatchObject({ added: 1, updated: 1, problems: [] });
    }, 'import 2 annotations');
    expect(byId(ws.annotations.list()).get(kept.id)?.note).toBe('new note');
  });

  type Action =
    | { kind: 'create'; doc: keyof typeof FILES; at: number; length: number; color: HighlightColor }
    | { kind: 'edit'; pick: number; note: string; tags: string[]; color: HighlightColor }
    | { kind: 'delete' | 'detach'; pick: number };
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.record({
      kind: fc.constant('create' as const),
      doc: fc.constantFrom('fuel.txt' as const, 'blackout.txt' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 60 }),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
    }),
    fc.record({
      kind: fc.constant('edit' as const),
      pick: fc.nat(),
      note: fc.string({ maxLength: 30 }),
      tags: fc.array(fc.constantFrom('protest', 'Алматы', 'economy', 'witness'), { maxLength: 3 }),
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
    }),
    fc.record({ kind: fc.constantFrom('delete' as const, 'detach' as const), pick: fc.nat() }),
  );

  /** Performs an action (a create when there is nothing to act on) and returns its name in the undo list. */
  async function perform(ws: Workstation, a: Action): Promise<string> {
    const existing = ws.annotations.list();
    if (a.kind === 'create' || existing.length === 0) {
      const create = a.kind === 'create' ? a : { doc: 'fuel.txt' as const, at: 0, length: 10, color: 'yellow' as const };
      const text = documentOf(FILES[create.doc]).text;
      const start = create.at % (text.length - 1);
      await ws.annotations.create({ docId: create.doc, start, end: Math.min(text.length, start + create.length), color: create.color });
      return 'create highlight';
    }
    const { id } = existing[a.pick % existing.length];
    if (a.kind === 'edit') await ws.annotations.update({ id, note: a.note, tags: a.tags, color: a.color });
    else if (a.kind === 'delete') await ws.annotations.delete(id);
    else await ws.annotations.detach(id);
    return { edit: 'edit highlight', delete: 'delete highlight', detach: 'detach highlight' }[a.kind];
  }

  it('undoes 20 to 30 consecutive actions in order, each to the exact state before it, and redoes them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 20, maxLength: 30 }), async (actions) => {
        const ws = await (await bench()).open();
        const states = [ws.annotations.list()];
        const names: string[] = [];
        for (const a of actions) {
          names.push(await perform(ws, a));
          states.push(ws.annotations.list());
        }
        for (let i = actions.length - 1; i >= 0; i--) {
          expect((await ws.annotations.undo())?.action).toBe(names[i]);
          expect(ws.annotations.list()).toEqual(states[i]);
        }
        expect(await ws.annotations.undo()).toBeNull();
        for (let i = 0; i < actions.length; i++) {
          expect((await ws.annotations.redo())?.action).toBe(names[i]);
          expect(ws.annotations.list()).toEqual(states[i + 1]);
        }
        expect(await ws.annotations.redo()).toBeNull();
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('names the annotations an undo touched', async () => {
    const ws = await (await bench()).open();
    const made = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Almaty' });
    expect(await ws.annotations.undo()).toEqual({ action: 'create highlight', ids: [made.id] });
    expect(await ws.annotations.redo()).toEqual({ action: 'create highlight', ids: [made.id] });
  });

  it('a new action clears what could be redone', async () => {
    const ws = await (await bench()).open();
    const made = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Almaty' });
    await ws.annotations.update({ id: made.id, note: 'edited' });
    await ws.annotations.undo();
    await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Aktau' });
    const state = ws.annotations.list();
    expect(await ws.annotations.redo()).toBeNull();
    expect(ws.annotations.list()).toEqual(state);
  });

  it('returns null for undo and redo with nothing to undo or redo, through the API as well', async () => {
    const ws = await (await bench()).open();
    expect(await ws.annotations.undo()).toBeNull();
    expect(await ws.annotations.redo()).toBeNull();
    expect(await callApi(ws, 'undo', {})).toBeNull();
    expect(await callApi(ws, 'redo', {})).toBeNull();
    expect(ws.annotations.list()).toEqual([]);
  });

  it('keeps the undone state on disk: a reopened workstation sees it', async () => {
    const b = await bench();
    const ws = await b.open();
    const kept = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Almaty', note: 'first' });
    const edited = await ws.annotations.update({ id: kept.id, note: 'second' });
    const dropped = await ws.annotations.annotateQuote({ docId: 'blackout.txt', quote: 'five days' });
    await ws.annotations.delete(dropped.id);
    await ws.annotations.undo(); // the delete: `dropped` is back
    await ws.annotations.undo(); // its creation: gone again
    await ws.annotations.undo(); // the edit: the note is 'first' again
    const undone = ws.annotations.list();
    expect(undone).toEqual([{ ...edited, note: 'first', modified: kept.modified }]);
    await ws.flush();
    const reopened = await b.open();
    expect(reopened.annotations.list()).toEqual(undone);
    expect(await reopened.annotations.undo()).toBeNull();
  });

  // Caught a bug: the re-anchoring cache was keyed by `modified`, so a detach within the same
  // millisecond reused the stale 'anchored' result. A frozen clock makes the collision certain.
  it('reports a detached annotation as orphaned even when detached in the same millisecond it was made', async () => {
    const frozen = new Date('2024-05-01T12:00:00.000Z');
    const b = await makeBench(temp.make, FILES, () => frozen);
    const ws = await b.open();
    const made = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Almaty' });
    const detached = await ws.annotations.detach(made.id);
    expect(detached.detached).toBe(true);
    expect(detached.status).toBe('orphaned');
    expect(ws.annotations.list()[0].status).toBe('orphaned');
  });
});

describe('filters and tags', () => {
  async function annotatedArchive() {
    const b = await bench();
    const ws = await b.open();
    const a = {
      start: await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Protests began in Zhanaozen', note: 'Start of the unrest', tags: ['protest', 'Zhanaozen'] }),
      gas: await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'liquefied gas doubled', note: 'Price shock: LPG', tags: ['economy', 'protest'], color: 'orange' }),
      emergency: await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Токаев объявил чрезвычайное положение', note: 'State of emergency', tags: ['Токаев'], color: 'pink' }),
      blackout: await ws.annotations.annotateQuote({ docId: 'blackout.txt', quote: 'The internet was cut off across Kazakhstan', note: 'BLACKOUT', tags: ['internet', 'protest'], color: 'blue' }),
      cards: await ws.annotations.annotateQuote({ docId: 'blackout.txt', quote: 'could not take card payments' }),
    };
    await ws.flush();
    // The sentence of `cards` is deleted from its source: it becomes orphaned.
    await b.write('blackout.txt', BLACKOUT.replace('Banks, shops and petrol stations could not take card payments.\n', ''));
    return { ws: await b.open(), a };
  }

  const ids = (list: AnchoredAnnotation[]) => list.map((x) => x.id).sort();

  it('filters by document, tag, colour and status, alone and together, through the workstation and the API', async () => {
    const { ws, a } = await annotatedArchive();
    const cases: Array<[Parameters<Workstation['annotations']['list']>[0], AnchoredAnnotation[]]> = [
      [{}, [a.start, a.gas, a.emergency, a.blackout, a.cards]],
      [{ docId: 'fuel.txt' }, [a.start, a.gas, a.emergency]],
      [{ docId: 'missing.txt' }, []],
      [{ tag: 'protest' }, [a.start, a.gas, a.blackout]],
      [{ tag: 'Токаев' }, [a.emergency]],
      [{ tag: 'nothing' }, []],
      [{ color: 'yellow' }, [a.start, a.cards]],
      [{ color: 'blue' }, [a.blackout]],
      [{ status: 'orphaned' }, [a.cards]],
      [{ status: 'anchored' }, [a.start, a.gas, a.emergency, a.blackout]],
      [{ status: 'fuzzy' }, []],
      [{ tag: 'protest', docId: 'fuel.txt' }, [a.start, a.gas]],
      [{ tag: 'protest', color: 'blue', status: 'anchored' }, [a.blackout]],
      [{ docId: 'blackout.txt', status: 'anchored' }, [a.blackout]],
    ];
    for (const [filter, expected] of cases) {
      expect(ids(ws.annotations.list(filter)), JSON.stringify(filter)).toEqual(ids(expected));
      expect(ids(await callApi(ws, 'listAnnotations', filter ?? {})), `API ${JSON.stringify(filter)}`).toEqual(ids(expected));
    }
  });

  it.each([
    ['zhanaozen', ['start']],
    ['ZHANAOZEN start', ['start']],
    ['unrest protests', ['start']],
    ['price', ['gas']],
    ['lpg DOUBLED', ['gas']],
    ['токаев ПОЛОЖЕНИЕ emergency', ['emergency']],
    ['blackout kazakhstan', ['blackout']],
    ['blackout zhanaozen', []],
    ['card', ['cards']],
    ['', ['start', 'gas', 'emergency', 'blackout', 'cards']],
    ['   ', ['start', 'gas', 'emergency', 'blackout', 'cards']],
  ])('filters by the words %j in quote or note (case-insensitive, all must occur)', async (text, expected) => {
    const { ws, a } = await annotatedArchive();
    const wanted = expected.map((key) => a[key as keyof typeof a]);
    expect(ids(ws.annotations.list({ text }))).toEqual(ids(wanted));
    expect(ids(await callApi(ws, 'listAnnotations', { text }))).toEqual(ids(wanted));
  });

  it('refuses an unknown colour or status in a filter (invalid-argument)', async () => {
    const { ws } = await annotatedArchive();
    expect((await apiError(ws, 'listAnnotations', { color: 'purple' })).code).toBe('invalid-argument');
    expect((await apiError(ws, 'listAnnotations', { status: 'lost' })).code).toBe('invalid-argument');
  });

  it('lists tags with their counts, most used first, and follows changes', async () => {
    const { ws, a } = await annotatedArchive();
    const tags = ws.annotations.tags();
    expect(tags[0]).toEqual({ tag: 'protest', count: 3 });
    expect(Object.fromEntries(tags.map((t) => [t.tag, t.count]))).toEqual({ protest: 3, Zhanaozen: 1, economy: 1, Токаев: 1, internet: 1 });
    expect(await callApi(ws, 'listTags', {})).toEqual(tags);

    await ws.annotations.update({ id: a.cards.id, tags: ['internet', 'economy'] });
    await ws.annotations.update({ id: a.emergency.id, tags: ['economy'] });
    await ws.annotations.delete(a.blackout.id);
    expect(ws.annotations.tags().slice(0, 2)).toEqual([
      { tag: 'economy', count: 3 },
      { tag: 'protest', count: 2 },
    ]);
    const counts = ws.annotations.tags().map((t) => t.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(ws.annotations.tags().map((t) => t.tag)).not.toContain('Токаев');
  });
});

describe('author from the preferences', () => {
  it('is written into annotations made after it is set, and kept across reopening', async () => {
    const b = await bench();
    const ws = await b.open();
    expect(await callApi(ws, 'getPreferences', {})).toEqual({ author: '', recentArchives: [], language: 'system' });
    const before = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Almaty' });
    expect(before.author).toBe('');

    expect(await callApi(ws, 'setPreferences', { author: '  Aigerim Tazhi  ' })).toEqual({ author: 'Aigerim Tazhi', recentArchives: [], language: 'system' });
    const after = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Aktau' });
    expect(after.author).toBe('Aigerim Tazhi');
    // The author is who made the annotation: editing an older one does not change it.
    expect((await ws.annotations.update({ id: before.id, note: 'edited later' })).author).toBe('');
    await ws.flush();

    const reopened = await b.open();
    expect(reopened.preferences.get()).toEqual({ author: 'Aigerim Tazhi', recentArchives: [], language: 'system' });
    expect((await reopened.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Atyrau' })).author).toBe('Aigerim Tazhi');
    expect(byId(reopened.annotations.list()).get(after.id)?.author).toBe('Aigerim Tazhi');
  });

  it.each([
    ['not JSON', '{ "author": '],
    ['another format', JSON.stringify({ format: 'something', version: 1, preferences: { author: 'X' } })],
    ['a wrong type', JSON.stringify({ format: 'casefile-preferences', version: 1, preferences: { author: 42 } })],
  ])('falls back to the defaults when the preferences file holds %s, and can still be set', async (_what, content) => {
    const b = await bench();
    await writeFile(path.join(b.dataDir, 'preferences.json'), content);
    const ws = await b.open();
    expect(ws.preferences.get()).toEqual({ author: '', recentArchives: [], language: 'system' });
    expect((await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Almaty' })).author).toBe('');
    await ws.preferences.set({ author: 'Reporter' });
    expect((await b.open()).preferences.get()).toEqual({ author: 'Reporter', recentArchives: [], language: 'system' });
  });

  it('refuses an author over 300 characters or an unknown preference (invalid-argument), keeping the old one', async () => {
    const ws = await (await bench()).open();
    await ws.preferences.set({ author: 'Kept' });
    expect((await apiError(ws, 'setPreferences', { author: 'x'.repeat(301) })).code).toBe('invalid-argument');
    expect((await apiError(ws, 'setPreferences', { theme: 'dark' })).code).toBe('invalid-argument');
    expect(ws.preferences.get()).toEqual({ author: 'Kept', recentArchives: [], language: 'system' });
  });
});

describe('the store file', () => {
  /** Two annotations as version 1 wrote them: no author, no detached flag. */
  function versionOneStore(): { content: string; ids: string[] } {
    const doc = documentOf(FUEL, 'fuel.txt');
    const made = ['Protests began in Zhanaozen', 'the largest city, Almaty'].map((quote, i) => {
      const start = doc.text.indexOf(quote);
      const stamp = new Date(Date.UTC(2023, 0, 1 + i)).toISOString();
      return {
        id: ['3b241101-e2bb-4255-8caf-4136c566a962', '5f3c8f2e-8f0c-4a53-9d6e-2f0a7f5d1c11'][i],
        target: { docId: 'fuel.txt', docSha256: doc.sha256, quote: quoteAt(doc.text, start, start + quote.length), position: { start, end: start + quote.length } },
        note: `note ${i}`,
        tags: ['v1'],
        color: 'green',
        created: stamp,
        modified: stamp,
      };
    });
    return { content: JSON.stringify({ format: 'casefile-annotations', version: 1, annotations: made }, null, 2), ids: made.map((a) => a.id) };
  }

  it('reads a version-1 store (author ""), leaves it as it is until a change, then writes version 2 and keeps version 1 as the backup', async () => {
    const b = await bench();
    const { content, ids } = versionOneStore();
    const file = await writeStoreFile(b, content);
    const ws = await b.open();
    expect(ws.info().storeProblem).toBeNull();
    const listed = ws.annotations.list();
    expect(listed.map((a) => a.id)).toEqual(ids);
    for (const a of listed) expect(a).toMatchObject({ author: '', status: 'anchored', tags: ['v1'], color: 'green' });
    expect(await readFile(file, 'utf8')).toBe(content);

    const added = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Aktau' });
    await ws.flush();
    const written = JSON.parse(await readFile(file, 'utf8')) as { version: number; annotations: Array<{ id: string; author: string }> };
    expect(written.version).toBe(2);
    expect(written.annotations.map((a) => [a.id, a.author])).toEqual([...ids.map((id) => [id, '']), [added.id, '']]);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(content);
    expect((await b.open()).annotations.list()).toEqual(ws.annotations.list());
  });

  /** A store with one good save in its backup, then damaged with `content`. */
  async function damagedStore(content: string | null, backup: 'kept' | 'missing' | 'damaged' = 'kept') {
    const b = await bench();
    const ws = await b.open();
    const first = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Almaty', note: 'in the backup' });
    if (backup !== 'missing') await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Aktau', note: 'lost with the damage' });
    await ws.flush();
    const file = await b.storeFile();
    if (backup === 'damaged') await writeFile(`${file}.bak`, '{ also damaged');
    if (content !== null) await writeFile(file, content);
    return { b, file, first };
  }

  /** Names and bytes of the store's files, to show nothing was touched. */
  async function storeFilesWithContent(b: Bench): Promise<Record<string, string>> {
    const dir = path.dirname(await b.storeFile());
    const names = await b.storeFiles();
    return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')])));
  }

  const DAMAGES: Array<[string, string]> = [
    ['not JSON', '{ "format": "casefile-annotations", "version": 2, "annotations": [ {'],
    ['another format', JSON.stringify({ format: 'something-else', version: 2, annotations: [] })],
    ['an unknown version', JSON.stringify({ format: 'casefile-annotations', version: 3, annotations: [] })],
    ['an annotation with a bad id', JSON.stringify({ format: 'casefile-annotations', version: 2, annotations: [{ id: 'nope' }] })],
    ['an array', '[]'],
  ];

  it.each(DAMAGES)('holding %s: reports the problem, refuses writes with store-corrupt, and touches no file', async (_what, content) => {
    const { b, file } = await damagedStore(content);
    const files = await storeFilesWithContent(b);
    const ws = await b.open();
    const problem = ws.info().storeProblem;
    expect(problem).toMatchObject({ file, backupFile: `${file}.bak` });
    expect(problem?.message).toContain(file);
    expect(ws.annotations.list()).toEqual([]);

    expect((await apiError(ws, 'createAnnotation', { docId: 'fuel.txt', start: 0, end: 4 })).code).toBe('store-corrupt');
    expect((await apiError(ws, 'annotateQuote', { docId: 'fuel.txt', quote: 'Almaty' })).code).toBe('store-corrupt');
    const jsonld = JSON.stringify({ type: 'Annotation', id: 'x', target: { source: 'fuel.txt', selector: { type: 'TextQuoteSelector', exact: 'Almaty' } } });
    expect((await apiError(ws, 'importAnnotations', { content: jsonld })).code).toBe('store-corrupt');
    expect(await ws.annotations.undo()).toBeNull();
    await ws.flush();
    expect(await storeFilesWithContent(b)).toEqual(files);
  });

  it.each(DAMAGES.slice(0, 2))('holding %s: restoring the backup brings its annotations back and keeps the damaged file beside it', async (_what, content) => {
    const { b, file, first } = await damagedStore(content);
    const backup = await readFile(`${file}.bak`, 'utf8');
    const ws = await b.open();
    const info = await callApi(ws, 'restoreAnnotationBackup', {});
    expect(info.storeProblem).toBeNull();
    expect(ws.info().storeProblem).toBeNull();
    expect(ws.annotations.list()).toEqual([first]);

    const names = await b.storeFiles();
    const damaged = names.filter((name) => name.startsWith('annotations.json.damaged-'));
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatch(/^annotations\.json\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(await readFile(path.join(path.dirname(file), damaged[0]), 'utf8')).toBe(content);
    expect(await readFile(file, 'utf8')).toBe(backup);

    const added = await ws.annotations.annotateQuote({ docId: 'fuel.txt', quote: 'Atyrau' });
    await ws.flush();
    expect((await b.open()).annotations.list()).toEqual([first, added]);
  });

  it.each([
    ['missing', 'missing' as const],
    ['damaged too', 'damaged' as const],
  ])('with the backup %s, restoring fails with a clear error and changes nothing', async (_what, backup) => {
    const { b, file } = await damagedStore('{ damaged', backup);
    const files = await storeFilesWithContent(b);
    const ws = await b.open();
    const error = await apiError(ws, 'restoreAnnotationBackup', {});
    expect(error.code).not.toBe('internal');
    expect(error.message).toContain(`${file}.bak`);
    expect(await storeFilesWithContent(b)).toEqual(files);
    expect(ws.info().storeProblem?.file).toBe(file);
    expect((await apiError(ws, 'annotateQuote', { docId: 'fuel.txt', quote: 'Almaty' })).code).toBe('store-corrupt');
  });

  it('refuses to restore a store that is not damaged (invalid-argument)', async () => {
    const { b, first } = await damagedStore(null);
    const ws = await b.open();
    expect((await apiError(ws, 'restoreAnnotationBackup', {})).code).toBe('invalid-argument');
    expect(ws.annotations.list().map((a) => a.id)).toContain(first.id);
  });
});
