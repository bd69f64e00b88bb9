import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../src/core/archive/document';
import { cslItemOf, firstSeenIn, formatReference, quoteCitation, retrievalDateOf } from '../../../src/core/dossier/citation';
import { DossierManifest, manifestOf, type DossierQuote } from '../../../src/core/dossier/model';
import { Workstation } from '../../../src/core/workstation';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { runCli } from '../../helpers/cli';
import { collapseWhitespace } from '../../helpers/pdf-text';
import { readPdf } from '../../helpers/pdf-read';
import { tempDirs } from '../../helpers/temp-dir';
import { callApi } from '../../helpers/workstation';

/** Building a style's engine takes seconds of CPU (citeproc expands the whole style); a loaded machine makes it more. */
const SLOW = 120_000;

const SHA = 'c053a2981be6c2cd16b9797eb5e8a705c8ad307580a2523282bac05953e14746';

function summary(fields: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: 'news/astana-times.html',
    title: 'Minister says “no comment” on the deal',
    byline: 'Aigerim Toleukhanova',
    date: { text: 'Sun, 3 Mar 2024', iso: '2024-03-03' },
    sha256: SHA,
    sizeBytes: 1000,
    encoding: 'UTF-8',
    format: 'html',
    pages: null,
    publisher: 'The Astana Times',
    url: 'https://astanatimes.com/2024/03/minister',
    retrieved: { text: '5.3.2024', iso: '2024-03-05' },
    language: 'en',
    dateline: null,
    boilerplate: [],
    ...fields,
  };
}

function quote(fields: Partial<DossierQuote> = {}): DossierQuote {
  return {
    number: 1,
    annotationId: 'a',
    docId: 'news/astana-times.html',
    quote: 'no comment',
    note: '',
    commentary: '',
    tags: [],
    color: 'yellow',
    author: '',
    status: 'anchored',
    start: 120,
    end: 130,
    paragraph: 3,
    pages: null,
    ...fields,
  };
}

describe('a source as CSL-JSON', () => {
  it('carries every field the metadata has, dates as ISO', () => {
    expect(cslItemOf(summary())).toEqual({
      id: 'news/astana-times.html',
      type: 'webpage',
      title: 'Minister says “no comment” on the deal',
      author: [{ literal: 'Aigerim Toleukhanova' }],
      issued: { 'date-parts': [[2024, 3, 3]], raw: '2024-03-03' },
      accessed: { 'date-parts': [[2024, 3, 5]], raw: '2024-03-05' },
      'container-title': 'The Astana Times',
      URL: 'https://astanatimes.com/2024/03/minister',
      language: 'en',
    });
  });

  it('leaves out what the metadata does not have; a text file with an outlet is a newspaper article', () => {
    const bare = cslItemOf(summary({ byline: null, date: null, url: null, retrieved: null, publisher: null, language: null, format: 'txt' }));
    expect(bare).toEqual({ id: 'news/astana-times.html', type: 'document', title: 'Minister says “no comment” on the deal' });
    expect(cslItemOf(summary({ url: null, format: 'txt' })).type).toBe('article-newspaper');
  });

  it('takes the date of retrieval from the metadata, else from when Casefile first saw the file', () => {
    expect(retrievalDateOf(summary())).toEqual({ iso: '2024-03-05', basis: 'retrieved' });
    expect(retrievalDateOf(summary({ retrieved: null }), '2024-04-01T08:00:00.000Z')).toEqual({ iso: '2024-04-01', basis: 'first-seen' });
    expect(retrievalDateOf(summary({ retrieved: null }))).toBeNull();
    expect(cslItemOf(summary({ retrieved: null }), '2024-04-01T08:00:00.000Z').accessed).toEqual({ 'date-parts': [[2024, 4, 1]], raw: '2024-04-01' });
  });
});

describe('a citation rendered in a style', () => {
  it('Chicago author-date: author, year, title in quotation marks, outlet, date, URL and the date of retrieval', () => {
    expect(formatReference(summary(), 'chicago-author-date')).toBe(
      'Aigerim Toleukhanova. 2024. “Minister says ‘no comment’ on the deal.” The Astana Times, March 3. https://astanatimes.com/2024/03/minister. Retrieved March 5, 2024.',
    );
  }, SLOW);

  it('APA: author, (year, month day), title, outlet, URL and the date of retrieval', () => {
    expect(formatReference(summary(), 'apa')).toBe(
      'Aigerim Toleukhanova. (2024, March 3). Minister says “no comment” on the deal. The Astana Times. https://astanatimes.com/2024/03/minister. Retrieved March 5, 2024.',
    );
  }, SLOW);

  it('never nests double quotation marks, whatever marks the title holds', () => {
    for (const title of ['He said “stop” twice', 'He said "stop" twice', 'What comes after “Bloody January”?']) {
      const reference = formatReference(summary({ title }), 'chicago-author-date');
      expect(reference, reference).not.toMatch(/“[^”]*“/);
      expect(reference).toMatch(/‘stop’|‘Bloody January’/);
    }
  }, SLOW);

  it('keeps titles as written: no letter’s case is changed, in Cyrillic neither', () => {
    const reference = formatReference(summary({ title: 'Отчёт о выборах в Мажилис', language: 'ru' }), 'chicago-author-date');
    expect(reference).toContain('“Отчёт о выборах в Мажилис.”');
    expect(formatReference(summary({ title: 'protesters in almaty say no' }), 'chicago-author-date')).toContain('“protesters in almaty say no.”');
  }, SLOW);

  it('a quote’s citation: the reference, then file, paragraph, offsets and SHA-256; the same place words in both styles', () => {
    for (const style of ['chicago-author-date', 'apa'] as const) {
      const line = quoteCitation(summary(), quote(), { style });
      expect(line).toMatch(/^Source: Aigerim Toleukhanova\. /);
      expect(line).toContain('The Astana Times');
      expect(line).toContain('https://astanatimes.com/2024/03/minister');
      expect(line).toContain('Retrieved March 5, 2024.');
      expect(line.endsWith(` File news/astana-times.html, ¶ 3, characters 120–130, SHA-256 ${SHA.slice(0, 16)}.`)).toBe(true);
    }
  }, SLOW);

  it('with no date of retrieval in the metadata, gives the day Casefile first saw the file, and says so', () => {
    const line = quoteCitation(summary({ retrieved: null }), quote(), { style: 'chicago-author-date', firstSeen: '2024-04-01T08:00:00.000Z' });
    expect(line).toContain('https://astanatimes.com/2024/03/minister. First seen by Casefile April 1, 2024. File news/astana-times.html');
    const content = {
      title: 'T',
      created: new Date('2024-05-01T00:00:00Z'),
      sections: [],
      sources: [{ doc: summary({ retrieved: null }), text: '', paragraphs: [] }],
      custody: { ledger: { seq: 0, hash: '0'.repeat(64) }, sources: [{ docId: 'news/astana-times.html', firstSeen: '2024-04-01T08:00:00.000Z' }] },
    };
    expect(firstSeenIn(content, 'news/astana-times.html')).toBe('2024-04-01T08:00:00.000Z');
    expect(firstSeenIn(content, 'other.txt')).toBeNull();
    const manifest = manifestOf({ ...content, author: '', date: null, introduction: '' });
    expect(manifest.sources?.[0].csl?.accessed).toEqual({ 'date-parts': [[2024, 4, 1]], raw: '2024-04-01' });
  }, SLOW);

  it('a quote whose source left the archive is cited by its file alone', () => {
    expect(quoteCitation({ id: 'gone.txt' }, quote({ status: 'orphaned', start: null, end: null, paragraph: null }), { style: 'apa' })).toBe(
      'Source: file gone.txt. Not found in the current source: quoted as recorded.',
    );
  });
});

describe('a dossier exported with its citations and quotes printed honestly', () => {
  const temp = tempDirs('casefile-citations-');
  const ARTICLE = [
    '---',
    'title: Minister says “no comment” on the deal',
    'author: Aigerim Toleukhanova',
    'date: 2024-03-03',
    'publisher: The Astana Times',
    'url: https://astanatimes.com/2024/03/minister',
    'retrieved: 2024-03-05',
    '---',
    'The minister met Mr. Smith on Monday. Officials said the agreement would be signed next week, pending a review.',
    '',
    'Read More: Ten things to know about the deal',
    '',
    'Critics called the deal a surrender of sovereignty.',
    '',
  ].join('\n');
  const MID_SENTENCE = 'the agreement would be signed';
  const WHOLE_SENTENCE = 'Critics called the deal a surrender of sovereignty.';
  let ws: Workstation;
  let archiveDir: string;
  let dataDir: string;

  beforeAll(async () => {
    archiveDir = await temp.make();
    dataDir = await temp.make();
    await writeFile(path.join(archiveDir, 'minister.md'), ARTICLE);
    ws = await Workstation.open({ archiveDir, dataDir, now: () => new Date('2024-05-01T09:30:00Z'), indexBuilder: inProcessBuilder });
    await ws.annotations.annotateQuote({ docId: 'minister.md', quote: MID_SENTENCE, note: 'The timetable.' });
    await ws.annotations.annotateQuote({ docId: 'minister.md', quote: WHOLE_SENTENCE, note: 'The critics.' });
  }, SLOW);

  afterAll(async () => {
    await ws?.close();
    await temp.cleanup();
  });

  const exportAs = async (format: 'pdf' | 'md' | 'json', citationStyle?: 'chicago-author-date' | 'apa') =>
    Buffer.from((await callApi(ws, 'exportDossier', { dossier: null, format, citationStyle, signature: 'none' })).base64, 'base64');

  it('prints "…" at an end cut inside a sentence, and only there; the manifest keeps the exact words', async () => {
    const pdf = await readPdf(await exportAs('pdf'));
    const text = collapseWhitespace(pdf.pages.map((p) => p.text).join(' '));
    expect(text).toContain(`…${MID_SENTENCE}…`);
    expect(text).toContain(WHOLE_SENTENCE);
    expect(text).not.toContain(`…${WHOLE_SENTENCE}`);
    expect(text).not.toContain(`${WHOLE_SENTENCE}…`);
    const manifest = DossierManifest.parse(JSON.parse((await exportAs('json')).toString('utf8')));
    expect(manifest.quotes.map((q) => q.exact)).toEqual([MID_SENTENCE, WHOLE_SENTENCE]);
    const md = (await exportAs('md')).toString('utf8');
    expect(md).toContain(`> …${MID_SENTENCE}…`);
    expect(md).toContain(`> ${WHOLE_SENTENCE}\n`);
  }, SLOW);

  it('cites publisher, URL and date of retrieval in the PDF and in Markdown; the manifest has each source as CSL-JSON', async () => {
    const pdf = await readPdf(await exportAs('pdf'));
    const text = collapseWhitespace(pdf.pages.map((p) => p.text).join(' '));
    const reference =
      'Aigerim Toleukhanova. 2024. “Minister says ‘no comment’ on the deal.” The Astana Times, March 3. https://astanatimes.com/2024/03/minister. Retrieved March 5, 2024.';
    expect(text).toContain(`Source: ${reference} File minister.md, ¶ 1, characters`);
    expect(text).not.toMatch(/“[^”]*“/);
    const md = (await exportAs('md')).toString('utf8');
    expect(md).toContain('The Astana Times, March 3. https://astanatimes.com/2024/03/minister. Retrieved March 5, 2024.');
    expect(md).toContain('File `minister.md`');
    const manifest = DossierManifest.parse(JSON.parse((await exportAs('json')).toString('utf8')));
    expect(manifest.sources).toEqual([
      {
        docId: 'minister.md',
        csl: {
          id: 'minister.md',
          type: 'webpage',
          title: 'Minister says “no comment” on the deal',
          author: [{ literal: 'Aigerim Toleukhanova' }],
          issued: { 'date-parts': [[2024, 3, 3]], raw: '2024-03-03' },
          accessed: { 'date-parts': [[2024, 3, 5]], raw: '2024-03-05' },
          'container-title': 'The Astana Times',
          URL: 'https://astanatimes.com/2024/03/minister',
          language: 'en',
        },
      },
    ]);
  }, SLOW);

  it('cites each quote in Markdown in the very words of the PDF, note and citation labelled as there', async () => {
    const pdf = collapseWhitespace((await readPdf(await exportAs('pdf'))).pages.map((p) => p.text).join(' '));
    const md = (await exportAs('md')).toString('utf8');
    const citations = [...md.matchAll(/^\*\[(\d+)\] (Source: .*)\*$/gm)].map((m) => m[2]);
    expect(citations).toHaveLength(2);
    // What Markdown adds is markup only: backslash escapes and code spans.
    for (const citation of citations) expect(pdf).toContain(citation.replace(/\\(.)/g, '$1').replace(/`/g, ''));
    expect(md).toContain('**Note:** The timetable.');
    expect(pdf).toContain('Note: The timetable.');
  }, SLOW);

  it('prints the citations in APA when asked, through the API and the CLI (--style apa)', async () => {
    const apa = 'Aigerim Toleukhanova. (2024, March 3). Minister says “no comment” on the deal. The Astana Times.';
    const pdf = await readPdf(await exportAs('pdf', 'apa'));
    expect(collapseWhitespace(pdf.pages.map((p) => p.text).join(' '))).toContain(apa);
    await ws.close();
    const out = path.join(await temp.make(), 'dossier.md');
    const run = await runCli(['export', '--archive', archiveDir, '--data', dataDir, '--format', 'md', '--style', 'apa', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('(2024, March 3)');
    const wrong = await runCli(['export', '--archive', archiveDir, '--data', dataDir, '--style', 'mla', '--out', out]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('--style must be one of chicago, apa');
    ws = await Workstation.open({ archiveDir, dataDir, now: () => new Date('2024-05-01T09:30:00Z'), indexBuilder: inProcessBuilder });
  }, SLOW);

  it('prints web boilerplate in the appendix smaller, dimmed and labelled as the reader does', async () => {
    const pdf = await readPdf(await exportAs('pdf'));
    const appendix = pdf.pages.filter((p) => p.text.includes('Read More: Ten things'));
    expect(appendix).toHaveLength(1);
    const items = appendix[0].items;
    const label = items.find((i) => i.str.includes('web page furniture — not searched'));
    const furniture = items.find((i) => i.str.includes('Read More: Ten things'));
    const article = items.find((i) => i.str.includes('Critics called the deal'));
    expect(label).toBeDefined();
    expect(furniture!.size).toBeLessThan(article!.size);
    // The label stands before the words on their line.
    expect(Math.abs(label!.y - furniture!.y)).toBeLessThan(2);
    expect(label!.x).toBeLessThan(furniture!.x);
    // Only boilerplate is labelled.
    expect(items.filter((i) => i.str.includes('web page furniture'))).toHaveLength(1);
  }, SLOW);
});
