import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LEDGER_FILE, LEDGER_HEAD_FILE } from '../../../src/core/archive/custody-ledger';
import { archiveDataDir } from '../../../src/core/locations';
import { BUNDLE_LIMITS, readZipEntries, verifyEvidenceBundle, type BundleVerification } from '../../../src/core/dossier/evidence-bundle';
import { MANIFEST_FILE_NAME } from '../../../src/core/dossier/model';
import { isListed, readManifestFromPdf, type VerifiedQuote } from '../../../src/core/dossier/verify';
import { Workstation } from '../../../src/core/workstation';
import { archiveFile } from '../../helpers/archive-files';
import { tempDirs } from '../../helpers/temp-dir';
import { sha256, TYPOGRAPHIC_QUOTE } from './dossier-fixture';

const temp = tempDirs('casefile-bundle-test-');
afterAll(temp.cleanup);
afterEach(() => vi.unstubAllEnvs());

const DOC_003 = archiveFile('003_').name;
const DOC_004 = archiveFile('004_').name;
const PDF_NAME = 'Evidence-of-January.pdf';

let ws: Workstation;
let archiveDir: string;
let dataDir: string;
let zip: Uint8Array;
let files: Record<string, Uint8Array>;
let dossierAnnotationIds: string[];
let otherAnnotationId: string;

beforeAll(async () => {
  archiveDir = await temp.make();
  for (const doc of [archiveFile('003_'), archiveFile('004_')]) await writeFile(path.join(archiveDir, doc.name), doc.bytes);
  dataDir = await temp.make();
  ws = await Workstation.open({ archiveDir, dataDir });
  const quoted = [
    await ws.annotations.annotateQuote({ docId: DOC_004, quote: TYPOGRAPHIC_QUOTE, note: 'A witness’s disbelief.', tags: ['witness'] }),
    await ws.annotations.annotateQuote({ docId: DOC_003, quote: 'According to official data, 8,000 people were arrested.', note: 'Official figure.' }),
  ];
  otherAnnotationId = (await ws.annotations.annotateQuote({ docId: DOC_003, quote: 'Zhanaozen', occurrence: 2, note: 'not in the dossier' })).id;
  dossierAnnotationIds = quoted.map((a) => a.id);
  const dossier = await ws.dossiers.create('january', { title: 'Evidence of January' });
  for (const a of quoted) await ws.dossiers.add(dossier.id, a.id);
  const exported = await ws.dossiers.export('january', 'bundle');
  expect(exported).toMatchObject({ fileName: 'Evidence-of-January.zip', mediaType: 'application/zip', warnings: [] });
  zip = exported.bytes;
  files = unzipSync(zip);
}, 120_000);

afterAll(() => ws?.close());

/** The bundle with some files replaced (or, given null, left out). */
function rezip(changes: Record<string, Uint8Array | null>): Uint8Array {
  const next: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries({ ...files, ...changes })) if (bytes !== null) next[name] = bytes;
  return zipSync(next);
}

function listed(report: BundleVerification): VerifiedQuote[] {
  return report.quotes.filter(isListed);
}

/** Verifies with the system's temporary folder pointed at a fresh folder, and says what was left in it. */
async function verifyInFreshTemp(bytes: Uint8Array): Promise<{ report: BundleVerification | null; error: Error | null; left: string[]; tmp: string }> {
  const tmp = path.join(await temp.make(), 'tmp');
  await mkdir(tmp);
  vi.stubEnv('TMPDIR', tmp);
  let report: BundleVerification | null = null;
  let error: Error | null = null;
  try {
    report = await verifyEvidenceBundle(bytes);
  } catch (caught) {
    error = caught as Error;
  }
  return { report, error, left: await readdir(tmp), tmp };
}

describe('an evidence bundle', () => {
  it('holds the signed PDF, the manifest attached to it, the sources, the ledger, the dossier’s annotations and a how-to', async () => {
    expect(Object.keys(files).sort()).toEqual(
      [PDF_NAME, MANIFEST_FILE_NAME, LEDGER_FILE, LEDGER_HEAD_FILE, 'annotations.jsonld', 'HOW-TO-VERIFY.txt', `sources/${DOC_003}`, `sources/${DOC_004}`].sort(),
    );
    const attached = await readManifestFromPdf(files[PDF_NAME]);
    expect(JSON.parse(new TextDecoder().decode(files[MANIFEST_FILE_NAME]))).toEqual(attached);

    const storeDir = archiveDataDir(dataDir, archiveDir);
    const ledger = await readFile(path.join(storeDir, LEDGER_FILE));
    expect(Buffer.from(files[LEDGER_FILE]).equals(ledger)).toBe(true);
    const head = JSON.parse(new TextDecoder().decode(files[LEDGER_HEAD_FILE])) as { seq: number; hash: string };
    const lastEntry = JSON.parse(ledger.toString('utf8').trimEnd().split('\n').at(-1) ?? '') as { seq: number; hash: string };
    expect(head).toEqual({ seq: lastEntry.seq, hash: lastEntry.hash });

    const annotations = JSON.parse(new TextDecoder().decode(files['annotations.jsonld'])) as {
      type: string;
      first: { items: Array<{ id: string; target: { selector: Array<{ type: string }> } }> };
    };
    expect(annotations.type).toBe('AnnotationCollection');
    expect(annotations.first.items.map((a) => a.id)).toEqual(dossierAnnotationIds.map((id) => `urn:uuid:${id}`));
    expect(annotations.first.items.map((a) => a.id)).not.toContain(`urn:uuid:${otherAnnotationId}`);
    // Each with its place in code points as well as its quote: the bundle's sources are the files quoted.
    for (const item of annotations.first.items) {
      expect(item.target.selector.map((s) => s.type)).toEqual(expect.arrayContaining(['TextQuoteSelector', 'TextPositionSelector']));
    }

    const howTo = new TextDecoder().decode(files['HOW-TO-VERIFY.txt']);
    for (const words of ['casefile verify', `pdfsig ${PDF_NAME}`, 'sha256sum sources/', 'integrity', 'does not prove identity']) expect(howTo).toContain(words);
  });

  it('holds each quoted source byte for byte, with the SHA-256 the manifest records', async () => {
    const manifest = await readManifestFromPdf(files[PDF_NAME]);
    for (const quote of manifest.quotes) {
      const bundled = files[`sources/${quote.docId}`];
      expect(sha256(bundled)).toBe(quote.sourceSha256);
      expect(Buffer.from(bundled).equals(await readFile(path.join(archiveDir, quote.docId)))).toBe(true);
    }
  });

  it('verifies with nothing but itself, and leaves no temporary folder behind', async () => {
    const { report, error, left } = await verifyInFreshTemp(zip);
    expect(error).toBeNull();
    expect(report?.ok).toBe(true);
    expect(listed(report as BundleVerification).map((q) => [q.source, q.printed, q.status])).toEqual([
      ['ok', 'ok', 'ok'],
      ['ok', 'ok', 'ok'],
    ]);
    expect(report?.signature.state).toBe('valid');
    expect(report?.ledger).toEqual({ state: 'ok', problem: null });
    expect(report?.bundle).toMatchObject({ pdf: PDF_NAME, manifest: 'same', problems: [] });
    expect(report?.bundle.sources.map((s) => s.state)).toEqual(['ok', 'ok']);
    expect(left).toEqual([]);
  }, 60_000);

  it('fails a quote as changed when a byte of its bundled source changed', async () => {
    const changed = Uint8Array.from(files[`sources/${DOC_004}`]);
    const at = Buffer.from(changed).indexOf('unfathomable');
    expect(at).toBeGreaterThan(0);
    changed[at] ^= 0x20; // now "Unfathomable"
    const { report } = await verifyInFreshTemp(rezip({ [`sources/${DOC_004}`]: changed }));
    expect(report?.ok).toBe(false);
    const [first, second] = listed(report as BundleVerification);
    expect(first).toMatchObject({ docId: DOC_004, source: 'changed', status: 'failed' });
    expect(second).toMatchObject({ docId: DOC_003, source: 'ok', status: 'ok' });
    expect(report?.bundle.sources.find((s) => s.docId === DOC_004)?.state).toBe('different');
  }, 60_000);

  it('fails when the PDF is replaced by a copy cut down to its cover', async () => {
    const pdf = await PDFDocument.load(files[PDF_NAME]);
    while (pdf.getPageCount() > 1) pdf.removePage(1);
    const { report } = await verifyInFreshTemp(rezip({ [PDF_NAME]: await pdf.save() }));
    expect(report?.ok).toBe(false);
    expect(listed(report as BundleVerification).map((q) => q.printed)).toEqual(['not-printed', 'not-printed']);
  }, 60_000);

  it('fails with the ledger broken when a line of the bundled ledger is edited', async () => {
    const text = new TextDecoder().decode(files[LEDGER_FILE]);
    const edited = text.replace(/"sha256":"[0-9a-f]/, (m) => `${m.slice(0, -1)}${m.at(-1) === '0' ? '1' : '0'}`);
    expect(edited).not.toBe(text);
    const { report } = await verifyInFreshTemp(rezip({ [LEDGER_FILE]: strToU8(edited) }));
    expect(report?.ok).toBe(false);
    expect(report?.ledger.state).toBe('broken');
    expect(report?.ledger.problem).toMatch(/changed after it was written|cannot be read/);
  }, 60_000);

  it('fails when the bundled manifest is not the one attached to the PDF, or a source is missing', async () => {
    const manifest = JSON.parse(new TextDecoder().decode(files[MANIFEST_FILE_NAME])) as { title: string };
    const { report } = await verifyInFreshTemp(rezip({ [MANIFEST_FILE_NAME]: strToU8(JSON.stringify({ ...manifest, title: 'Another' })), [`sources/${DOC_003}`]: null }));
    expect(report?.ok).toBe(false);
    expect(report?.bundle.manifest).toBe('different');
    expect(report?.bundle.sources.find((s) => s.docId === DOC_003)?.state).toBe('absent');
    expect(listed(report as BundleVerification).find((q) => q.docId === DOC_003)?.source).toBe('missing');
  }, 60_000);
});

describe('reading a bundle safely', () => {
  for (const name of ['../evil.txt', 'sources/../../evil.txt', '/tmp/evil.txt', 'sources\\evil.txt', 'sources/evil\u0000.txt']) {
    it(`refuses an entry named ${JSON.stringify(name)} and writes nothing`, async () => {
      const { report, error, left, tmp } = await verifyInFreshTemp(rezip({ [name]: strToU8('evil') }));
      expect(report).toBeNull();
      expect(error?.message).toMatch(/^not a usable evidence bundle: its entry ".*evil.*" must /);
      expect(left).toEqual([]);
      expect(await readdir(path.dirname(tmp))).toEqual(['tmp']);
    });
  }

  it('refuses an entry that declares more than the limit, before inflating it', async () => {
    const bomb = rawZip([{ name: 'sources/bomb.txt', data: deflateRawSync(Buffer.alloc(1024)), declaredSize: BUNDLE_LIMITS.totalBytes + 1 }]);
    expect(() => readZipEntries(bomb)).toThrow(/"sources\/bomb.txt" declares \d+ bytes, past the limit/);
    const { error, left } = await verifyInFreshTemp(bomb);
    expect(error?.message).toMatch(/past the limit/);
    expect(left).toEqual([]);
  });

  it('stops an entry that inflates past the size it declares (a zip bomb)', () => {
    // 64 MiB of zeros in about 64 KiB, declared as 1,000 bytes.
    const bomb = rawZip([{ name: 'sources/bomb.txt', data: zerosDeflated(64), declaredSize: 1000 }]);
    expect(() => readZipEntries(bomb)).toThrow(/"sources\/bomb.txt" inflates past the 1000 bytes it declares/);
  });

  it('stops entries that declare no size once they inflate past the limit, and refuses too many entries', () => {
    const undeclared = rawZip([{ name: 'sources/bomb.txt', data: zerosDeflated(8), declaredSize: null }]);
    expect(() => readZipEntries(undeclared, { entries: 10, totalBytes: 1024 * 1024 })).toThrow(/inflate past the limit of 1048576 bytes/);
    expect(readZipEntries(undeclared, { entries: 10, totalBytes: 16 * 1024 * 1024 }).get('sources/bomb.txt')?.length).toBe(8 * 1024 * 1024);
    const many = zipSync(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`sources/${i}.txt`, strToU8('x')])));
    expect(() => readZipEntries(many, { entries: 10, totalBytes: 1024 })).toThrow(/more than 10 entries/);
  });
});

/** Deflated zeros, `mebibytes` MiB of them: one MiB's blocks (ending on a byte boundary) repeated, then a last empty block. */
function zerosDeflated(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), Buffer.from([0x03, 0x00])]);
}

/**
 * A zip of deflated entries written by hand, so that an entry can declare any size; with a null
 * size, the sizes follow the data in a descriptor (as a zip written as a stream has them).
 */
function rawZip(entries: Array<{ name: string; data: Buffer; declaredSize: number | null }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredSize } of entries) {
    const fileName = Buffer.from(name);
    const streamed = declaredSize === null;
    const header = (signature: number, central: boolean) => {
      const fixed = Buffer.alloc(central ? 46 : 30);
      let at = 0;
      const u16 = (v: number) => (at = fixed.writeUInt16LE(v, at));
      const u32 = (v: number) => (at = fixed.writeUInt32LE(v >>> 0, at));
      u32(signature);
      if (central) u16(20);
      u16(20);
      u16(streamed ? 0x0808 : 0x0800); // UTF-8 names; bit 3: sizes in a data descriptor
      u16(8); // deflate
      u16(0);
      u16(0x21); // time and date
      u32(0); // CRC-32 (not checked by the reader under test)
      u32(streamed && !central ? 0 : data.length);
      u32(streamed && !central ? 0 : Math.min(declaredSize ?? 0, 0xffffffff));
      u16(fileName.length);
      u16(0);
      if (central) {
        u16(0);
        u16(0);
        u16(0);
        u32(0);
        u32(offset);
      }
      return Buffer.concat([fixed, fileName]);
    };
    const descriptor = Buffer.alloc(streamed ? 16 : 0);
    if (streamed) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(data.length, 8);
    }
    const local = Buffer.concat([header(0x04034b50, false), data, descriptor]);
    centrals.push(header(0x02014b50, true));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
