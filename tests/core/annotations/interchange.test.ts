import { describe, expect, it } from 'vitest';
import type { Grouping } from '../../../src/core/annotations/interchange';
import type { AnchoredAnnotation, HighlightColor } from '../../../src/core/annotations/model';
import type { Workstation } from '../../../src/core/workstation';
import { article, documentOf } from '../../helpers/annotations';
import { csvObjects } from '../../helpers/csv';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../../helpers/workstation';

const temp = tempDirsPerTest('casefile-interchange-');

const STATEMENTS = article(
  'Statements, numbers and handles',
  'He said, "We will not leave," and then',
  'the crowd cheered for a long time.',
  '=HYPERLINK("http://example.com","click") was pasted into the chat.',
  '+7 701 555 0101 is the number of the hotline.',
  '-- a dash line that starts with a minus',
  '@almaty_police posted the statement at 10:00.',
  'Markdown *stars*, _underscores_, [brackets](link), <b>tags</b>, # hash, & ampersand, | pipe, ~ tilde, ! bang and \\ backslash `code`.',
);
const KAZAKH = article('Қазақстан жаңалықтары', 'Митингіде адамдар «Шал кет!» деп айқайлады.', 'Токаев объявил чрезвычайное положение.');
const FILES = { 'statements.txt': STATEMENTS, 'kz/news.txt': KAZAKH };
const TITLES: Record<string, string> = { 'statements.txt': 'Statements, numbers and handles', 'kz/news.txt': 'Қазақстан жаңалықтары' };

/** Many tags, of every awkward kind: none may be dropped on the way out. */
const MANY_TAGS = [
  'a, b',
  'x; y',
  'semi;colon',
  '"quoted"',
  'Қазақ тілі',
  'права человека',
  '🔥 urgent',
  '#hash',
  '*star*',
  'new\u00a0line-ish',
  ...Array.from({ length: 90 }, (_, i) => `tag-${i}`),
];

interface Made {
  ws: Workstation;
  list: AnchoredAnnotation[];
  by: Record<'crowd' | 'formula' | 'phone' | 'dash' | 'handle' | 'markdown' | 'kazakh' | 'emergency', AnchoredAnnotation>;
}

async function annotated(): Promise<Made> {
  const ws = await (await makeBench(temp.make, FILES)).open();
  const make = (docId: string, quote: string, note: string, tags: string[], color: HighlightColor) => ws.annotations.annotateQuote({ docId, quote, note, tags, color });
  const crowd = await make('statements.txt', 'He said, "We will not leave," and then\nthe crowd cheered', 'Note with, comma and "quotes"\nand a second line', ['witness', 'a, b', 'x; y', 'Қазақ тілі'], 'green');
  const formula = await make('statements.txt', '=HYPERLINK("http://example.com","click")', '=1+1', ['@mention', '-minus'], 'pink');
  await ws.preferences.set({ author: 'Aigerim Tazhi' });
  const phone = await make('statements.txt', '+7 701 555 0101', '+plus', [], 'yellow');
  const dash = await make('statements.txt', '-- a dash line', '-minus', ['protest'], 'blue');
  const handle = await make('statements.txt', '@almaty_police posted', '@at', ['protest', 'witness'], 'yellow');
  const markdown = await make('statements.txt', STATEMENTS.split('\n')[7], '<script>alert("x")</script> and <b>bold</b>\n\n- a list', ['markdown'], 'orange');
  const kazakh = await make('kz/news.txt', 'Митингіде адамдар «Шал кет!» деп айқайлады.', '', MANY_TAGS, 'pink');
  const emergency = await make('kz/news.txt', 'объявил чрезвычайное положение', 'detached later', [], 'yellow');
  await ws.annotations.detach(emergency.id);
  await ws.flush();
  const list = ws.annotations.list();
  const byIdNow = (a: AnchoredAnnotation) => list.find((x) => x.id === a.id) as AnchoredAnnotation;
  return {
    ws,
    list,
    by: {
      crowd: byIdNow(crowd),
      formula: byIdNow(formula),
      phone: byIdNow(phone),
      dash: byIdNow(dash),
      handle: byIdNow(handle),
      markdown: byIdNow(markdown),
      kazakh: byIdNow(kazakh),
      emergency: byIdNow(emergency),
    },
  };
}

type JsonLdItem = {
  id: string;
  type: string;
  created: string;
  modified: string;
  creator?: { name: string };
  body?: Array<{ type: string; purpose: string; value: string }>;
  stylesheet: { type: string; value: string };
  target: { source: string; 'casefile:docId': string; styleClass: string; selector: Array<Record<string, unknown>> };
};
type JsonLd = { '@context': unknown; type: string; total: number; first: { items: JsonLdItem[] } };

async function exported(ws: Workstation, format: 'jsonld' | 'csv' | 'md', groupBy?: Grouping): Promise<string> {
  return (await callApi(ws, 'exportAnnotations', groupBy ? { format, groupBy } : { format })).content;
}

async function exportedJsonLd(ws: Workstation): Promise<JsonLd> {
  return JSON.parse(await exported(ws, 'jsonld')) as JsonLd;
}

describe('JSON-LD export', () => {
  it('is a W3C AnnotationCollection: each annotation with uuid id, textual bodies, source, selectors and colour', async () => {
    const { ws, list } = await annotated();
    const json = await exportedJsonLd(ws);
    expect([json['@context']].flat()).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(json.type).toBe('AnnotationCollection');
    expect(json.total).toBe(list.length);
    expect(json.first.items).toHaveLength(list.length);
    for (const a of list) {
      const item = json.first.items.find((i) => i.id === `urn:uuid:${a.id}`);
      expect(item, a.target.quote.exact).toBeDefined();
      if (!item) continue;
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(item.type).toBe('Annotation');
      expect(item.created).toBe(a.created);
      expect(item.modified).toBe(a.modified);
      expect(item.creator?.name ?? '').toBe(a.author);
      const bodies = item.body ?? [];
      if (a.note === '' && a.tags.length === 0) expect(item).not.toHaveProperty('body');
      const comments = bodies.filter((b) => b.purpose === 'commenting');
      expect(comments.map((b) => [b.type, b.value])).toEqual(a.note === '' ? [] : [['TextualBody', a.note]]);
      const tagging = bodies.filter((b) => b.purpose === 'tagging');
      expect(tagging.map((b) => [b.type, b.value])).toEqual(a.tags.map((tag) => ['TextualBody', tag]));
      expect(item.target.source).toBe(`urn:sha256:${a.target.docSha256}`);
      expect(item.target['casefile:docId']).toBe(a.target.docId);
      expect(item.target.styleClass).toBe(a.color);
      expect(item.stylesheet.value).toContain(`.${a.color} {`);
      expect(item.target.selector).toContainEqual({ type: 'TextQuoteSelector', ...a.target.quote });
      // These documents hold no character outside the BMP: code points and UTF-16 offsets agree.
      expect(item.target.selector).toContainEqual({ type: 'TextPositionSelector', ...a.target.position });
    }
  });

  it('never drops a tag: 100 tags with commas, semicolons, quotes, Cyrillic and emoji, in every format', async () => {
    const { ws, by } = await annotated();
    expect(by.kazakh.tags).toEqual(MANY_TAGS);
    const item = (await exportedJsonLd(ws)).first.items.find((i) => i.id === `urn:uuid:${by.kazakh.id}`);
    expect(item?.body?.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(MANY_TAGS);
    const csvTags = csvObjects(await exported(ws, 'csv')).rows.find((r) => r.id === by.kazakh.id)?.tags ?? '';
    for (const tag of MANY_TAGS) expect(csvTags).toContain(tag);
    const markdown = unescapeMarkdown(await exported(ws, 'md'));
    for (const tag of MANY_TAGS) expect(markdown).toContain(tag);
  });
});

describe('JSON-LD import', () => {
  it('into a fresh data folder gives back exactly the annotations exported (ids, quotes, places, notes, tags, colour, author, times)', async () => {
    const { ws, list } = await annotated();
    const content = await exported(ws, 'jsonld');
    const fresh = await (await makeBench(temp.make, FILES)).open();
    expect(await callApi(fresh, 'importAnnotations', { content })).toEqual({ added: list.length, updated: 0, unchanged: 0, problems: [] });
    expect(fresh.annotations.list()).toEqual(list);
    expect(list.map((a) => a.author)).toContain('Aigerim Tazhi');
    expect(list.find((a) => a.detached)?.status).toBe('orphaned');
  });

  it('merges by id: the same file twice adds nothing', async () => {
    const { ws, list } = await annotated();
    const content = await exported(ws, 'jsonld');
    expect(await callApi(ws, 'importAnnotations', { content })).toEqual({ added: 0, updated: 0, unchanged: list.length, problems: [] });
    const fresh = await (await makeBench(temp.make, FILES)).open();
    await callApi(fresh, 'importAnnotations', { content });
    expect(await callApi(fresh, 'importAnnotations', { content })).toMatchObject({ added: 0, updated: 0 });
    expect(fresh.annotations.list()).toEqual(list);
  });

  it('takes a version with a newer `modified` from the file, and leaves an older or equal one', async () => {
    const { ws, by } = await annotated();
    const json = await exportedJsonLd(ws);
    const item = json.first.items.find((i) => i.id === `urn:uuid:${by.crowd.id}`) as JsonLdItem;
    const withNote = (value: string, modified: string) => ({
      ...item,
      modified,
      body: [{ type: 'TextualBody', purpose: 'commenting', value }, ...(item.body ?? []).filter((b) => b.purpose === 'tagging')],
    });
    const importing = (value: string, modified: string) =>
      callApi(ws, 'importAnnotations', { content: JSON.stringify({ ...json, first: { items: [withNote(value, modified)] } }) });

    expect(await importing('older note', '2000-01-01T00:00:00.000Z')).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(await importing('same time, other note', by.crowd.modified)).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(ws.annotations.list().find((a) => a.id === by.crowd.id)).toEqual(by.crowd);

    expect(await importing('newer note', '2031-06-01T10:00:00.000Z')).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
    expect(ws.annotations.list().find((a) => a.id === by.crowd.id)).toEqual({ ...by.crowd, note: 'newer note', modified: '2031-06-01T10:00:00.000Z' });
  });

  const CROWD = { exact: 'the crowd cheered', prefix: 'and then\n', suffix: ' for a long' };
  const LONG_TIME = { exact: 'a long time', prefix: 'cheered for ', suffix: '.' };

  function foreignItem(id: string, quote = CROWD) {
    return {
      id,
      type: 'Annotation',
      created: '2022-01-10T08:00:00Z',
      body: [{ type: 'TextualBody', value: 'from Hypothesis' }],
      target: { source: 'statements.txt', selector: [{ type: 'TextQuoteSelector', ...quote }] },
    };
  }

  it('maps foreign ids to stable UUIDs: the same id twice or in another store is the same annotation', async () => {
    const content = JSON.stringify([foreignItem('https://hypothes.is/a/abc'), foreignItem('https://hypothes.is/a/xyz', LONG_TIME)]);
    const ws = await (await makeBench(temp.make, FILES)).open();
    expect(await callApi(ws, 'importAnnotations', { content })).toMatchObject({ added: 2, problems: [] });
    expect(await callApi(ws, 'importAnnotations', { content })).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const list = ws.annotations.list();
    expect(list).toHaveLength(2);
    for (const a of list) expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(list.map((a) => a.id)).size).toBe(2);
    // Found exactly, the place is recorded: the annotation stands as if made on this file.
    expect(list.find((a) => a.target.quote.exact === 'the crowd cheered')).toMatchObject({ note: 'from Hypothesis', status: 'anchored' });

    const other = await (await makeBench(temp.make, FILES)).open();
    await callApi(other, 'importAnnotations', { content });
    expect(other.annotations.list().map((a) => a.id).sort()).toEqual(list.map((a) => a.id).sort());
  });

  it('reports items it cannot use (no TextQuoteSelector, not an annotation) with their index, and imports the rest', async () => {
    const ws = await (await makeBench(temp.make, FILES)).open();
    const noQuote = { ...foreignItem('urn:x:2'), target: { source: 'statements.txt', selector: { type: 'TextPositionSelector', start: 0, end: 5 } } };
    const content = JSON.stringify({
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [foreignItem('urn:x:1'), noQuote, 42, { id: 'urn:x:4' }, foreignItem('urn:x:5', LONG_TIME)] },
    });
    const outcome = await callApi(ws, 'importAnnotations', { content });
    expect(outcome).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(outcome.problems.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(outcome.problems[0].message).toContain('TextQuoteSelector');
    for (const problem of outcome.problems) expect(problem.message).not.toBe('');
    expect(ws.annotations.list().map((a) => a.target.quote.exact).sort()).toEqual(['a long time', 'the crowd cheered']);
  });

  it.each([
    ['text that is not JSON', 'this is not JSON'],
    ['a truncated file', '{"type":"AnnotationCollection","first":{"items":['],
    ['JSON without annotations', '{"hello":"world"}'],
    ['a number', '42'],
    ['a string', '"annotations"'],
    ['null', 'null'],
    ['empty content', ''],
  ])('refuses %s with a clear invalid-argument error, adding nothing', async (_what, content) => {
    const { ws, list } = await annotated();
    const error = await apiError(ws, 'importAnnotations', { content });
    expect(error.code).toBe('invalid-argument');
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(ws.annotations.list()).toEqual(list);
  });
});

/** What a spreadsheet shows of a cell that would start a formula: the text with a leading apostrophe. */
function defused(value: string): string {
  return /^[=+\-@]/u.test(value) ? `'${value}` : value;
}

describe('CSV export', () => {
  const REQUIRED = ['created', 'document', 'title', 'quote', 'note', 'tags', 'colour', 'status', 'start', 'end'];

  it('has the required columns, and every field reads back through an RFC 4180 reader', async () => {
    const { ws, list } = await annotated();
    const { header, rows } = csvObjects(await exported(ws, 'csv'));
    expect(header).toEqual(expect.arrayContaining([...REQUIRED, 'id']));
    expect(rows).toHaveLength(list.length);
    for (const a of list) {
      const row = rows.find((r) => r.id === a.id);
      expect(row, a.target.quote.exact).toBeDefined();
      expect(row).toMatchObject({
        created: a.created,
        document: a.target.docId,
        title: TITLES[a.target.docId],
        quote: defused(a.target.quote.exact),
        note: defused(a.note),
        colour: a.color,
        status: a.status,
        start: a.current ? String(a.current.start) : '',
        end: a.current ? String(a.current.end) : '',
      });
      expect(row?.tags).toBe(defused(a.tags.join('; ')));
    }
  });

  it('keeps commas, double quotes and line breaks inside a quote and a note', async () => {
    const { ws, by } = await annotated();
    const row = csvObjects(await exported(ws, 'csv')).rows.find((r) => r.id === by.crowd.id);
    expect(row?.quote).toBe('He said, "We will not leave," and then\nthe crowd cheered');
    expect(row?.note).toBe('Note with, comma and "quotes"\nand a second line');
  });

  it('prefixes cells starting with = + - @ with an apostrophe, so a spreadsheet shows them as text', async () => {
    const { ws, by } = await annotated();
    const rows = csvObjects(await exported(ws, 'csv')).rows;
    const row = (a: AnchoredAnnotation) => rows.find((r) => r.id === a.id);
    expect(row(by.formula)).toMatchObject({ quote: `'=HYPERLINK("http://example.com","click")`, note: `'=1+1`, tags: `'@mention; -minus` });
    expect(row(by.phone)).toMatchObject({ quote: `'+7 701 555 0101`, note: `'+plus` });
    expect(row(by.dash)).toMatchObject({ quote: `'-- a dash line`, note: `'-minus` });
    expect(row(by.handle)).toMatchObject({ quote: `'@almaty_police posted`, note: `'@at` });
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@]/u);
  });

  /** Each group's rows stand together, and the group names of `rows` in order of first appearance. */
  function groupsInOrder(rows: Array<Record<string, string>>, column: string): string[] {
    const order: string[] = [];
    for (const r of rows) if (order.at(-1) !== r[column]) order.push(r[column]);
    expect(new Set(order).size, `the rows of each group stand together: ${order.join(' | ')}`).toBe(order.length);
    return order;
  }

  it.each([
    ['document' as const, (a: AnchoredAnnotation) => [a.target.docId]],
    ['color' as const, (a: AnchoredAnnotation) => [a.color]],
    ['tag' as const, (a: AnchoredAnnotation) => (a.tags.length === 0 ? [''] : a.tags)],
  ])('grouped by %s: rows ordered by group, each annotation under each of its groups', async (groupBy, groupsOf) => {
    const { ws, list } = await annotated();
    const { header, rows } = csvObjects(await exported(ws, 'csv', groupBy));
    const column = header.find((h) => h.startsWith('group')) as string;
    expect(column).toBeDefined();
    const order = groupsInOrder(rows, column);
    const expected = list.flatMap((a) => groupsOf(a).map((g) => `${defused(g)} ${a.id}`)).sort();
    expect(rows.map((r) => `${r[column]} ${r.id}`).sort()).toEqual(expected);
    if (groupBy === 'tag') {
      expect(rows.filter((r) => r.id === list[0].id).map((r) => r[column])).toEqual(expect.arrayContaining(['witness', 'a, b']));
      expect(order.at(-1)).toBe(''); // untagged last
    }
  });
});

/** Undoes CommonMark backslash escapes (a backslash before ASCII punctuation). */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

/** The Markdown's level-2 sections: heading line and the quotes (blockquotes, read back) under it. */
function markdownSections(markdown: string): Array<{ heading: string; quotes: string[] }> {
  const sections: Array<{ heading: string; quotes: string[] }> = [];
  let quote: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) sections.push({ heading: line.slice(3), quotes: [] });
    if (line.startsWith('>')) {
      quote ??= [];
      quote.push(unescapeMarkdown(line.replace(/^> ?/u, '')));
      continue;
    }
    if (quote) sections.at(-1)?.quotes.push(quote.join('\n'));
    quote = null;
  }
  return sections;
}

describe('Markdown export', () => {
  it.each([
    ['document' as const, (a: AnchoredAnnotation) => [`${TITLES[a.target.docId]} (\`${a.target.docId}\`)`]],
    ['tag' as const, (a: AnchoredAnnotation) => (a.tags.length === 0 ? ['Untagged'] : a.tags.map((t) => `#${t}`))],
    ['color' as const, (a: AnchoredAnnotation) => [`Colour: ${a.color}`]],
  ])('grouped by %s: a heading per group, each quote in a blockquote under it that reads back exactly', async (groupBy, headingsOf) => {
    const { ws, list } = await annotated();
    const markdown = await exported(ws, 'md', groupBy);
    expect(markdown.split('\n')[0]).toMatch(/^# \S/u);
    const sections = markdownSections(markdown);
    const found = sections.flatMap((s) => s.quotes.map((q) => `${unescapeMarkdown(s.heading)} ⟶ ${q}`)).sort();
    const expected = list.flatMap((a) => headingsOf(a).map((h) => `${h} ⟶ ${a.target.quote.exact}`)).sort();
    expect(found).toEqual(expected);
    expect(new Set(sections.map((s) => s.heading)).size).toBe(sections.length);
  });

  it('escapes Markdown in quotes: the line with * _ [ ] < > # & | ~ ! \\ and ` reads back exactly', async () => {
    const { ws, by } = await annotated();
    const markdown = await exported(ws, 'md');
    expect(markdown).not.toContain(`> ${by.markdown.target.quote.exact}`);
    expect(markdownSections(markdown).flatMap((s) => s.quotes)).toContain(by.markdown.target.quote.exact);
  });

  // Caught a bug: only inline characters were escaped, so "---" under a line made it a heading and
  // "- ", "+ ", "1. " lines became list items in the rendered quote.
  it('escapes quote lines that would start a Markdown block (---, - , + , 1. ), so the rendered quote reads as written', async () => {
    const quote = 'Results\n---\n- We will not leave, she said.\n+ Police stayed back.\n1. Demands were read out.';
    const bench = await makeBench(temp.make, { 'lists.txt': article('Lists in a source', 'Intro line.', quote, 'End.') });
    const ws = await bench.open();
    await ws.annotations.annotateQuote({ docId: 'lists.txt', quote });
    const lines = (await exported(ws, 'md')).split('\n').filter((line) => line.startsWith('>')).map((line) => line.replace(/^> ?/u, ''));
    expect(unescapeMarkdown(lines.join('\n'))).toBe(quote);
    const blockStart = /^(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|(?:-[ \t]*){3,}$|=+[ \t]*$|(?:\*[ \t]*){3,}$)/u;
    expect(lines.filter((line) => blockStart.test(line))).toEqual([]);
  });

  it('shows HTML in a note as text (&lt;), never as markup', async () => {
    const { ws } = await annotated();
    const markdown = await exported(ws, 'md');
    expect(markdown).toContain('&lt;script>alert("x")&lt;/script> and &lt;b>bold&lt;/b>');
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('<b>');
  });

  it('marks an orphaned annotation as not found, with its recorded quote', async () => {
    const { ws, by } = await annotated();
    const markdown = await exported(ws, 'md');
    expect(markdownSections(markdown).flatMap((s) => s.quotes)).toContain(by.emergency.target.quote.exact);
    expect(markdown).toContain('status: orphaned');
    expect(documentOf(KAZAKH).text).toContain(by.emergency.target.quote.exact);
  });
});
