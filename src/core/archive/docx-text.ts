import mammoth from 'mammoth';
import { CasefileError, errorMessage } from '../errors';
import { ReadLimitError, type Extracted } from './extracted';

/** A Word document whose XML parts inflate to more than this is not read (mammoth takes seconds per few MiB). */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;
/** A zip of more entries than this is no Word document a person wrote. */
export const MAX_ZIP_ENTRIES = 10_000;
export async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  const directory = zipDirectory(bytes);
  if (directory && directory.entries > MAX_ZIP_ENTRIES) throw new ReadLimitError(`a zip of ${directory.entries} parts (more than ${MAX_ZIP_ENTRIES})`);
  if (directory && directory.xmlBytes > MAX_DOCX_XML_BYTES) {
    throw new ReadLimitError(`its XML would inflate to ${mebibytes(directory.xmlBytes)} (more than ${mebibytes(MAX_DOCX_XML_BYTES)})`);
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const text = value.replace(/\n{3,}/g, '\n\n').trim();
    return { text, encoding: null, stated: {}, pages: null, note: null };
  } catch (error) {
    throw new CasefileError('invalid-argument', `not a readable Word document (${errorMessage(error)})`);
  }
}

function mebibytes(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024)} MiB` : 'more than 4 GiB';
}

/**
 * How many entries a zip has and what its XML parts inflate to, as its central directory states
 * (nothing is inflated); null when there is no plain directory to read (not a zip, or Zip64), and
 * the reader then finds out. A directory may understate sizes: the reading thread's memory limit is
 * the guard for that.
 */
function zipDirectory(bytes: Uint8Array): { entries: number; xmlBytes: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const END_OF_DIRECTORY = 0x06054b50;
  const DIRECTORY_ENTRY = 0x02014b50;
  // The end record is the last 22 bytes, before a comment of at most 65,535.
  let end = bytes.byteLength - 22;
  const earliest = Math.max(0, end - 65_535);
  while (end >= earliest && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < earliest) return null;
  const entries = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) return null;
  let xmlBytes = 0;
  let at = offset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, Math.min(nameLength, bytes.byteLength - at - 46)).toString('latin1');
    // 0xffffffff defers to a Zip64 field: at least 4 GiB.
    if (/\.(?:xml|rels)$/i.test(name)) xmlBytes += size === 0xffffffff ? Infinity : size;
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries, xmlBytes };
}

/**
 * The page count the page tree's root states, found from the trailer (its /Root, the catalog's
 * /Pages, that node's /Count) without pdf.js, which checks the last page on opening and walks the
 * whole tree when it is not where the count says. Null when these objects are not in plain sight
 * (in a compressed object stream): pdf.js then opens the file under the reading thread's budget.
 */
