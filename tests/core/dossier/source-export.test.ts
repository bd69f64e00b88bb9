import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CslItem, renderItem } from '../../../src/core/dossier/citation';
import type { SourceFormat } from '../../../src/core/dossier/source-export';
import { inProcessBuilder } from '../../../src/core/search/index-builder';
import { Workstation } from '../../../src/core/workstation';
import { runCli } from '../../helpers/cli';
import { readPdf } from '../../helpers/pdf-read';
import { tempDirs } from '../../helpers/temp-dir';
import { apiError, callApi } from '../../helpers/workstation';

/** Building a citeproc engine and a PDF take seconds of CPU on a loaded machine. */
const SLOW = 120_000;

/** A web page with every field, a URL longer than a RIS line of 70 characters, and TeX's special characters in its title. */
const WEB_ID = 'minister_2024.md';
const WEB_TITLE = 'Minister says “no comment” on the $2bn & 50% {draft} deal_v2';
const WEB_URL = 'https://astanatimes.com/2024/03/minister-says-no-comment-on-the-deal-with-the-consortium?ref=front_page&x=1';
const WEB = ['---', `title: ${WEB_TITLE}`, 'author: Aigerim Toleukhanova', 'date: 2024-03-03', 'publisher: The Astana Times', `url: ${WEB_URL}`, 'retrieved: 2024-03-05', 'language: en', '---', 'The minister said nothing about the deal.', ''].join('\n');

/** A newspaper article in Russian: no URL. */
const NEWS_ID = 'almaty.md';
const NEWS_TITLE = 'Алматы после январских событий: голоса очевидцев';
const NEWS_AUTHOR = 'Айгерим Сәрсенова';
const NEWS = ['---', `title: "${NEWS_TITLE}"`, `author: ${NEWS_AUTHOR}`, 'date: 2022-02-12', 'publisher: Власть', 'language: ru', '---', 'Жители города продолжают искать пропавших родственников.', ''].join('\n');

/** A bare text file: no byline, date, outlet or URL. */
const BARE_ID = 'заметки.txt';
const BARE = 'Заметки о январе\n\nНикто не знал, что будет дальше.\n';

type ParsedItem = Record<string, unknown> & { title?: string; URL?: string; author?: Array<{ literal?: string; family?: string }>; issued?: { 'date-parts': number[][] } };

const nameOf = (names: ParsedItem['author']) => names?.map((n) => n.literal ?? n.family);

describe('export-sources: the sources cited, for Zotero', () => {
  const temp = tempDirs('casefile-sources-');
  let ws: Workstation;
  let archiveDir: string;
  let dataDir: string;

  beforeAll(async () => {
    archiveDir = await temp.make();
    dataDir = await temp.make();
    await writeFile(path.join(archiveDir, WEB_ID), WEB);
    await writeFile(path.join(archiveDir, NEWS_ID), NEWS);
    await writeFile(path.join(archiveDir, BARE_ID), BARE);
    ws = await Workstation.open({ archiveDir, dataDir, now: () => new Date('2024-05-01T09:30:00Z'), indexBuilder: inProcessBuilder });
    const web = await ws.annotations.annotateQuote({ docId: WEB_ID, quote: 'said nothing', note: 'Silence.' });
    const news = await ws.annotations.annotateQuote({ docId: NEWS_ID, quote: 'пропавших родственников', note: 'Пропавшие.' });
    await ws.annotations.annotateQuote({ docId: BARE_ID, quote: 'Никто не знал' });
    // The dossier cites the newspaper first, then the web page, and not the bare file.
    const dossier = await ws.dossiers.create('witnesses', { title: 'Witnesses' });
    await ws.dossiers.update(dossier.id, {
      sections: [{ id: randomUUID(), heading: 'Said', items: [news, web].map((a) => ({ annotationId: a.id, commentary: '' })) }],
    });
  }, SLOW);

  afterAll(async () => {
    await ws?.close();
    await temp.cleanup();
  });

  const exported = async (format: SourceFormat, dossier: string | null = null) => {
    const result = await callApi(ws, 'exportSources', { dossier, format });
    return { ...result, text: Buffer.from(result.base64, 'base64').toString('utf8') };
  };
  const parsedBack = (text: string) => new Cite(text).data as ParsedItem[];

  it('writes CSL-JSON that citation-js reads back and citeproc renders as the PDF prints it', async () => {
    const { text, fileName, mediaType, warnings } = await exported('csl-json');
    expect(fileName).toBe('Casefile-dossier.sources.csl.json');
    expect(mediaType).toBe('application/vnd.citationstyles.csl+json');
    expect(warnings).toEqual([]);
    const items = (JSON.parse(text) as unknown[]).map((item) => CslItem.passthrough().parse(item));
    // The sources every annotation cites, as the all-annotations dossier orders them.
    expect(items.map((i) => i.id)).toEqual([NEWS_ID, WEB_ID, BARE_ID]);
    const [news, web, bare] = items;
    expect(web).toMatchObject({
      type: 'webpage',
      title: WEB_TITLE,
      author: [{ literal: 'Aigerim Toleukhanova' }],
      issued: { 'date-parts': [[2024, 3, 3]] },
      accessed: { 'date-parts': [[2024, 3, 5]] },
      'container-title': 'The Astana Times',
      URL: WEB_URL,
      language: 'en',
      'citation-key': 'minister_2024_md',
    });
    expect(news).toMatchObject({ type: 'article-newspaper', title: NEWS_TITLE, author: [{ literal: NEWS_AUTHOR }], 'container-title': 'Власть', language: 'ru' });
    // What the metadata lacks is absent, not "undefined" or empty (the language is told from the text).
    expect(Object.keys(bare).sort()).toEqual(['accessed', 'citation-key', 'id', 'language', 'note', 'title', 'type']);
    expect(bare).toMatchObject({ type: 'document', title: 'Заметки о январе' });
    expect(text).not.toMatch(/undefined|null/);
    const webSha = (await ws.getDocument(WEB_ID)).document.sha256;
    expect(web.note).toBe(`Casefile file: ${WEB_ID}; SHA-256: ${webSha}`);

    const back = parsedBack(text);
    expect(back.map((i) => [i.title, nameOf(i.author), i.issued?.['date-parts'], i.URL])).toEqual(items.map((i) => [i.title, nameOf(i.author), i.issued?.['date-parts'], i.URL]));

    // Compared without spaces: the PDF breaks a long URL over lines.
    const unspaced = (text: string) => text.replace(/\s+/g, '');
    for (const style of ['chicago-author-date', 'apa'] as const) {
      const pdf = await callApi(ws, 'exportDossier', { dossier: null, format: 'pdf', citationStyle: style, signature: 'none' });
      const printed = unspaced((await readPdf(Buffer.from(pdf.base64, 'base64'))).pages.map((p) => p.text).join(' '));
      for (const item of items) expect(printed).toContain(unspaced(`Source: ${renderItem(item, style)}`));
    }
  }, SLOW);

  it('writes BibTeX that citation-js reads back with the same title, author, date and URL; Cyrillic and TeX characters survive', async () => {
    const { text, fileName, mediaType } = await exported('bibtex');
    expect(fileName).toBe('Casefile-dossier.sources.bib');
    expect(mediaType).toBe('application/x-bibtex');
    expect(text).toContain(`title = {${NEWS_TITLE}}`);
    expect(text).toContain('\\$2bn \\& 50\\% \\{draft\\} deal\\_v2');
    expect(text).not.toMatch(/undefined|null/);
    const back = parsedBack(text);
    expect(back.map((i) => i['citation-key'])).toEqual(['almaty_md', 'minister_2024_md', 'txt']);
    const [news, web, bare] = back;
    expect(web).toMatchObject({ title: WEB_TITLE, issued: { 'date-parts': [[2024, 3, 3]] }, URL: WEB_URL });
    expect(nameOf(web.author)).toEqual(['Aigerim Toleukhanova']);
    expect(news).toMatchObject({ title: NEWS_TITLE, issued: { 'date-parts': [[2022, 2, 12]] }, 'container-title': 'Власть' });
    expect(nameOf(news.author)).toEqual([NEWS_AUTHOR]);
    expect(bare).toMatchObject({ title: 'Заметки о январе' });
    expect(bare).not.toHaveProperty('author');
    expect(bare).not.toHaveProperty('issued');
    expect(bare).not.toHaveProperty('URL');
    // The Casefile file and its SHA-256 go in `annote`: Zotero keeps it as a note, styles don't print it.
    expect(web.annote).toBe(`Casefile file: ${WEB_ID}; SHA-256: ${(await ws.getDocument(WEB_ID)).document.sha256}`);
  }, SLOW);

  it('writes RIS that citation-js reads back with the same title, author, date and URL, and the tags Zotero reads', async () => {
    const { text, fileName, mediaType } = await exported('ris');
    expect(fileName).toBe('Casefile-dossier.sources.ris');
    expect(mediaType).toBe('application/x-research-info-systems');
    expect(text).not.toMatch(/undefined|null/);
    // One tag a line: no value is broken over lines.
    for (const line of text.split('\n')) expect(line).toMatch(/^$|^[A-Z][A-Z0-9] {2}- /);
    const back = parsedBack(text);
    expect(back.map((i) => i.title)).toEqual([NEWS_TITLE, WEB_TITLE, 'Заметки о январе']);
    const [news, web, bare] = back;
    expect(web).toMatchObject({ type: 'webpage', URL: WEB_URL, issued: { 'date-parts': [[2024, 3, 3]] }, accessed: { 'date-parts': [[2024, 3, 5]] }, language: 'en' });
    expect(nameOf(web.author)).toEqual(['Aigerim Toleukhanova']);
    expect(web.note).toBe(`Casefile file: ${WEB_ID}; SHA-256: ${(await ws.getDocument(WEB_ID)).document.sha256}`);
    expect(bare).not.toHaveProperty('author');
    expect(bare).not.toHaveProperty('issued');
    // The RIS tables call a newspaper's AU its reporter and give it only the year (PY); Zotero reads AU as author and DA as the date.
    expect(news).toMatchObject({ type: 'article-newspaper', 'container-title': 'Власть', issued: { 'date-parts': [[2022]] } });
    expect(news.reporter).toBe(NEWS_AUTHOR);
    const newsRecord = text.split('\n\n')[0];
    expect(newsRecord).toContain(`AU  - ${NEWS_AUTHOR}`);
    expect(newsRecord).toContain('DA  - 2022/2/12/');
    // A web page's site (T2) and date of access (Y2), where Zotero reads them.
    const webRecord = text.split('\n\n')[1];
    expect(webRecord).toContain('T2  - The Astana Times');
    expect(webRecord).toContain('Y2  - 2024/3/5/');
  }, SLOW);

  it('with a dossier: only its sources, in order of first citation; an unknown dossier or format is refused', async () => {
    const { text, fileName } = await exported('csl-json', 'witnesses');
    expect(fileName).toBe('Witnesses.sources.csl.json');
    expect((JSON.parse(text) as Array<{ id: string }>).map((i) => i.id)).toEqual([NEWS_ID, WEB_ID]);
    expect((await apiError(ws, 'exportSources', { dossier: 'nobody', format: 'ris' })).code).toBe('not-found');
    expect((await apiError(ws, 'exportSources', { dossier: null, format: 'endnote' })).code).toBe('invalid-argument');
  }, SLOW);

  it('the CLI writes the file (export-sources --format ris --dossier NAME --out FILE) and refuses a wrong format', async () => {
    await ws.close();
    const out = path.join(await temp.make(), 'sources.ris');
    const run = await runCli(['export-sources', '--archive', archiveDir, '--data', dataDir, '--format', 'ris', '--dossier', 'witnesses', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${out}`);
    expect(parsedBack(await readFile(out, 'utf8')).map((i) => i.title)).toEqual([NEWS_TITLE, WEB_TITLE]);
    const wrong = await runCli(['export-sources', '--archive', archiveDir, '--data', dataDir, '--format', 'endnote', '--out', out]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--format, one of csl-json, bibtex, ris');
    const help = await runCli(['--help']);
    expect(help.stdout).toContain('export-sources --format csl-json|bibtex|ris --out FILE [--dossier NAME]');
    ws = await Workstation.open({ archiveDir, dataDir, now: () => new Date('2024-05-01T09:30:00Z'), indexBuilder: inProcessBuilder });
  }, SLOW);
});
