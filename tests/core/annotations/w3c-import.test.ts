import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '../../../src/core/annotations/model';
import type { Workstation } from '../../../src/core/workstation';
import { article } from '../../helpers/annotations';
import { callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';
import { SUITE_DIR } from '../../helpers/w3c-annotation-suite';

const temp = tempDirsPerTest('casefile-w3c-import-');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const codePointSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');
const codePointIndexOf = (text: string, part: string) => [...text.slice(0, text.indexOf(part))].length;

/** A document holding the passages of the model's selector examples, with astral characters early on so that code points and UTF-16 units differ. */
const EXAMPLES = article(
  'Examples from the annotation model 😀',
  'Emoji 😀😀 and 𝕏 come first, so UTF-16 offsets run ahead of character offsets from here on.',
  'Somewhere this is an anotation that has some typos in it, as the first example says.',
  'Here is text before the Selected Text and text after it, quoted from the spec.',
  ...Array.from({ length: 12 }, (_, i) => `Filler paragraph ${i + 1} 𝒜 keeps the positions of the ebook example inside the text.`),
);
const ASTRAL = article('Astral characters in a news feed headline', '😀😀 and 𝕏 stood before the quoted words, then more 𝒜 text.');
const NEWS = article('Новости', 'Токаев объявил чрезвычайное положение.');
const FILES = { 'examples.txt': EXAMPLES, 'astral.txt': ASTRAL, 'kz/news.txt': NEWS, 'ru/news.txt': article('Другие новости', 'Совсем другой текст.') };

function sample(name: string): Record<string, unknown> & { target: Record<string, unknown> } {
  return JSON.parse(readFileSync(path.join(SUITE_DIR, 'tools', 'samples', 'correct', `${name}.json`), 'utf8')) as Record<string, unknown> & { target: Record<string, unknown> };
}

/** A sample of the test suite with its target's source pointed at an archive document. */
function adapted(name: string, source: string, target: Record<string, unknown> = {}): object {
  const json = sample(name);
  return { ...json, target: { ...json.target, source, ...target } };
}

async function importing(ws: Workstation, json: unknown) {
  return callApi(ws, 'importAnnotations', { content: JSON.stringify(json) });
}

function only(ws: Workstation): AnchoredAnnotation {
  const list = ws.annotations.list();
  expect(list).toHaveLength(1);
  return list[0];
}

/** The text an annotation stands on now. */
function placed(a: AnchoredAnnotation, text: string): string {
  expect(a.current, `${a.target.quote.exact} is placed`).not.toBeNull();
  return text.slice(a.current?.start ?? 0, a.current?.end ?? 0);
}

describe('the annotation model’s own selector examples, on an archive document', () => {
  const source = `urn:sha256:${sha256(EXAMPLES)}`;

  // Caught a bug: a body given as an IRI string was refused ("body: Invalid input").
  it('TextQuoteSelector (example anno26, whose body is an IRI) anchors on the quoted words', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    expect(await importing(ws, adapted('anno26', source))).toEqual({ added: 1, updated: 0, unchanged: 0, problems: [] });
    const a = only(ws);
    expect(a).toMatchObject({ status: 'anchored', note: 'http://example.org/comment1', target: { docId: 'examples.txt' } });
    expect(placed(a, EXAMPLES)).toBe('anotation');
    expect(EXAMPLES.slice((a.current?.start ?? 0) - 'this is an '.length, a.current?.end)).toBe('this is an anotation');
  });

  it('TextPositionSelector alone (example anno27) anchors, in code points, on the file whose SHA-256 is the source', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    expect(await importing(ws, adapted('anno27', source))).toMatchObject({ added: 1, problems: [] });
    const a = only(ws);
    expect(a.status).toBe('anchored');
    expect(placed(a, EXAMPLES)).toBe(codePointSlice(EXAMPLES, 412, 795));
    expect(a.target.quote.exact).toBe(codePointSlice(EXAMPLES, 412, 795));
  });

  it('a TextQuoteSelector refining a FragmentSelector (example anno32) anchors on the quote', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    expect(await importing(ws, adapted('anno32', source))).toMatchObject({ added: 1, problems: [] });
    expect(placed(only(ws), EXAMPLES)).toBe('Selected Text');
  });

  it('a TextPositionSelector refining an RFC 5147 char= fragment (example 44, the fragment made plain-text) anchors inside the fragment', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const paragraph = codePointIndexOf(EXAMPLES, 'Somewhere this is');
    const fragment = { type: 'FragmentSelector', value: `char=${paragraph},${paragraph + 80}`, conformsTo: 'http://tools.ietf.org/rfc/rfc5147', refinedBy: { type: 'TextPositionSelector', start: 6, end: 27 } };
    expect(await importing(ws, adapted('anno41-example44', source, { selector: fragment }))).toMatchObject({ added: 1, problems: [] });
    const a = only(ws);
    expect(placed(a, EXAMPLES)).toBe(codePointSlice(EXAMPLES, paragraph + 6, paragraph + 27));
    expect(a).toMatchObject({ status: 'anchored', tags: ['love'], note: 'I really love this particular bit of text in this XML. No really.', author: 'A. Person', created: '2015-10-13T13:00:00.000Z' });
  });

  it('example 44 as written (a position inside an XPointer into XML) is reported: Casefile cannot resolve the fragment', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const outcome = await importing(ws, adapted('anno41-example44', source));
    expect(outcome).toMatchObject({ added: 0 });
    expect(outcome.problems).toEqual([{ index: 0, message: expect.stringContaining('no selector Casefile can anchor') }]);
    expect(ws.annotations.list()).toEqual([]);
  });
});

describe('W3C import: targets, bodies and offsets as the model allows them', () => {
  // Caught a bug: an array of targets, or a target given as an IRI, was refused.
  it('takes an array of targets, an IRI target with a #char= fragment among them, one annotation per target that anchors', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const start = codePointIndexOf(ASTRAL, 'stood before');
    const outcome = await importing(ws, {
      id: 'http://example.org/multi',
      type: 'Annotation',
      bodyValue: 'two places',
      target: [
        { source: 'kz/news.txt', selector: { type: 'TextQuoteSelector', exact: 'чрезвычайное положение' } },
        `urn:sha256:${sha256(ASTRAL)}#char=${start},${start + 'stood before'.length}`,
        { source: 'file:///nowhere/missing.txt', selector: { type: 'TextQuoteSelector', exact: 'anything' } },
      ],
    });
    expect(outcome).toMatchObject({ added: 2 });
    expect(outcome.problems).toEqual([{ index: 0, message: 'target 3: no document in the archive is named missing.txt' }]);
    const list = ws.annotations.list();
    expect(list.map((a) => [a.target.docId, a.status, a.note])).toEqual(
      expect.arrayContaining([
        ['kz/news.txt', 'anchored', 'two places'],
        ['astral.txt', 'anchored', 'two places'],
      ]),
    );
    expect(placed(list.find((a) => a.target.docId === 'astral.txt') as AnchoredAnnotation, ASTRAL)).toBe('stood before');
    expect(new Set(list.map((a) => a.id)).size).toBe(2);
  });

  // Caught a bug: offsets were read as UTF-16 units; after "😀😀 and 𝕏" the passage starts at character 51.
  it('reads TextPositionSelector offsets as code points: 51–63 after "😀😀 and 𝕏" is "stood before"', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const item = { id: 'urn:x:astral', type: 'Annotation', target: { source: `urn:sha256:${sha256(ASTRAL)}`, selector: { type: 'TextPositionSelector', start: 51, end: 63 } } };
    expect(await importing(ws, item)).toMatchObject({ added: 1, problems: [] });
    const a = only(ws);
    expect(a.target.quote.exact).toBe('stood before');
    expect(a.target.position).toEqual({ start: 54, end: 66 }); // stored as Casefile counts: UTF-16 units
  });

  it('exported and imported again, astral offsets come back unchanged', async () => {
    const first = await (await makeBench(temp.make, FILES)).open();
    await first.annotations.annotateQuote({ docId: 'astral.txt', quote: 'more 𝒜 text', note: 'after emoji' });
    const content = (await callApi(first, 'exportAnnotations', { format: 'jsonld' })).content;
    const fresh = await (await makeBench(temp.make, FILES)).open();
    expect(await callApi(fresh, 'importAnnotations', { content })).toMatchObject({ added: 1, problems: [] });
    expect(fresh.annotations.list()).toEqual(first.annotations.list());
  });

  it('takes tags from a tagging motivation and a Choice’s first option as the note', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const target = { source: 'kz/news.txt', selector: { type: 'TextQuoteSelector', exact: 'Токаев объявил' } };
    await importing(ws, [
      { id: 'urn:x:tag', motivation: 'tagging', body: { type: 'TextualBody', value: 'указ' }, target },
      { id: 'urn:x:choice', body: { type: 'Choice', items: [{ type: 'TextualBody', value: 'first option' }, { type: 'TextualBody', value: 'second' }] }, target },
    ]);
    const list = ws.annotations.list();
    expect(list.map((a) => [a.tags, a.note])).toEqual(expect.arrayContaining([[['указ'], ''], [[], 'first option']]));
  });
});

describe('W3C import: finding the source document', () => {
  // Caught a bug: the source was the archive path, so after the archive was reorganised every annotation was orphaned.
  it('finds the document by its SHA-256 after the file moved in the archive', async () => {
    const before = await (await makeBench(temp.make, { 'inbox/report.txt': ASTRAL })).open();
    const made = await before.annotations.annotateQuote({ docId: 'inbox/report.txt', quote: 'stood before', note: 'n', color: 'green' });
    const content = (await callApi(before, 'exportAnnotations', { format: 'jsonld' })).content;
    const after = await (await makeBench(temp.make, { 'cases/2022/report-renamed.txt': ASTRAL })).open();
    expect(await callApi(after, 'importAnnotations', { content })).toEqual({ added: 1, updated: 0, unchanged: 0, problems: [] });
    expect(only(after)).toMatchObject({ id: made.id, status: 'anchored', color: 'green', target: { docId: 'cases/2022/report-renamed.txt', position: made.target.position } });
  });

  it('finds an edited document by its archive path (casefile:docId) and anchors by the quote', async () => {
    const before = await (await makeBench(temp.make, FILES)).open();
    await before.annotations.annotateQuote({ docId: 'kz/news.txt', quote: 'чрезвычайное положение' });
    const content = (await callApi(before, 'exportAnnotations', { format: 'jsonld' })).content;
    const edited = article('Новости', 'Вчера вечером Токаев объявил чрезвычайное положение.');
    const after = await (await makeBench(temp.make, { ...FILES, 'kz/news.txt': edited })).open();
    expect(await callApi(after, 'importAnnotations', { content })).toMatchObject({ added: 1, problems: [] });
    const a = only(after);
    expect(a.status).toBe('moved');
    expect(placed(a, edited)).toBe('чрезвычайное положение');
  });

  it('finds a file: IRI’s document by the longest path ending, else by its file name, and reports a name it cannot tell apart', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const quote = (exact: string) => ({ type: 'TextQuoteSelector', exact });
    const outcome = await importing(ws, [
      { id: 'urn:x:1', target: { source: 'file:///mnt/old-disk/archive/kz/news.txt', selector: quote('Токаев') } },
      { id: 'urn:x:2', target: { source: 'file:///home/someone/Desktop/astral.txt', selector: quote('stood before') } },
      { id: 'urn:x:3', target: { source: 'file:///tmp/news.txt', selector: quote('Токаев') } },
      { id: 'urn:x:4', target: { source: 'file:///C:/Users/Me/My%20Files/examples.txt', selector: quote('Selected Text') } },
    ]);
    expect(outcome).toMatchObject({ added: 3 });
    expect(outcome.problems).toEqual([{ index: 2, message: '2 documents in the archive are named news.txt (kz/news.txt, ru/news.txt): the source does not say which' }]);
    expect(ws.annotations.list().map((a) => [a.target.docId, a.status]).sort()).toEqual([
      ['astral.txt', 'anchored'],
      ['examples.txt', 'anchored'],
      ['kz/news.txt', 'anchored'],
    ]);
  });

  it('still imports an export from before IRIs: a bare archive path as source and UTF-16 offsets', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const legacy = {
      '@context': ['http://www.w3.org/ns/anno.jsonld', { casefile: 'urn:casefile:vocabulary#' }],
      type: 'AnnotationCollection',
      total: 1,
      first: {
        type: 'AnnotationPage',
        startIndex: 0,
        items: [
          {
            id: 'urn:uuid:0b7c0e36-3f0e-4a43-9c58-5f4f1f6f0b11',
            type: 'Annotation',
            motivation: 'highlighting',
            created: '2024-05-01T12:00:01.000Z',
            modified: '2024-05-01T12:00:01.000Z',
            body: [],
            target: {
              type: 'SpecificResource',
              source: 'astral.txt',
              styleClass: 'blue',
              'casefile:docSha256': sha256(ASTRAL),
              'casefile:status': 'anchored',
              selector: [
                { type: 'TextQuoteSelector', exact: 'stood before', prefix: '😀😀 and 𝕏 ', suffix: ' the quoted' },
                { type: 'TextPositionSelector', start: 54, end: 66 },
              ],
            },
          },
        ],
      },
    };
    expect(await importing(ws, legacy)).toEqual({ added: 1, updated: 0, unchanged: 0, problems: [] });
    expect(only(ws)).toMatchObject({ status: 'anchored', color: 'blue', target: { docId: 'astral.txt', position: { start: 54, end: 66 } } });
  });
});

describe('W3C import: what cannot be anchored is reported, not added', () => {
  it('restores an annotation a Casefile export marks orphaned already, as an orphan (moving annotations between machines loses none)', async () => {
    const bench = await makeBench(temp.make, FILES);
    const made = await (await bench.open()).annotations.annotateQuote({ docId: 'kz/news.txt', quote: 'чрезвычайное положение', note: 'keep me' });
    const edited = article('Новости', 'Текст переписан полностью.');
    await bench.write('kz/news.txt', edited);
    const orphaned = await bench.open();
    expect(orphaned.annotations.get(made.id).status).toBe('orphaned');
    const content = (await callApi(orphaned, 'exportAnnotations', { format: 'jsonld' })).content;
    const fresh = await (await makeBench(temp.make, { ...FILES, 'kz/news.txt': edited })).open();
    expect(await callApi(fresh, 'importAnnotations', { content })).toEqual({ added: 1, updated: 0, unchanged: 0, problems: [] });
    expect(fresh.annotations.list()).toEqual(orphaned.annotations.list());
    expect(fresh.annotations.get(made.id)).toMatchObject({ status: 'orphaned', note: 'keep me' });
  });

  const cases: Array<[string, object, RegExp]> = [
    ['a quote that is not in the document', { source: 'kz/news.txt', selector: { type: 'TextQuoteSelector', exact: 'words nobody wrote here' } }, /the quote "words nobody wrote here" is not found in kz\/news\.txt/],
    ['a file: IRI whose file the archive does not hold', { source: 'file:///home/a/elsewhere.txt', selector: { type: 'TextQuoteSelector', exact: 'Токаев' } }, /no document in the archive is named elsewhere\.txt/],
    ['a urn:sha256 the archive does not hold', { source: `urn:sha256:${'b'.repeat(64)}`, selector: { type: 'TextQuoteSelector', exact: 'Токаев' } }, /no document in the archive has SHA-256 b{64}/],
    ['a position alone on a file that changed', { source: `urn:sha256:${'c'.repeat(64)}`, 'casefile:docId': 'kz/news.txt', selector: { type: 'TextPositionSelector', start: 0, end: 5 } }, /anchors only on the very file.*kz\/news\.txt has another SHA-256/],
    ['a position past the end of the text', { source: `urn:sha256:${sha256(NEWS)}`, selector: { type: 'TextPositionSelector', start: 10, end: 5000 } }, /outside kz\/news\.txt/],
    ['a whole document as target', { id: `urn:sha256:${sha256(NEWS)}`, type: 'Text' }, /annotates passages, not whole documents/],
  ];

  // Caught a bug: a file: IRI or an absent quote was counted as added and silently orphaned.
  it.each(cases)('%s', async (_what, target, reason) => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const outcome = await importing(ws, { id: 'urn:x:unanchorable', type: 'Annotation', body: 'http://example.org/note', target });
    expect(outcome).toMatchObject({ added: 0, updated: 0, unchanged: 0 });
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0].message).toMatch(reason);
    expect(ws.annotations.list()).toEqual([]);
  });
});
