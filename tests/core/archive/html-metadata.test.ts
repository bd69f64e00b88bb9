import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/core/archive/html-text';

const PAGES = path.join(__dirname, '../../fixtures/readability');

function page(name: string): { stated: ReturnType<typeof extractHtml>['stated']; expected: { title: string; byline: string | null } } {
  const { stated } = extractHtml(readFileSync(path.join(PAGES, name, 'source.html'), 'utf8'));
  return { stated, expected: JSON.parse(readFileSync(path.join(PAGES, name, 'expected-metadata.json'), 'utf8')) };
}

/** Readability keeps "By"/"Par" in front of a name; Casefile records the name alone. */
const nameOf = (byline: string) => byline.replace(/^(?:by|par)\s+/i, '');

describe('bylines of real pages (Readability test pages)', () => {
  it.each(['cnet-svg-classes', 'liberation-1', 'videos-1', 'videos-2'])('%s: article:author holds a link, the byline is the writer’s name', (name) => {
    const { stated, expected } = page(name);
    expect(stated.author).toBe(nameOf(expected.byline ?? ''));
  });

  it('ebb-org: a URL after the name is dropped from the byline', () => {
    expect(page('ebb-org').stated.author).toBe('Bradley M. Kuhn');
  });

  it('spiceworks: a line that names nobody ("Last Updated: January 7, 2025") is no byline', () => {
    expect(page('spiceworks').stated.author).toBeUndefined();
  });
});

describe('titles of real pages (Readability test pages)', () => {
  it.each(['bbc-1', 'wikipedia-3', 'aktualne', 'spiceworks'])('%s: the site name is stripped from the title', (name) => {
    const { stated, expected } = page(name);
    expect(stated.title).toBe(expected.title);
  });
});

const html = (head: string, body = '<article><h1>Headline</h1><p>Some text of the article, long enough to be one.</p></article>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('HTML metadata rules', () => {
  it('takes the name from an author page URL whose last segment reads as a name, and drops one that does not', () => {
    expect(extractHtml(html('<meta property="article:author" content="https://example.org/authors/jane-doe/">')).stated.author).toBe('Jane Doe');
    expect(extractHtml(html('<meta property="article:author" content="https://www.facebook.com/profile.php?id=123">')).stated.author).toBeUndefined();
  });

  it('strips the site name at the start or the end of a title with " | ", " — " or " :: "', () => {
    const site = '<meta property="og:site_name" content="Example News">';
    expect(extractHtml(html(`${site}<title>Example News | Floods in Almaty</title>`)).stated.title).toBe('Floods in Almaty');
    expect(extractHtml(html(`${site}<title>Floods in Almaty — Example News</title>`)).stated.title).toBe('Floods in Almaty');
    expect(extractHtml(html(`${site}<title>Floods in Almaty :: Example News</title>`)).stated.title).toBe('Floods in Almaty');
  });

  it('keeps a title whose ending is not the site name', () => {
    const site = '<meta property="og:site_name" content="Example News">';
    expect(extractHtml(html(`${site}<title>Protests - what we know</title>`)).stated.title).toBe('Protests - what we know');
  });

  it('takes the first line of a byline element without its "By", and no byline from a sentence', () => {
    const article = (byline: string) =>
      `<article><h1>Headline</h1><p class="byline">${byline}</p><p>Some text of the article, long enough to be one, and then some more of it.</p></article>`;
    expect(extractHtml(html('', article('By\n\t\tScott   Cunningham\n<br>March 25, 2015'))).stated.author).toBe('Scott Cunningham');
    expect(extractHtml(html('', article('By the way, this went on for a week.'))).stated.author).toBeUndefined();
  });
});
