import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isListed, readManifestFromPdf, type DossierVerification } from '../../../src/core/dossier/verify';
import { Workstation } from '../../../src/core/workstation';
import { entryHash, LEDGER_FILE, LEDGER_HEAD_FILE, LedgerEntry } from '../../../src/core/archive/custody-ledger';
import { archiveDataDir } from '../../../src/core/locations';
import { compareWords } from '../../../src/core/dossier/verify-printed';
import { tempDirs } from '../../helpers/temp-dir';
import { makeFixture, type Fixture } from './dossier-fixture';

const temp = tempDirs('casefile-verify-printed-');
let fixture: Fixture;
let dir: string;
let original: string;

beforeAll(async () => {
  fixture = await makeFixture(temp.make);
  dir = await temp.make();
  original = path.join(dir, 'dossier.pdf');
  await writeFile(original, fixture.bytes);
}, 120_000);
afterAll(async () => {
  await fixture?.ws.close();
  await temp.cleanup();
});

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const NO_QPDF = 'qpdf is not installed: install it (apt-get install qpdf) to make the altered copies';

/** A copy of the exported dossier made by qpdf with these arguments (`in.pdf` stands for the export). */
async function qpdfCopy(name: string, args: (input: string) => string[]): Promise<Uint8Array> {
  const out = path.join(dir, name);
  execFileSync('qpdf', [...args(original), out]);
  return new Uint8Array(await readFile(out));
}

const verify = async (bytes: Uint8Array) => {
  const report = await fixture.ws.dossiers.verifyPdf(bytes);
  return { ...report, quotes: report.quotes.filter(isListed), unlisted: report.quotes.filter((q) => !isListed(q)) };
};
/** What the report says of the whole file. */
const wholeFile = (report: Pick<DossierVerification, 'signature' | 'ledger'>) => [report.signature.state, report.ledger.state];

describe('verify reads the printed pages of a dossier', () => {
  it('a fresh export: every quote printed word for word with its citation, every source as cited', async () => {
    const report = await verify(fixture.bytes);
    expect(report.ok).toBe(true);
    expect(report.unlisted).toEqual([]);
    expect(report.quotes).toHaveLength(8);
    for (const quote of report.quotes) {
      expect(quote).toMatchObject({ source: 'ok', printed: 'ok', status: 'ok', page: expect.any(Number) });
    }
    expect(report.quotes.map((q) => q.id)).toEqual(fixture.annotations.map((a) => a.id));
  }, 60_000);

  it('a copy cut to its cover (qpdf --pages): every quote is not printed, though every source checks', async (context) => {
    if (!has('qpdf')) return context.skip(NO_QPDF);
    const cover = await qpdfCopy('cover.pdf', (input) => [input, '--pages', input, '1', '--']);
    // The manifest is still attached: the old check found nothing wrong.
    expect((await readManifestFromPdf(cover)).quotes).toHaveLength(8);
    const report = await verify(cover);
    expect(report.ok).toBe(false);
    expect(report.pages).toBe(1);
    expect(report.quotes.map((q) => [q.source, q.printed, q.status])).toEqual(Array(8).fill(['ok', 'not-printed', 'failed']));
  }, 60_000);

  it('a copy without the page of some quotes: those, and only those, are not printed', async (context) => {
    if (!has('qpdf')) return context.skip(NO_QPDF);
    const fresh = await verify(fixture.bytes);
    const page = fresh.quotes[3].page!;
    const onPage = fresh.quotes.filter((q) => q.page === page).map((q) => q.number);
    expect(onPage.length).toBeGreaterThan(0);
    const cut = await qpdfCopy('cut.pdf', (input) => [input, '--pages', input, `1-${page - 1},${page + 1}-z`, '--']);
    const report = await verify(cut);
    expect(report.ok).toBe(false);
    for (const quote of report.quotes) {
      expect([quote.number, quote.printed]).toEqual([quote.number, onPage.includes(quote.number) ? 'not-printed' : 'ok']);
    }
  }, 60_000);

  it('an unsigned copy with one printed word changed in a content stream: that quote is altered, naming the word', async (context) => {
    if (!has('qpdf') || !has('fix-qdf')) return context.skip(NO_QPDF);
    const line = fixture.content.sections[0].quotes[1].quote; // quote [2], printed on one line
    expect(line).toBe('According to official data, 8,000 people were arrested.');
    const unsigned = path.join(dir, 'unsigned.pdf');
    await writeFile(unsigned, (await fixture.ws.dossiers.export('january', 'pdf', {}, 'none')).bytes);
    const qdf = path.join(dir, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', unsigned, qdf]);
    const text = (await readFile(qdf)).toString('latin1');
    // "arrested" becomes "arretsed": the glyph codes of its s and t trade places, same byte length.
    const run = glyphRun(text, line);
    const word = line.indexOf('arrested');
    const codes = run.codes.slice();
    [codes[word + 4], codes[word + 5]] = [codes[word + 5], codes[word + 4]];
    const edited = text.slice(0, run.at) + codes.join('') + text.slice(run.at + run.codes.join('').length);
    expect(edited.length).toBe(text.length);
    await writeFile(qdf, Buffer.from(edited, 'latin1'));
    const fixed = execFileSync('fix-qdf', [qdf], { maxBuffer: 64 * 1024 * 1024 }); // stream lengths and cross-references made right

    const report = await verify(new Uint8Array(fixed));
    expect(report.ok).toBe(false);
    expect(report.quotes[1]).toMatchObject({ number: 2, source: 'ok', printed: 'altered', status: 'failed' });
    expect(report.quotes[1].printedDetail).toMatch(/printed “arretsed\.” where the source reads “arrested\.”/);
    expect(report.quotes.filter((q) => q.printed !== 'ok').map((q) => q.number)).toEqual([2]);
  }, 60_000);

  it('a quote printed on the pages but left out of the attached manifest is unlisted', async (context) => {
    if (!has('qpdf')) return context.skip(NO_QPDF);
    // The manifest is swapped for one that leaves the last quote out (qpdf replaces the attachment).
    const manifest = await readManifestFromPdf(fixture.bytes);
    const last = manifest.quotes[manifest.quotes.length - 1];
    const shorter = path.join(dir, 'casefile-manifest.json');
    await writeFile(shorter, JSON.stringify({ ...manifest, quotes: manifest.quotes.slice(0, -1) }));
    const swapped = await qpdfCopy('unlisted.pdf', (input) => [input, '--add-attachment', shorter, '--key=casefile-manifest.json', '--replace', '--']);
    expect((await readManifestFromPdf(swapped)).quotes).toHaveLength(7);

    const report = await verify(swapped);
    expect(report.ok).toBe(false);
    expect(report.quotes.every((q) => q.status === 'ok')).toBe(true);
    expect(report.unlisted).toEqual([{ printed: 'unlisted', status: 'failed', number: last.number, page: expect.any(Number), text: expect.stringContaining(last.exact.replace(/\s+/g, ' ')) }]); // printed with an ellipsis where it was cut mid-sentence
  }, 60_000);
});

describe('a quote longer than a page', () => {
  it('verifies across page breaks, and without the page after its first, is altered where the words skip', async (context) => {
    const archiveDir = await temp.make();
    const sentence = 'The witnesses described the square, the shots and the silence afterwards in words that do not change. ';
    const paragraphs = Array.from({ length: 14 }, (_, i) => `Paragraph ${i + 1}: ${sentence.repeat(6)}`);
    await writeFile(path.join(archiveDir, 'long.txt'), `Title\n\n${paragraphs.join('\n\n')}\n`);
    const ws = await Workstation.open({ archiveDir, dataDir: await temp.make() });
    try {
      const doc = (await ws.getDocument('long.txt')).document;
      await ws.annotations.create({ docId: 'long.txt', start: doc.paragraphs[1].start, end: doc.paragraphs[14].end });
      const bytes = (await ws.dossiers.export(null, 'pdf', { title: 'Long' }, 'none')).bytes;
      const fresh = await ws.dossiers.verifyPdf(bytes);
      expect(fresh).toMatchObject({ ok: true, quotes: [{ printed: 'ok', page: expect.any(Number) }] });

      if (!has('qpdf')) return context.skip(NO_QPDF);
      const file = path.join(archiveDir, '..', `${path.basename(archiveDir)}.pdf`);
      await writeFile(file, bytes);
      const next = fresh.quotes[0].page! + 1;
      const cut = path.join(dir, 'long-cut.pdf');
      execFileSync('qpdf', [file, '--pages', file, `1-${next - 1},${next + 1}-z`, '--', cut]);
      const [quote] = (await ws.dossiers.verifyPdf(new Uint8Array(await readFile(cut)))).quotes;
      expect(quote).toMatchObject({ printed: 'altered', status: 'failed', printedDetail: expect.stringMatching(/printed “.+” where the source reads “.+”/) });
    } finally {
      await ws.close();
    }
  }, 120_000);
});

describe('comparing printed lines with the quote', () => {
  const QUOTE = 'Tokayev ordered security forces to fire without warning, claiming that 20,000 “terrorists” had attacked.';

  it.each([
    ['on one line', [QUOTE]],
    ['wrapped at spaces over lines and pages', ['Tokayev ordered security', 'forces to fire without', 'warning, claiming that 20,000 “terrorists” had attacked.']],
    ['with a word cut where it was too long for the line', ['Tokayev ordered secu', 'rity forces to fire without warning, claiming that 20,000 “terrorists” had attacked.']],
    ['with a hyphen added where a word was broken', ['Tokayev ordered secu-', 'rity forces to fire without warning, claiming that 20,000 “terrorists” had attacked.']],
    ['in typographic quotation marks', [`“${QUOTE}”`]],
    ['with an ellipsis at an end cut mid-sentence', [`…${QUOTE.slice(8, -1)}…`.replace('…ordered', '… ordered')]],
    ['with spaces lost or added by text extraction', ['Tokayev ordered security forces to fire  without warning,claiming that 20,000 “terrorists” had attacked.']],
  ])('is the same %s', (_, lines) => {
    const exact = lines[0].startsWith('…') ? QUOTE.slice(8, -1) : QUOTE;
    expect(compareWords(lines, exact)).toEqual({ same: true });
  });

  it.each([
    ['a changed word', ['Tokayev ordered security forces to shoot without warning, claiming that 20,000 “terrorists” had attacked.'], /printed “shoot” where the source reads “fire”/],
    ['a changed figure across a line break', ['Tokayev ordered security forces to fire without warning, claiming that', '2,000 “terrorists” had attacked.'], /printed “2,000” where the source reads “20,000”/],
    ['a changed letter', ['Tokayev ordered security forces to fire without warning, claiming that 20,000 “terrorist” had attacked.'], /“terrorist”/],
    ['words left off the end', ['Tokayev ordered security forces to fire without warning,'], /only its start is printed; not printed: “claiming that/],
    ['words added at the end', [`${QUOTE} And more.`], /goes on beyond the source’s words: “And more\.”/],
    ['a hyphen that is no break but a change', ['Tokayev ordered secu-', 'rity-forces to fire without warning, claiming that 20,000 “terrorists” had attacked.'], /printed/],
  ])('catches %s', (_, lines, detail) => {
    const result = compareWords(lines, QUOTE);
    expect(result.same).toBe(false);
    expect(!result.same && result.detail).toMatch(detail);
  });

  it('reads a character the font cannot draw (an empty box) as any character, and no other', () => {
    const drawable = (c: string) => !/\p{Script=Han}/u.test(c);
    expect(compareWords(['Emoji and ▯▯ here'], 'Emoji and 漢字 here', drawable)).toEqual({ same: true });
    expect(compareWords(['Emoji and ▯▯ there'], 'Emoji and 漢字 here', drawable).same).toBe(false);
  });
});

/** The hex string of glyph codes that draws `line` (one 4-digit code per character), and where it stands. */
function glyphRun(pdfText: string, line: string): { at: number; codes: string[] } {
  const characters = [...line];
  const pattern = new RegExp(`<([0-9a-fA-F]{${characters.length * 4}})>\\s*Tj`, 'g');
  for (const match of pdfText.matchAll(pattern)) {
    const codes = match[1].match(/.{4}/g)!;
    // The same character always has the same code, and different characters different codes.
    const fits = characters.every((c, i) => characters.every((d, k) => (c === d) === (codes[i] === codes[k])));
    if (fits) return { at: match.index + 1, codes };
  }
  throw new Error(`no glyph run draws “${line}”`);
}

describe('verify checks the signature and the custody ledger', () => {
  it('a fresh export: signed and valid, the ledger holds, each source unchanged since first seen', async () => {
    const report = await verify(fixture.bytes);
    expect(wholeFile(report)).toEqual(['valid', 'ok']);
    expect(report.signature.subject).toMatch(/^CN=/);
    for (const quote of report.quotes) expect(quote.custody).toMatch(/^unchanged since first seen at \d{4}-\d\d-\d\dT/);
  }, 60_000);

  it('one byte changed after signing: the signature is broken and the dossier fails, though every quote checks', async () => {
    // A byte of the binary comment on the file's second line: signed, yet read by no PDF reader.
    const text = Buffer.from(fixture.bytes).toString('latin1');
    const at = text.indexOf('\n%') + 2;
    expect(text.startsWith('%PDF-')).toBe(true);
    const changed = Buffer.from(fixture.bytes);
    changed[at] ^= 0x01;
    const report = await verify(new Uint8Array(changed));
    expect(wholeFile(report)).toEqual(['broken', 'ok']);
    expect(report.quotes.every((q) => q.status === 'ok')).toBe(true);
    expect(report.ok).toBe(false);
  }, 60_000);

  it('a custody ledger rewritten after the export is broken, even with every hash recomputed', async () => {
    const storeDir = archiveDataDir(fixture.ws.info().dataDir, fixture.ws.archive.root);
    const ledgerFile = path.join(storeDir, LEDGER_FILE);
    const headFile = path.join(storeDir, LEDGER_HEAD_FILE);
    const [ledger, head] = [await readFile(ledgerFile, 'utf8'), await readFile(headFile, 'utf8')];
    try {
      // The forger rewrites the first entry's time and recomputes the chain and the head to match.
      let prev = '0'.repeat(64);
      const forged = ledger
        .trimEnd()
        .split('\n')
        .map((line, seq) => {
          const { hash: _old, ...entry } = LedgerEntry.parse(JSON.parse(line));
          const rewritten = { ...entry, at: seq === 0 ? '2020-01-01T00:00:00.000Z' : entry.at, prev };
          prev = entryHash(rewritten);
          return JSON.stringify({ ...rewritten, hash: prev });
        });
      await writeFile(ledgerFile, `${forged.join('\n')}\n`);
      await writeFile(headFile, JSON.stringify({ seq: forged.length - 1, hash: prev }));
      const report = await verify(fixture.bytes);
      expect(report.ledger).toEqual({ state: 'broken', problem: expect.stringMatching(/not the one the dossier recorded/) });
      expect(report.ok).toBe(false);
    } finally {
      await writeFile(ledgerFile, ledger);
      await writeFile(headFile, head);
    }
  }, 60_000);
});
