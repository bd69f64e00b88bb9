import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { compareTexts } from '../../../src/core/duplicates/compare';
import { fingerprint, nearDuplicateGroups, nearDuplicatesOf, similarity, THRESHOLD } from '../../../src/core/duplicates/near-duplicates';

const ARCHIVE = path.resolve(__dirname, '../../../archive');
const files = readdirSync(ARCHIVE).sort();
const textOf = (file: string) => readFileSync(path.join(ARCHIVE, file), 'utf8');
const doc = (id: string, text: string): ArchiveDocument => parseDocument(id, new TextEncoder().encode(text));
const bundled = files.map((file) => doc(file, textOf(file)));

/** Every `every`-th word of the text replaced, as a sub-editor's light touch would (keeps line breaks). */
function editEvery(text: string, every: number, replacement = 'reportedly'): string {
  let n = 0;
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => (++n % every === 0 ? replacement : word));
}

const ARTICLE = textOf(files[3]);
const paragraphs = ARTICLE.split('\n').filter((line) => line.trim() !== '');

describe('near-duplicate documents', () => {
  it('the bundled archive has five different articles: no two are grouped', () => {
    expect(nearDuplicateGroups(bundled)).toEqual([]);
    for (const d of bundled) expect(nearDuplicatesOf(d, bundled)).toEqual([]);
  });

  it('groups a wire story with its reprints: light edits, a new headline and dateline, an added paragraph, another case and apostrophe', () => {
    const reprints = [
      doc('outlet-a.txt', ARTICLE),
      doc('outlet-b.txt', `Kazakhstan: what happened\n\nALMATY (Wire) —\n\n${editEvery(ARTICLE, 60)}`),
      doc('outlet-c.txt', `${ARTICLE}\n\nThis story was updated with a response from the government, which did not comment by the time of publication.\n`),
      doc('outlet-d.txt', ARTICLE.replace(/'/g, '’').toUpperCase()),
    ];
    const groups = nearDuplicateGroups([...bundled, ...reprints]);
    expect(groups.map((g) => g.map((d) => d.id))).toEqual([[files[3], ...reprints.map((d) => d.id)]]);
    const found = nearDuplicatesOf(reprints[1], [...bundled, ...reprints]);
    expect(found.map((d) => d.id).sort()).toEqual([files[3], 'outlet-a.txt', 'outlet-c.txt', 'outlet-d.txt'].sort());
    expect(found.find((d) => d.id === 'outlet-a.txt')?.similarity).toBeGreaterThan(0.7);
    expect(found.find((d) => d.id === 'outlet-d.txt')?.similarity).toBe(found.find((d) => d.id === 'outlet-a.txt')?.similarity);
  });

  it('does not group an article with another that quotes one of its paragraphs', () => {
    const quoting = doc('commentary.txt', `${textOf(files[0])}\n\nAs one report put it:\n\n${paragraphs[3]}\n`);
    expect(nearDuplicateGroups([...bundled.slice(3, 4), quoting])).toEqual([]);
  });

  it('leaves web boilerplate out: two different pages of one site are not copies because they share the footer', () => {
    const footer = Array.from({ length: 40 }, () => 'Share This Article Read More Subscribe to our newsletter for the latest news').join('\n');
    const a = doc('a.html', `<html><body><article><p>${paragraphs[1]}</p><p>${paragraphs[2]}</p></article><footer>${footer}</footer></body></html>`);
    const b = doc('b.html', `<html><body><article><p>${textOf(files[1]).split('\n')[4]}</p></article><footer>${footer}</footer></body></html>`);
    expect(nearDuplicatesOf(a, [a, b])).toEqual([]);
  });

  it('a text of a few words is too short to call a copy of anything', () => {
    expect(fingerprint('Kazakhstan protests')).toBeNull();
    expect(nearDuplicateGroups([doc('x.txt', 'Unrest in Almaty'), doc('y.txt', 'Unrest in Almaty')])).toEqual([]);
  });

  it('similarity is symmetric, 1 for the same text, and falls as more words are edited', () => {
    const original = fingerprint(ARTICLE)!;
    const edited = [200, 50, 20, 8, 4].map((every) => similarity(original, fingerprint(editEvery(ARTICLE, every))!));
    expect(similarity(original, original)).toBe(1);
    expect(edited).toEqual([...edited].sort((x, y) => y - x));
    expect(edited[0]).toBeGreaterThan(0.9);
    expect(edited[4]).toBeLessThan(THRESHOLD);
  });

  it('finds nearly every pair over the threshold: recall at least 0.9 on 120 edited copies near it', () => {
    // Copies of each bundled article with every n-th word changed: Jaccard from about 0.45 to 0.75.
    const pairs = bundled.flatMap((original) =>
      Array.from({ length: 24 }, (_, i) => [original, doc(`${original.id}-${i}`, editEvery(original.text, 14 + (i % 17), `edit${i}`))] as const),
    );
    let over = 0;
    let found = 0;
    for (const [original, copy] of pairs) {
      if (similarity(fingerprint(original.text)!, fingerprint(copy.text)!) < THRESHOLD) continue;
      over++;
      if (nearDuplicateGroups([original, copy]).length === 1) found++;
    }
    expect(over).toBeGreaterThan(40);
    expect(found / over).toBeGreaterThanOrEqual(0.9);
  });

  it('property: any sub-threshold pair is never grouped, and grouping does not depend on the order given', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 3, max: 400 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 0, max: 1000 }), (everies, seed) => {
        const docs = everies.map((every, i) => doc(`copy-${i}.txt`, editEvery(ARTICLE, every, `w${(seed + i) % 7}`)));
        const ids = (groups: ArchiveDocument[][]) => groups.map((g) => g.map((d) => d.id).sort()).sort();
        const forward = nearDuplicateGroups(docs);
        expect(ids(nearDuplicateGroups([...docs].reverse()))).toEqual(ids(forward));
        for (const group of forward) {
          // Each member is over the threshold with at least one other member.
          for (const member of group) {
            const best = Math.max(...group.filter((o) => o !== member).map((o) => similarity(fingerprint(member.text)!, fingerprint(o.text)!)));
            expect(best).toBeGreaterThanOrEqual(THRESHOLD);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('comparing two texts word by word', () => {
  it('marks whole words that changed, numbers with their separators, and leaves the punctuation both share unmarked', () => {
    const a = 'The president said about 5,000 people gathered in Almaty.';
    const b = 'The President said that about 6,000 people gathered in Almaty on Wednesday.';
    const parts = compareTexts(a, b)!;
    expect(parts.filter((p) => p.kind !== 'same').map((p) => [p.kind, p.text])).toEqual([
      ['removed', 'president'],
      ['added', 'President'],
      ['added', 'that '],
      ['removed', '5,000'],
      ['added', '6,000'],
      // Whole words as written, with what follows both kept unmarked: wdiff's view.
      ['removed', 'Almaty'],
      ['added', 'Almaty on Wednesday'],
    ]);
  });

  it('property: the runs of each side, joined, are that text, and each run sits at its offsets', () => {
    const word = fc.constantFrom('Tokayev', 'Токаев', 'said', '16,000', 'the', 'protesters', 'Almaty', 'Тоқаев', 'were', 'detained');
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', '.\n', ' — ')), { maxLength: 40 }).map((pairs) => pairs.flat().join(''));
    // The second text is the first with a few runs cut out and others put in: a light edit.
    const edited = text.chain((a) =>
      fc.tuple(fc.constant(a), fc.array(fc.tuple(fc.nat(a.length), fc.nat(12), text.map((t) => t.slice(0, 20))), { maxLength: 3 })).map(([a, edits]) => [
        a,
        edits.reduce((b, [at, cut, put]) => b.slice(0, Math.min(at, b.length)) + put + b.slice(Math.min(at + cut, b.length)), a),
      ]),
    );
    fc.assert(
      fc.property(edited, ([a, b]) => {
        const parts = compareTexts(a, b);
        fc.pre(parts !== null);
        expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(a);
        expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(b);
        for (const p of parts) {
          if (p.aStart !== undefined) expect(a.slice(p.aStart, p.aStart + p.text.length)).toBe(p.text);
          if (p.bStart !== undefined) expect(b.slice(p.bStart, p.bStart + p.text.length)).toBe(p.text);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('two different articles are not compared word by word', () => {
    expect(compareTexts(textOf(files[0]), textOf(files[1]))).toBeNull();
    expect(compareTexts(ARTICLE, editEvery(ARTICLE, 30))).not.toBeNull();
  });
});
