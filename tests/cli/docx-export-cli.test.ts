import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessBuilder } from '../../src/core/search/index-builder';
import { Workstation } from '../../src/core/workstation';
import { archiveFile } from '../helpers/archive-files';
import { runCli } from '../helpers/cli';
import { tempDirs } from '../helpers/temp-dir';

const temp = tempDirs('casefile-cli-docx-');
afterAll(temp.cleanup);

const DOC_003 = archiveFile('003_').name;
const CYRILLIC_ID = 'almaty.txt';
const CYRILLIC_QUOTE = '«Қаңтар оқиғасы бәрімізге сабақ болды»';
const ENGLISH_QUOTE = 'According to official data, 8,000 people were arrested.';

describe('casefile export --format docx', () => {
  let where: string[];

  beforeAll(async () => {
    const archiveDir = await temp.make();
    const dataDir = await temp.make();
    await writeFile(path.join(archiveDir, DOC_003), archiveFile('003_').bytes);
    await writeFile(path.join(archiveDir, CYRILLIC_ID), `Алматы\n\n${CYRILLIC_QUOTE}, — сказал Ерұлан.\n`);
    // The CLI makes no dossiers: one is made here, in the data folder the CLI then opens.
    const ws = await Workstation.open({ archiveDir, dataDir, indexBuilder: inProcessBuilder });
    try {
      const english = await ws.annotations.annotateQuote({ docId: DOC_003, quote: ENGLISH_QUOTE, note: 'Official figure.' });
      const cyrillic = await ws.annotations.annotateQuote({ docId: CYRILLIC_ID, quote: CYRILLIC_QUOTE, note: 'Сабақ.' });
      const dossier = await ws.dossiers.create('report', { title: 'Январь 2022', author: 'Ainur' });
      await ws.dossiers.update(dossier.id, {
        sections: [{ id: dossier.sections[0].id, heading: 'Figures and words', items: [english, cyrillic].map((a) => ({ annotationId: a.id, commentary: '' })) }],
      });
    } finally {
      await ws.close();
    }
    where = ['--archive', archiveDir, '--data', dataDir];
  }, 120_000);

  it('writes the named dossier as a Word document: headings, quotes and footnoted citations', async () => {
    const out = path.join(await temp.make(), 'report.docx');
    const run = await runCli(['export', '--format', 'docx', '--dossier', 'report', '--out', out, ...where]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`wrote ${out}`);
    expect(run.stdout).not.toMatch(/signed/);
    const bytes = await readFile(out);
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('<h1>Figures and words</h1>');
    expect(html).toContain(ENGLISH_QUOTE);
    expect(html).toContain(CYRILLIC_QUOTE);
    expect(html).toMatch(/<li id="footnote-2"><p>Source: [^<]*File almaty\.txt, ¶ 2, characters 8–46, SHA-256 [0-9a-f]{16}\./);
    expect(new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['docProps/core.xml'])).toContain('<dc:title>Январь 2022</dc:title>');
  }, 60_000);

  it('lists docx among the formats, and refuses to sign it', async () => {
    const out = path.join(await temp.make(), 'all.docx');
    const wrong = await runCli(['export', '--format', 'word', '--out', out, ...where]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('pdf, md, json, bundle, docx');
    const signed = await runCli(['export', '--format', 'docx', '--p12', 'me.p12', '--passphrase-env', 'P', '--out', out, ...where]);
    expect(signed.code).not.toBe(0);
    expect(signed.stderr).toContain('only a PDF is signed');
    expect((await runCli(['help'])).stdout).toContain('--format pdf|md|json|bundle|docx');
  }, 60_000);
});
