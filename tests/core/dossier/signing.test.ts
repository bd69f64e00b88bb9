import { execFile } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierSigning } from '../../../src/core/dossier/dossier-service';
import { signPdf } from '../../../src/core/dossier/pdf-signing';
import { readPdfSignature } from '../../../src/core/dossier/signature';
import { SIGNING_FOLDER } from '../../../src/core/dossier/signing-identity';
import { selfSignedCertificate } from '../../../src/core/dossier/x509';
import { PreferencesStore } from '../../../src/core/preferences';
import { PDFDocument } from 'pdf-lib';
import type { Workstation } from '../../../src/core/workstation';
import { tempDirs } from '../../helpers/temp-dir';
import { makeBench, type Bench } from '../../helpers/workstation';

const run = promisify(execFile);
const dirs = tempDirs('casefile-signing-');
afterAll(dirs.cleanup);

const CYRILLIC_AUTHOR = 'Айгерим Сапарова';
const ARTICLE = 'Witnesses in Almaty\n\nThe square was full by noon, and by evening it was empty.\n';

/** poppler's own report on a PDF's signatures (it exits 0 whatever it finds: the words are the result). */
async function pdfsig(bytes: Uint8Array): Promise<string> {
  const file = path.join(await dirs.make(), 'dossier.pdf');
  await writeFile(file, bytes);
  // It exits 2 for a file without signatures.
  const { stdout, stderr } = await run('pdfsig', [file]).catch((error: { stdout: string; stderr: string }) => error);
  return stdout + stderr;
}

async function benchWithAuthor(author: string): Promise<Bench> {
  const bench = await makeBench(dirs.make, { 'almaty.txt': ARTICLE });
  const preferences = await PreferencesStore.open(bench.dataDir);
  await preferences.set({ author });
  preferences.close();
  return bench;
}

async function exportPdf(ws: Workstation, signing?: DossierSigning): Promise<Uint8Array> {
  await ws.annotations.annotateQuote({ docId: 'almaty.txt', quote: 'The square was full by noon' }).catch(() => undefined); // once per archive
  return (await ws.dossiers.export(null, 'pdf', { title: 'Almaty' }, signing)).bytes;
}

async function withWorkstation<T>(bench: Bench, use: (ws: Workstation) => Promise<T>): Promise<T> {
  const ws = await bench.open();
  try {
    return await use(ws);
  } finally {
    await ws.close();
  }
}

/** A certificate and key made by OpenSSL (not by Casefile), packed as PKCS#12 with a passphrase. */
async function openSslPkcs12(keyAlgorithm: string[], subject: string, passphrase: string): Promise<{ p12: Uint8Array; fingerprint: string }> {
  const dir = await dirs.make();
  const [key, cert, p12] = ['key.pem', 'cert.pem', 'id.p12'].map((f) => path.join(dir, f));
  await run('openssl', ['req', '-x509', ...keyAlgorithm, '-nodes', '-keyout', key, '-out', cert, '-days', '30', '-subj', subject, '-utf8']);
  await run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', `pass:${passphrase}`]);
  const { stdout } = await run('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256']);
  return { p12: await readFile(p12), fingerprint: stdout.trim().replace(/^.*Fingerprint=/i, '') };
}

describe('a dossier PDF signed with the local identity', () => {
  let bench: Bench;
  let first: Uint8Array;
  let second: Uint8Array;

  beforeAll(async () => {
    bench = await benchWithAuthor(CYRILLIC_AUTHOR);
    [first, second] = await withWorkstation(bench, async (ws) => [await exportPdf(ws), await exportPdf(ws)]);
  }, 120_000);

  it('is signed by default, by a certificate naming the author from the preferences', async () => {
    expect(await readPdfSignature(first)).toMatchObject({ state: 'valid', subject: `CN=${CYRILLIC_AUTHOR}`, fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) });
  });

  it('is valid for poppler and covers the whole document, a Cyrillic name included', async () => {
    const report = await pdfsig(first);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain(`Signer Certificate Common Name: ${CYRILLIC_AUTHOR}`);
  });

  it('keeps the key readable by the user alone and reuses the identity on the next export', async () => {
    const folder = path.join(bench.dataDir, SIGNING_FOLDER);
    expect((await stat(path.join(folder, 'key.pem'))).mode & 0o777).toBe(0o600);
    expect(await readFile(path.join(folder, 'key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect((await readPdfSignature(second)).fingerprint).toBe((await readPdfSignature(first)).fingerprint);
  });

  it.each([
    ['near the start', () => 20],
    ['in the middle of the file', (b: Uint8Array) => Math.floor(b.byteLength / 2)],
    ['in the signature’s own reason', (b: Uint8Array) => Buffer.from(b).indexOf('any change after signing')],
    ['in the last line', (b: Uint8Array) => b.byteLength - 3],
  ])('is broken after one byte %s changes, for poppler and for Casefile', async (_, at) => {
    const changed = Uint8Array.from(first);
    const position = at(changed);
    // Outside the signature's own hex, which is not signed.
    expect(Buffer.from(changed).toString('latin1', position - 10, position + 10)).not.toMatch(/^[0-9a-f]{20}$/);
    changed[position] ^= 0x01;
    expect(await pdfsig(changed)).toContain('Digest Mismatch.');
    expect(await readPdfSignature(changed)).toMatchObject({ state: 'broken', subject: `CN=${CYRILLIC_AUTHOR}` });
  });

  it('is broken when bytes are appended after signing (the signature no longer covers the whole file)', async () => {
    const appended = Buffer.concat([first, Buffer.from('\n% appended\n')]);
    expect(await pdfsig(appended)).not.toContain('Total document signed');
    expect((await readPdfSignature(appended)).state).toBe('broken');
  });

  it('gets a new certificate for the same key when the author changes', async () => {
    const keyBefore = await readFile(path.join(bench.dataDir, SIGNING_FOLDER, 'key.pem'), 'utf8');
    const preferences = await PreferencesStore.open(bench.dataDir);
    await preferences.set({ author: 'Ainur Qasymova' });
    preferences.close();
    const renamed = await withWorkstation(bench, (ws) => exportPdf(ws));
    const signature = await readPdfSignature(renamed);
    expect(signature).toMatchObject({ state: 'valid', subject: 'CN=Ainur Qasymova' });
    expect(signature.fingerprint).not.toBe((await readPdfSignature(first)).fingerprint);
    expect(await readFile(path.join(bench.dataDir, SIGNING_FOLDER, 'key.pem'), 'utf8')).toBe(keyBefore);
  }, 60_000);
});

describe('signing choices', () => {
  it('leaves the PDF unsigned when asked, and makes no identity', async () => {
    const bench = await benchWithAuthor('Ainur Qasymova');
    const bytes = await withWorkstation(bench, (ws) => exportPdf(ws, 'none'));
    expect(await readPdfSignature(bytes)).toEqual({ state: 'unsigned', subject: null, fingerprint: null });
    expect(await pdfsig(bytes)).toContain('does not contain any signatures');
    await expect(stat(path.join(bench.dataDir, SIGNING_FOLDER))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);

  it.each([
    ['RSA', ['-newkey', 'rsa:2048']],
    ['ECDSA P-256', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']],
  ])('signs with the user’s own %s certificate from a PKCS#12 file', async (_, keyAlgorithm) => {
    const { p12, fingerprint } = await openSslPkcs12(keyAlgorithm, '/CN=Дана Examiner/O=Casefile Tests', 'correct horse');
    const bench = await benchWithAuthor(CYRILLIC_AUTHOR);
    const bytes = await withWorkstation(bench, (ws) => exportPdf(ws, { pkcs12: p12, passphrase: 'correct horse' }));
    expect(await readPdfSignature(bytes)).toEqual({ state: 'valid', subject: 'CN=Дана Examiner, O=Casefile Tests', fingerprint });
    const report = await pdfsig(bytes);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    await expect(stat(path.join(bench.dataDir, SIGNING_FOLDER))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);

  it('refuses a wrong passphrase, saying so', async () => {
    const { p12 } = await openSslPkcs12(['-newkey', 'rsa:2048'], '/CN=Test Examiner', 'correct horse');
    const bench = await benchWithAuthor('Ainur Qasymova');
    await withWorkstation(bench, async (ws) => {
      await expect(exportPdf(ws, { pkcs12: p12, passphrase: 'wrong', fileName: 'me.p12' })).rejects.toMatchObject({
        code: 'invalid-argument',
        message: expect.stringContaining('cannot open me.p12: the passphrase is wrong'),
      });
    });
  }, 60_000);

  it('refuses a file that is not PKCS#12', async () => {
    const bench = await benchWithAuthor('Ainur Qasymova');
    await withWorkstation(bench, async (ws) => {
      await expect(exportPdf(ws, { pkcs12: new TextEncoder().encode('not a certificate'), passphrase: 'x', fileName: 'notes.txt' })).rejects.toMatchObject({
        code: 'invalid-argument',
        message: 'notes.txt is not a PKCS#12 (.p12/.pfx) file',
      });
    });
  }, 60_000);
});

describe('signPdf', () => {
  it('signs valid whatever the length of the certificate, odd or even', async () => {
    // An ECDSA signature's DER is 70 to 72 bytes, so certificates signed with one come in both parities.
    const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const byParity = new Map<number, Uint8Array>();
    for (let tries = 0; byParity.size < 2 && tries < 100; tries++) {
      const certificate = await selfSignedCertificate(keys, 'Ainur Qasymova', new Date());
      byParity.set(certificate.byteLength % 2, certificate);
    }
    const certificates = [...byParity.values()];
    expect(certificates).toHaveLength(2);
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const unsigned = await pdf.save();
    for (const certificate of certificates) {
      const signed = await signPdf(unsigned, { privateKey: keys.privateKey, certificates: [certificate] }, { signingTime: new Date() });
      expect(await readPdfSignature(signed)).toMatchObject({ state: 'valid' });
      expect(await pdfsig(signed)).toContain('Signature is Valid.');
    }
  }, 60_000);
});
