import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import type { ArchiveDocument } from '../../../src/core/archive/document';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { ARCHIVE_DIR } from '../../helpers/archive-files';

// The case: undated files added to the bundled archive, then "Tokayev" From 2022-01-20.
const WORD = 'Tokayev';
const FROM = '2022-01-20';

let documents: ArchiveDocument[];
let engine: CompactSearchEngine;

beforeAll(async () => {
  const bundled = (await loadArchive(ARCHIVE_DIR)).documents;
  const undated = bundled.filter((d) => d.text.includes(WORD)).slice(0, 2).map((d) => ({ ...d, id: `undated/${d.id}`, date: null }));
  expect(undated).toHaveLength(2);
  documents = [...bundled, ...undated];
  engine = CompactSearchEngine.fromDocuments(documents);
});

const matching = () => documents.filter((d) => d.text.includes(WORD));

describe('a date filter and undated documents', () => {
  it('says how many matching documents it left out because they have no date', () => {
    const result = engine.search(WORD, { from: FROM, limit: 100 });
    const undated = matching().filter((d) => !d.date);
    const inRange = matching().filter((d) => d.date && d.date.iso >= FROM);
    expect(result.total).toBe(inRange.length);
    expect(result.undated).toBe(undated.length);
    expect(result.hits.map((h) => h.id).sort()).toEqual(inRange.map((d) => d.id).sort());
  });

  it('includes them when asked, after the dated ones in date order', () => {
    const result = engine.search(WORD, { from: FROM, includeUndated: true, sort: 'oldest', limit: 100 });
    const expected = matching().filter((d) => !d.date || d.date.iso >= FROM);
    expect(result.total).toBe(expected.length);
    expect(result.undated).toBe(matching().filter((d) => !d.date).length);
    const ids = result.hits.map((h) => h.id);
    expect(ids.sort()).toEqual(expected.map((d) => d.id).sort());
    const dates = engine.search(WORD, { from: FROM, includeUndated: true, sort: 'oldest', limit: 100 }).hits.map((h) => h.date?.iso ?? null);
    expect(dates.slice(dates.indexOf(null)).every((d) => d === null)).toBe(true);
  });

  it('keeps every document, and adds no count, when no date range is set', () => {
    const result = engine.search(WORD, { limit: 100 });
    expect(result.total).toBe(matching().length);
    expect(result).not.toHaveProperty('undated');
  });

  it('leaves undated documents out of a range that excludes every date (and counts them)', () => {
    const result = engine.search(WORD, { to: '1990-01-01' });
    expect(result.total).toBe(0);
    expect(result.undated).toBe(matching().filter((d) => !d.date).length);
    expect(result.undated).toBeGreaterThanOrEqual(2);
  });
});

describe('the date histogram of a search', () => {
  it('counts the matching documents by month of publication, and the undated apart, whatever the date range', () => {
    const result = engine.search(WORD, { from: FROM, histogram: true });
    const months = new Map<string, number>();
    for (const d of matching()) if (d.date) months.set(d.date.iso.slice(0, 7), (months.get(d.date.iso.slice(0, 7)) ?? 0) + 1);
    expect(result.histogram).toEqual({
      months: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, documents]) => ({ month, documents })),
      undated: matching().filter((d) => !d.date).length,
    });
  });

  it('is left out unless asked', () => {
    expect(engine.search(WORD)).not.toHaveProperty('histogram');
  });
});
