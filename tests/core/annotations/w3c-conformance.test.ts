import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/core/workstation';
import { article } from '../../helpers/annotations';
import { callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';
import { mustAssertions, mustFailures, standalone, type MustTest } from '../../helpers/w3c-annotation-suite';

const temp = tempDirsPerTest('casefile-w3c-');

const PLAIN = article('Budget hearing', 'The council met on Tuesday.', 'Nobody asked about the budget.', 'The mayor left early.');
const CYRILLIC = article('Новости Алматы', 'Токаев объявил чрезвычайное положение.', 'Жители вышли на площадь.');
const ASTRAL = article('Astral characters in a news feed headline', '😀😀 and 𝕏 stood before the quoted words, then more 𝒜 text.');
const FILES = { 'plain.txt': PLAIN, 'ru/news.txt': CYRILLIC, 'astral.txt': ASTRAL };

type Item = Record<string, unknown> & { id: string; body?: unknown; target: Record<string, unknown> & { selector: Array<Record<string, unknown>> } };
type Collection = Record<string, unknown> & { '@context': unknown; first: Record<string, unknown> & { items: Item[] } };

/** Annotations made in every way the workstation makes them. */
async function annotatedEveryWay(): Promise<Workstation> {
  const ws = await (await makeBench(temp.make, FILES)).open();
  const make = (docId: string, quote: string, extra: { note?: string; tags?: string[]; color?: 'yellow' | 'green' | 'blue' | 'pink' | 'orange' } = {}) =>
    ws.annotations.annotateQuote({ docId, quote, ...extra });
  await make('plain.txt', 'council met'); // a bare highlight: no note, no tags, default colour
  await make('plain.txt', 'asked about the budget', { note: 'Who *asked*?' });
  await make('plain.txt', 'The mayor', { tags: ['people', 'Қазақ тілі'] });
  await make('plain.txt', 'left early', { note: 'timing', tags: ['timeline'], color: 'pink' });
  for (const color of ['green', 'blue', 'orange'] as const) await make('plain.txt', 'Tuesday', { color, note: color });
  await make('ru/news.txt', 'объявил чрезвычайное положение', { note: 'Указ № 1', tags: ['указ'], color: 'blue' });
  await make('astral.txt', 'stood before the quoted words', { note: '😀 noted', tags: ['🔥'] });
  await make('plain.txt', 'Tuesday.\nNobody asked', { note: 'across\n\ntwo paragraphs', color: 'orange' });
  const detached = await make('ru/news.txt', 'Жители вышли', { note: 'kept orphaned' });
  await ws.annotations.detach(detached.id);
  return ws;
}

async function exportedCollection(ws: Workstation): Promise<Collection> {
  return JSON.parse((await callApi(ws, 'exportAnnotations', { format: 'jsonld' })).content) as Collection;
}

/** Every MUST assertion of the suite against the export: each annotation, the collection, and its page. */
function allFailures(json: Collection): Array<{ test: MustTest; subject: string; assertion: string; message: string }> {
  const subjects: Array<[MustTest, string, unknown]> = [
    ...json.first.items.map((item): [MustTest, string, unknown] => ['annotation', item.id, standalone(item, json['@context'])]),
    ['collection', 'collection', json],
    ['page', 'collection with its page', json],
  ];
  return subjects.flatMap(([test, subject, value]) => mustFailures(test, value).map((f) => ({ test, subject, ...f })));
}

describe('W3C annotation-model test suite, MUST assertions', () => {
  it('lists the suite’s MUST assertions for annotations (with bodies, targets, specific resources), collections and pages', () => {
    expect(mustAssertions('annotation').length).toBeGreaterThanOrEqual(50);
    expect(mustAssertions('annotation').some((a) => a.includes('specificResource/'))).toBe(true);
    expect(mustAssertions('annotation').some((a) => a.includes('bodiesTargets/'))).toBe(true);
    expect(mustAssertions('collection').length).toBe(10);
    expect(mustAssertions('page').length).toBe(15);
  });

  it('the suite’s validators reject what the model forbids (a relative source, styleClass without stylesheet, a collection without id)', () => {
    const good = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:uuid:6f1c1c9e-0b1a-4b57-9d38-0a0d3c0c2c11', type: 'Annotation', target: 'urn:sha256:00' };
    expect(mustFailures('annotation', good)).toEqual([]);
    const relative = { ...good, target: { type: 'SpecificResource', source: 'plain.txt' } };
    expect(mustFailures('annotation', relative).length).toBeGreaterThan(0);
    const unstyled = { ...good, target: { source: 'urn:sha256:00', styleClass: 'yellow' } };
    expect(mustFailures('annotation', unstyled).map((f) => f.assertion)).toContain('annotations/specificResource/4.4-styleClassValidIfPresent.json');
    const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 0 };
    expect(mustFailures('collection', collection).map((f) => f.assertion)).toContain('collections/5.1-collectionIdValidated.json');
  });

  it('every exported annotation, the collection and its page pass every MUST assertion', async () => {
    const ws = await annotatedEveryWay();
    const json = await exportedCollection(ws);
    expect(json.first.items).toHaveLength(11);
    const failures = allFailures(json);
    const checks = json.first.items.length * mustAssertions('annotation').length + mustAssertions('collection').length + mustAssertions('page').length;
    const failed = new Set(failures.map((f) => `${f.subject} ${f.assertion}`)).size;
    expect(failures.map((f) => `${f.subject}: ${f.assertion}`), `${checks - failed} of ${checks} MUST checks pass`).toEqual([]);
  });
});

describe('W3C JSON-LD export shapes', () => {
  it('an annotation whose file changed since writes no TextPositionSelector (offsets into a file nobody has), and still passes every MUST', async () => {
    const bench = await makeBench(temp.make, FILES);
    const made = await (await bench.open()).annotations.annotateQuote({ docId: 'astral.txt', quote: 'stood before', note: 'n' });
    await bench.write('astral.txt', ASTRAL.replace('😀😀', '😀😀😀 more emoji'));
    const json = await exportedCollection(await bench.open());
    const item = json.first.items.find((i) => i.id === `urn:uuid:${made.id}`) as Item;
    expect(item.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    expect(item.target.source).toBe(`urn:sha256:${createHash('sha256').update(ASTRAL).digest('hex')}`);
    expect(allFailures(json)).toEqual([]);
  });

  it('gives each source a content-addressed IRI (urn:sha256 of the archived file) and keeps the archive path in casefile:docId', async () => {
    const ws = await annotatedEveryWay();
    const json = await exportedCollection(ws);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    for (const item of json.first.items) {
      const docId = item.target['casefile:docId'] as string;
      expect(Object.keys(FILES)).toContain(docId);
      expect(item.target.source).toBe(`urn:sha256:${sha(FILES[docId as keyof typeof FILES])}`);
    }
  });

  it('writes no empty body: a bare highlight has no body key at all', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const bare = await ws.annotations.annotateQuote({ docId: 'plain.txt', quote: 'council met' });
    const item = (await exportedCollection(ws)).first.items.find((i) => i.id === `urn:uuid:${bare.id}`) as Item;
    expect(item).not.toHaveProperty('body');
    expect(item.motivation).toBe('highlighting');
  });

  it('writes styleClass only with an embedded CSS stylesheet that defines that class', async () => {
    const ws = await annotatedEveryWay();
    for (const item of (await exportedCollection(ws)).first.items) {
      const styleClass = item.target.styleClass as string;
      const stylesheet = item.stylesheet as { type: string; value: string };
      expect(stylesheet.type).toBe('CssStylesheet');
      expect(stylesheet.value).toMatch(new RegExp(`^\\.${styleClass} \\{[^}]*background-color: #[0-9a-f]{6}`));
    }
  });

  it('gives the collection and its page ids that stay the same from one export of the same annotations to the next', async () => {
    const ws = await annotatedEveryWay();
    const [first, second] = [await exportedCollection(ws), await exportedCollection(ws)];
    expect(first.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(first.first.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(first.first.id).not.toBe(first.id);
    expect(first.first.partOf).toBe(first.id);
    expect([second.id, second.first.id]).toEqual([first.id, first.first.id]);
    await ws.annotations.annotateQuote({ docId: 'plain.txt', quote: 'The council' });
    expect((await exportedCollection(ws)).id).not.toBe(first.id);
  });

  // Caught a bug: offsets were UTF-16 code units; the model counts characters (code points).
  it('counts TextPositionSelector offsets in code points: after "😀😀 and 𝕏" the start is 51, not 54', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const made = await ws.annotations.annotateQuote({ docId: 'astral.txt', quote: 'stood before' });
    expect(made.target.position.start).toBe(ASTRAL.indexOf('stood before')); // internal offsets stay UTF-16
    const item = (await exportedCollection(ws)).first.items.find((i) => i.id === `urn:uuid:${made.id}`) as Item;
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    const codePoints = [...ASTRAL];
    expect(ASTRAL.indexOf('stood before')).toBe(54); // the UTF-16 index, which the old export wrote
    expect(position).toEqual({ type: 'TextPositionSelector', start: 51, end: 63 });
    expect(codePoints.slice(51, 63).join('')).toBe('stood before');
  });
});
