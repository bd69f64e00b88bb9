import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile, loadArchive, parseDocument, parseFile } from '../../src/core/archive/archive';
import { describeCustodyCoded, type Custody } from '../../src/core/archive/custody-ledger';
import type { DossierManifest } from '../../src/core/dossier/model';
import { checkPrinted, verifyManifest } from '../../src/core/dossier/verify';
import { MAX_BATCH_QUERIES } from '../../src/core/api/batch-methods';
import { readQueryList } from '../../src/core/batch/query-list';
import { CasefileError } from '../../src/core/errors';
import { MAX_CLAUSES, MAX_FUZZY_TERMS, MAX_QUERY_LENGTH, parseQuery } from '../../src/core/search/query-parser';
import { FUZZY_MAX_LETTERS } from '../../src/core/search/variants';
import { wordMessage, type MessageCode } from '../../src/shared/i18n/core-messages';
import { messages as english } from '../../src/shared/i18n/en/messages';
import { messages as russian } from '../../src/shared/i18n/ru/messages';
import { archiveFile } from '../helpers/archive-files';
import { tempDirs } from '../helpers/temp-dir';
import { apiError, callApi, makeBench, tempDirsPerTest } from '../helpers/workstation';

/** Every key some case below made the core say, to check at the end that none is left untried. */
const said = new Set<string>();

/**
 * What the core wrote (its English text, as the CLI prints it) and its code agree: the catalogue's
 * English for the code is the very text, and the Russian catalogue words it in Russian.
 */
function expectCoded(text: string, code: MessageCode | null | undefined, key: string): void {
  expect(code?.key, text).toBe(key);
  expect(wordMessage(english, code, '(none)')).toBe(text);
  const inRussian = wordMessage(russian, code, '(none)');
  expect(inRussian).not.toBe(text);
  expect(inRussian, key).toMatch(/[а-яё]{3}/i);
  expect(inRussian, key).not.toMatch(/undefined|NaN|\[object/);
  const note = (inner: MessageCode): void => {
    said.add(inner.key);
    for (const value of Object.values(inner.args)) if (typeof value === 'object') note(value);
  };
  if (code) note(code);
}

function refusal(query: string): CasefileError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof CasefileError) return error;
    throw error;
  }
  throw new Error(`${query} was read`);
}

describe('query errors carry a code with their English text', () => {
  const cases: Array<[query: string, key: string, text?: string]> = [
    ['a'.repeat(MAX_QUERY_LENGTH + 1), 'query.tooLong'],
    ['protest NOT', 'query.needsTermAfter', `'NOT' needs a term after it`],
    ['AND protest', 'query.needsTermEachSide', `'AND' needs a term on each side`],
    [Array.from({ length: MAX_FUZZY_TERMS + 1 }, (_, i) => `word${i}~1`).join(' '), 'query.tooManyFuzzy'],
    [Array.from({ length: MAX_CLAUSES + 1 }, (_, i) => `w${i}`).join(' '), 'query.tooManyTerms'],
    ['(protest', 'query.unclosedGroup', 'this parenthesis is never closed — add a closing )'],
    ['protest)', 'query.unopenedGroup', `this ')' closes no parenthesis — remove it or add an opening (`],
    ['(, )', 'query.emptyGroup', 'the group (, ) has no words in it'],
    ['('.repeat(40) + 'protest' + ')'.repeat(40), 'query.groupsTooDeep', 'parentheses nest more than 32 deep'],
    ['(oil workers)~2', 'query.groupTilde', `'~' cannot follow a group; for words near each other write "security forces"~5`],
    ['+ protest', 'query.operatorNeedsTerm', `'+' must be followed directly by a term, as in +tokayev`],
    ['NOT +protest', 'query.operatorAfterOperator', `'+' cannot follow another operator`],
    ['author:smith', 'query.unknownField', `unknown field 'author' — fields are title, body, byline`],
    ['title: protest', 'query.nothingAfterField', `nothing after 'title:' — write title:word or title:"a phrase"`],
    [':protest', 'query.colonWithoutField', `':' must follow a field name (title, body, byline)`],
    ['title:-protest', 'query.operatorBeforeField', `put '-' before the field, as in -title:word`],
    ['"oil workers', 'query.unclosedQuote', 'this quote is never closed — add a closing "'],
    ['"..."', 'query.emptyPhrase', 'the phrase "..." has no words in it'],
    ['~1', 'query.tildeWithoutWord', `'~' must follow a word, as in liquefied~1`],
    ['^2', 'query.modifierWithoutWord', `'^' must follow a word, as in title:kazakhstan^2`],
    ['prot*~1', 'query.wildcardAndFuzzy', 'a word cannot be both a wildcard and fuzzy'],
    ['**', 'query.wildcardNeedsLetter', 'a wildcard needs at least one letter beside it, as in protest*'],
    [`${'a'.repeat(FUZZY_MAX_LETTERS + 1)}~1`, 'query.fuzzyWordTooLong', `'~' works on words of up to ${FUZZY_MAX_LETTERS} letters`],
    ['alma-ata~1', 'query.fuzzyOneWord', `'~' applies to one word; alma-ata is several`],
    ['protest^x', 'query.boostNeedsNumber', `'^' needs a positive number after it, as in title:kazakhstan^2`],
    ['"oil workers"~', 'query.proximityNeedsNumber', `'~' after a phrase needs a number of words, as in "security forces"~5`],
    ['"oil workers"~101', 'query.proximityTooFar', `'~101' is too far; words can be up to ~100 apart (for anywhere in the article, write +word +word)`],
    ['"oil"~2', 'query.proximityOneWord', `'~' after quotes needs two words or more; for near spellings of one word write oil~1`],
    ['protest~3', 'query.tooManyEdits', `'~3' allows too many edits; use ~1 or ~2`],
    ['"oil workers"x', 'query.unexpected', `unexpected 'x' — put a space between terms`],
  ];
  it.each(cases.map(([query, key, text]) => [key, query, text] as const))('%s', (key, query, text) => {
    const error = refusal(query);
    if (text !== undefined) expect(error.message).toBe(text);
    expectCoded(error.message, error.messageCode, key);
  });

  const temp = tempDirsPerTest('casefile-messages-api-');
  it('the API answers a query it cannot read with the code beside the English message and the place', async () => {
    const bench = await makeBench(temp.make, { 'a.txt': 'Oil workers struck in Zhanaozen.' });
    const ws = await bench.open();
    const error = await apiError(ws, 'search', { query: 'workers "oil' });
    expect(error).toMatchObject({ code: 'invalid-query', message: 'this quote is never closed — add a closing "', span: { start: 8, end: 9 } });
    expect(error.messageCode).toEqual({ key: 'query.unclosedQuote', args: {} });
  });
});

describe('ingest reasons carry a code with their English text', () => {
  const temp = tempDirs('casefile-messages-ingest-');
  afterAll(temp.cleanup);

  it('says why each file was left out, in words and as a code', async () => {
    const root = await temp.make();
    await writeFile(path.join(root, 'article.txt'), 'Oil workers struck in Zhanaozen.');
    await writeFile(path.join(root, '.notes.txt'), 'hidden');
    await mkdir(path.join(root, '.git'));
    await symlink(path.join(root, 'article.txt'), path.join(root, 'link.txt'));
    await writeFile(path.join(root, 'photo.jpg'), 'not really a photo');
    await writeFile(path.join(root, 'README'), 'no extension');
    await writeFile(path.join(root, 'draft.txt~'), 'a back-up');
    await writeFile(path.join(root, 'article.meta.json'), '{}');
    await writeFile(path.join(root, 'blank.txt'), '   \n  ');
    await writeFile(path.join(root, 'nul.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00]));
    await writeFile(path.join(root, 'controls.txt'), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42]));
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    const deep = Array.from({ length: 34 }, (_, i) => `d${i}`);
    await mkdir(path.join(root, ...deep), { recursive: true });

    const { report } = await loadArchive(root);
    const row = (file: string) => {
      const found = report.find((entry) => entry.file === file);
      if (!found?.reason) throw new Error(`no reason for ${file}`);
      return found;
    };
    const expected: Array<[file: string, key: string, text: string]> = [
      ['.notes.txt', 'ingest.hiddenFile', 'hidden file'],
      ['.git', 'ingest.hiddenFolder', 'hidden folder'],
      ['link.txt', 'ingest.symbolicLink', 'symbolic link (not followed)'],
      ['photo.jpg', 'ingest.unsupportedFormat', 'not a supported format (.jpg)'],
      ['README', 'ingest.noExtension', 'not a supported format (no extension)'],
      ['draft.txt~', 'ingest.temporaryFile', 'editor temporary or lock file'],
      ['article.meta.json', 'ingest.sidecar', 'metadata sidecar (read with its document)'],
      ['blank.txt', 'ingest.empty', 'empty (no text)'],
      ['nul.txt', 'ingest.binaryNul', 'binary content (NUL bytes), not text'],
      ['controls.txt', 'ingest.binaryControl', 'binary content (control characters), not text'],
      ['pipe.txt', 'ingest.notRegularFile', 'not a regular file'],
      [deep.slice(0, 33).join('/'), 'ingest.tooDeep', 'folder nested deeper than 32 levels'],
    ];
    for (const [file, key, text] of expected) {
      expect(row(file).reason).toBe(text);
      expectCoded(text, row(file).reasonCode, key);
    }
    expect(report.find((entry) => entry.file === 'article.txt')).toMatchObject({ status: 'indexed', reason: null });
  });

  it('says why a file could not be read, in words and as a code', async () => {
    const root = await temp.make();
    const outside = await temp.make();
    await mkdir(path.join(root, 'inner'));
    await writeFile(path.join(root, 'inner', 'x.txt'), 'Oil workers struck.');
    await writeFile(path.join(outside, 'x.txt'), 'Oil workers struck.');
    await symlink(path.join(root, 'inner'), path.join(root, 'linked'));
    await symlink(outside, path.join(root, 'out'));
    await symlink(path.join(root, 'inner', 'x.txt'), path.join(root, 'link.txt'));
    await mkdir(path.join(root, 'folder.txt'));
    execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
    const expected: Array<[file: string, key: string, text: string]> = [
      ['gone.txt', 'read.disappeared', 'the file disappeared while being read'],
      ['linked/x.txt', 'read.folderLink', 'a folder on its path is a symbolic link (not followed)'],
      ['out/x.txt', 'read.outsideLink', 'a folder on its path is a link that leads outside the archive folder'],
      ['link.txt', 'ingest.symbolicLink', 'symbolic link (not followed)'],
      ['folder.txt', 'read.folder', 'a folder, not a file'],
      ['pipe.txt', 'read.notRegular', 'not a regular file (a pipe, socket or device)'],
    ];
    for (const [file, key, text] of expected) {
      const { entry } = await ingestFile(root, file);
      expect(entry.reason, file).toBe(text);
      expectCoded(text, entry.reasonCode, key);
    }
  });

  const perTest = tempDirsPerTest('casefile-messages-report-');
  it('the ingest report of the API carries the codes, for a file added through the API too', async () => {
    const bench = await makeBench(perTest.make, { 'a.txt': 'Oil workers struck.', 'photo.png': 'x' });
    const ws = await bench.open();
    const added = await callApi(ws, 'addFiles', { files: [{ name: 'scan.tiff', base64: Buffer.from('x').toString('base64') }] });
    expect(added[0]).toMatchObject({ reason: 'not a supported format (.tiff)', reasonCode: { key: 'ingest.unsupportedFormat', args: { extension: '.tiff' } } });
    const report = await callApi(ws, 'ingestReport', {});
    expect(report.find((entry) => entry.file === 'photo.png')).toMatchObject({
      reason: 'not a supported format (.png)',
      reasonCode: { key: 'ingest.unsupportedFormat', args: { extension: '.png' } },
    });
  });
});

describe('verify and custody sentences carry a code with their English text', () => {
  const temp = tempDirs('casefile-messages-verify-');
  afterAll(temp.cleanup);
  const DOC = archiveFile('004_');
  const TEXT = parseDocument(DOC.name, DOC.bytes).text;
  const QUOTE = '“It’s unfathomable. I can’t understand. How is this possible?”';
  const START = TEXT.indexOf(QUOTE);
  type Quote = DossierManifest['quotes'][number];
  const quote = (overrides: Partial<Quote> = {}): Quote => ({
    number: 1,
    annotationId: '00000000-0000-4000-8000-000000000001',
    docId: DOC.name,
    start: START,
    end: START + QUOTE.length,
    exact: QUOTE,
    sourceSha256: parseDocument(DOC.name, DOC.bytes).sha256,
    status: 'anchored',
    ...overrides,
  });
  const manifest = (...quotes: Quote[]): DossierManifest => ({ format: 'casefile-dossier-manifest', version: 1, title: 'T', created: '2024-05-01T12:00:00.000Z', quotes });

  /** A two-page PDF in the archive, so that a quote can stand on one page or across two. */
  async function twoPagePdf(root: string): Promise<{ id: string; text: string; sha256: string; pageBreak: number }> {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    for (const line of ['Strikers gathered on the square at noon.', 'The police arrived an hour later.']) {
      pdf.addPage().drawText(line, { x: 50, y: 700, size: 12, font });
    }
    const bytes = await pdf.save();
    await writeFile(path.join(root, 'two-pages.pdf'), bytes);
    const document = await parseFile('two-pages.pdf', bytes);
    return { id: 'two-pages.pdf', text: document.text, sha256: document.sha256, pageBreak: document.pages?.[1]?.start ?? -1 };
  }

  it('says what each quote’s source holds, in words and as a code', async () => {
    const root = await temp.make();
    await writeFile(path.join(root, DOC.name), DOC.bytes);
    const changed = `${DOC.name.replace(/\.txt$/, '')}-changed.txt`;
    await writeFile(path.join(root, changed), TEXT.replace('unfathomable', 'unthinkable'));
    const elsewhere = `${DOC.name.replace(/\.txt$/, '')}-elsewhere.txt`;
    await writeFile(path.join(root, elsewhere), `${TEXT}\nA line added at the end.`);
    await writeFile(path.join(root, 'blank.txt'), '  \n ');
    const pdf = await twoPagePdf(root);
    expect(pdf.pageBreak).toBeGreaterThan(0);
    const onPage = pdf.text.indexOf('square');
    const across = pdf.text.indexOf('noon');
    const quotes = [
      quote(),
      quote({ docId: 'sub/../../outside.txt' }),
      quote({ docId: 'picture.jpg' }),
      quote({ docId: 'gone.txt' }),
      quote({ start: null, end: null }),
      quote({ docId: elsewhere }),
      quote({ docId: changed }),
      quote({ start: START + 1, end: START + 1 + QUOTE.length }),
      quote({ docId: pdf.id, start: onPage, end: onPage + 'square'.length, exact: 'square', sourceSha256: pdf.sha256 }),
      quote({ docId: pdf.id, start: across, end: pdf.pageBreak + 3, exact: pdf.text.slice(across, pdf.pageBreak + 3), sourceSha256: pdf.sha256 }),
      quote({ docId: 'blank.txt' }),
    ];
    const keys = [
      'source.holds',
      'source.outside',
      'source.notArchiveFile',
      'source.gone',
      'source.noPlace',
      'source.changedSameWords',
      'source.changedOtherWords',
      'source.otherWords',
      'source.holdsOnPage',
      'source.holdsOnPages',
      'source.notRead',
    ];
    const checks = await verifyManifest(manifest(...quotes), root);
    checks.forEach((check, i) => expectCoded(check.detail, check.detailCode, keys[i]));
    expect(checks[0].detail).toMatch(/^SHA-256 [0-9a-f]{16}…, characters \d+–\d+ hold the quote$/);
    expect(checks[8].detail).toMatch(/\(p\. 1\) hold the quote$/);
    expect(checks[9].detail).toMatch(/\(pp\. 1–2\) hold the quote$/);
    expect(checks[10].detail).toBe('the source file is not read from the archive: empty (no text)');
    expect(checks[10].detailCode?.args.reason).toEqual({ key: 'ingest.empty', args: {} });
  });

  it('says how each quote is printed, in words and as a code', () => {
    const citation = `${DOC.name}, characters ${START}–${START + QUOTE.length}, SHA-256 ${quote().sourceSha256?.slice(0, 16)}`;
    const cases: Array<[exact: string, block: { number: number; lines: string[] } | null, key: string, inner?: string]> = [
      ['Alpha bravo charlie', { number: 1, lines: ['Alpha bravo charlie'] }, 'print.ok'],
      ['Delta echo foxtrot', null, 'print.notPrinted'],
      ['Golf hotel india', { number: 9, lines: ['Golf hotel india'] }, 'print.otherNumber'],
      ['Juliet kilo', { number: 4, lines: ['Juliet kilo lima mike'] }, 'print.altered', 'print.goesOn'],
      ['November oscar papa', { number: 5, lines: ['November oscar quebec'] }, 'print.altered', 'print.otherWord'],
      ['Romeo sierra', { number: 6, lines: [] }, 'print.altered', 'print.noWords'],
      ['Tango uniform victor', { number: 7, lines: ['Tango uniform'] }, 'print.altered', 'print.onlyStart'],
    ];
    const quotes = cases.map(([exact], i) => quote({ number: i + 1, annotationId: `00000000-0000-4000-8000-00000000000${i + 1}`, exact }));
    const blocks = cases.flatMap(([, block]) => (block ? [{ ...block, page: 2, tail: citation }] : []));
    const printed = checkPrinted(manifest(...quotes), blocks, () => true).quotes;
    printed.forEach((print, i) => {
      const [, , key, inner] = cases[i];
      expectCoded(print.detail, print.detailCode, key);
      if (inner) expect(print.detailCode?.args.problem).toMatchObject({ key: inner });
    });
    expect(printed[3].detail).toBe('[4] on p. 2: the printed quote goes on beyond the source’s words: “lima mike”');
  });

  it('says what the custody ledger holds of a version, in words and as a code', () => {
    const A = 'a'.repeat(64);
    const B = 'b'.repeat(64);
    const at = (minute: number) => `2026-01-05T09:0${minute}:00.000Z`;
    const history = (...shas: string[]): Custody => ({ firstSeen: at(0), events: shas.map((sha256, i) => ({ at: at(i), event: i === 0 ? 'first-seen' : 'changed', sha256 })) });
    const cases: Array<[Custody | undefined | null, string, string]> = [
      [null, A, 'custody.noLedger'],
      [undefined, A, 'custody.notInLedger'],
      [history(A), B, 'custody.versionNeverSeen'],
      [history(A, B), A, 'custody.changedAt'],
      [history(A), A, 'custody.unchangedSinceFirstSeen'],
      [history(A, B), B, 'custody.unchangedSince'],
    ];
    for (const [custody, sha256, key] of cases) {
      const { text, code } = describeCustodyCoded(custody, sha256);
      expectCoded(text, code, key);
    }
  });
});

describe('a list of queries for a batch search says what is wrong with it, in words and as a code', () => {
  const thrown = (run: () => unknown): CasefileError => {
    try {
      run();
    } catch (error) {
      if (error instanceof CasefileError) return error;
      throw error;
    }
    throw new Error('nothing was refused');
  };
  const messageDirs = tempDirsPerTest('casefile-messages-batch-');
  it('a file, a line', async () => {
    const noHeader = thrown(() => readQueryList('\n\n', { column: 1 }));
    expectCoded(noHeader.message, noHeader.messageCode, 'batch.noHeader');
    const noColumn = thrown(() => readQueryList('name\nTokayev', { column: 'who' }));
    expectCoded(noColumn.message, noColumn.messageCode, 'batch.noColumn');
    for (const [csv, key] of [['name\n"Tokayev', 'batch.unclosedQuote'], ['name\n"Tokayev"x', 'batch.textAfterQuote']]) {
      const problem = readQueryList(csv, { column: 1 })[0].problem;
      expectCoded(problem?.text ?? '', problem?.code, key);
    }
    const ws = await (await makeBench(() => messageDirs.make(), { 'a.txt': 'Tokayev' })).open();
    const tooMany = await apiError(ws, 'batchSearch', { text: Array.from({ length: MAX_BATCH_QUERIES + 1 }, (_, i) => `q${i}`).join('\n') });
    expectCoded(tooMany.message, tooMany.messageCode, 'batch.tooMany');
  });
});

describe('entities edited by hand say what is wrong, in words and as a code', () => {
  const entityDirs = tempDirsPerTest('casefile-messages-entities-');
  it('an unknown entity, a merge of one, a split of too much or of nothing, an edit that is not there', async () => {
    const ws = await (await makeBench(() => entityDirs.make(), { 'a.txt': 'Notes\n\nPresident Tokayev flew to Almaty and Tokajev spoke.\n' })).open();
    const [person] = await callApi(ws, 'entities', { type: 'person' });
    const refusals: Array<[string, unknown, string]> = [
      ['entity', { id: 'place:atlantis' }, 'entity.notFound'],
      ['mergeEntities', { ids: [person.id, person.id] }, 'entity.mergeNeedsTwo'],
      ['splitEntity', { id: person.id, variants: ['Nobody'] }, 'entity.splitNoVariant'],
      ['splitEntity', { id: person.id, variants: person.variants }, 'entity.splitAll'],
      ['removeEntityEdit', { index: 3 }, 'entity.noEdit'],
    ];
    for (const [method, args, key] of refusals) {
      const error = await apiError(ws, method, args);
      expectCoded(error.message, error.messageCode, key);
    }
  });
});

describe('the core’s sentences', () => {
  it('each have a case above that makes the core say it (run with the file)', () => {
    expect([...said].sort()).toEqual(Object.keys(english).sort());
  });
});
