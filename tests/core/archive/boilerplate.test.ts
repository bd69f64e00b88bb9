import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../../src/core/archive/archive';
import { isBoilerplateLine, withoutBoilerplate } from '../../../src/core/archive/boilerplate';
import { CompactSearchEngine } from '../../../src/core/search/compact-search-engine';
import { ARCHIVE_DIR, archiveFile } from '../../helpers/archive-files';

describe('web boilerplate', () => {
  it.each([
    'Read More:  Former F1 Champion Involved In Road Accident In Switzerland',
    'Share This Article',
    'Leave a comment',
    'Leave a comment...',
    'Source link',
    'This site uses Akismet to reduce spam. Learn how your comment data is processed.',
    'Related: Protests in Almaty',
  ])('recognises %j', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'Read more about the protests in the report below.',
    'Protesters shared leaflets about the source of the unrest.',
    'Source: the interior ministry said 8,000 people were detained.',
    'Leave a comment in the margins, the editor said, and she did.',
  ])('leaves article sentences alone: %j', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });

  it('marks the seed articles’ teasers and prompts, keeps the text whole, and leaves them out of search', async () => {
    const { documents } = await loadArchive(ARCHIVE_DIR);
    const doc001 = documents.find((d) => d.id === archiveFile('001_').name);
    if (!doc001) throw new Error('001 missing');
    // The source writes a no-break space after "Read More:"; compare with white space collapsed.
    const marked = doc001.boilerplate.map((span) => doc001.text.slice(span.start, span.end).replace(/\s+/g, ' '));
    expect(marked).toEqual([
      'Read More: Woman killed lover and fed parts to builders after discovering his wedding plans - World News',
      'Read More: South Africa riots: Mother throws child from burning building after looters start blaze in Durban',
      'Read More: Former F1 Champion Involved In Road Accident In Switzerland',
      'Share This Article',
      'Leave a comment',
    ]);
    expect(doc001.text).toContain('Former F1 Champion');
    const engine = CompactSearchEngine.fromDocuments(documents);
    expect(engine.search('Switzerland').total).toBe(0);
    expect(engine.search('Durban').total).toBe(0);
    expect(engine.search('Zhanaozen').total).toBeGreaterThan(0);
  });

  it('blanks boilerplate with spaces of the same length, so every other offset holds', () => {
    const text = 'Body one.\nShare This Article\nBody two.';
    const start = text.indexOf('Share');
    const masked = withoutBoilerplate(text, [{ start, end: start + 'Share This Article'.length }]);
    expect(masked).toHaveLength(text.length);
    expect(masked.indexOf('Body two.')).toBe(text.indexOf('Body two.'));
    expect(masked).not.toContain('Share');
  });
});
