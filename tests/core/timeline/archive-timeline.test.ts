import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { archiveTimeline, type TimelineEntry } from '../../../src/core/timeline/timeline';
import { ARCHIVE_DIR } from '../../helpers/archive-files';

let documents: ArchiveDocument[];
let timeline: TimelineEntry[];

beforeAll(async () => {
  documents = (await loadArchive(ARCHIVE_DIR)).documents;
  timeline = archiveTimeline(documents);
});

const textOf = (id: string) => documents.find((d) => d.id === id)?.text ?? '';
/** The day of the month a written English date names ("January 5", "5th January", "Jan. 6"), read here independently. */
const dayWritten = (words: string) => Number(/(\d{1,2})(?:st|nd|rd|th)?(?!\d)/.exec(words)?.[1]);

describe('the timeline of the bundled archive', () => {
  it('is in date order, and every entry slices its document to its words', () => {
    expect(timeline.length).toBeGreaterThan(20);
    for (let i = 1; i < timeline.length; i++) expect(timeline[i - 1].date <= timeline[i].date).toBe(true);
    for (const e of timeline) expect(textOf(e.doc).slice(e.start, e.end)).toBe(e.text);
  });

  it('puts the events of 2–11 January 2022 in order, each written day on its date', () => {
    const january = timeline.filter((e) => e.precision === 'day' && e.kind === 'absolute' && /^Jan|January/.test(e.text) && e.date >= '2022-01-02' && e.date <= '2022-01-11');
    // Every "January N" / "Nth (of) January" / "Jan. N" for N in 2–11 that the files contain is on the timeline.
    const written = documents.flatMap((d) => [...d.text.matchAll(/(?<![\p{L}\d])(?:(?:January|Jan\.?) (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?(?: of)? January)(?![\d])/gu)].map((m) => Number(m[1] ?? m[2]))).filter((n) => n >= 2 && n <= 11);
    expect(january.length).toBe(written.length);
    for (const e of january) expect(Number(e.date.slice(8))).toBe(dayWritten(e.text));
    const days = january.map((e) => Number(e.date.slice(8)));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(new Set(days)).toEqual(new Set(written));
    // The start on January 2 comes before the shooting of January 5 and Tokayev's address of January 11.
    expect(january[0].date).toBe('2022-01-02');
    expect(january[january.length - 1].date).toBe('2022-01-11');
  });

  it('gives the dated article its publication date and resolves its "last week" against it', () => {
    const dated = documents.find((d) => d.date);
    if (!dated?.date) throw new Error('the bundled archive has a dated article');
    expect(timeline).toContainEqual(expect.objectContaining({ doc: dated.id, kind: 'publication', date: dated.date.iso, precision: 'day' }));
    expect(timeline).toContainEqual(expect.objectContaining({ doc: dated.id, text: 'last week', precision: 'week', date: '2022-01-10' }));
  });

  it('marks the year of a day written without one in an undated document as assumed', () => {
    const undated = timeline.filter((e) => !documents.find((d) => d.id === e.doc)?.date && e.precision === 'day');
    expect(undated.length).toBeGreaterThan(0);
    for (const e of undated) expect(['assumed', 'written', 'context']).toContain(e.basis);
    expect(undated.some((e) => e.basis === 'assumed')).toBe(true);
  });
});
