import path from 'node:path';
import { formatOf, maxBytesOf } from './archive/archive';
import { sourceFileOf } from './archive/web-archive';
import { confineToArchive, readArchiveFile } from './contained-path';
import type { Workstation } from './workstation';

/**
 * Types an original is handed over as. Only formats a browser shows inertly, or not at all, get their
 * own type; a web page (HTML, a web archive) and anything unknown go out as bytes to save
 * (`application/octet-stream`), so no archived page ever runs in the app's origin.
 */
const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Formats that a system viewer (a web browser) may fetch the network for: opening one is asked first. */
const WEB_FORMATS = new Set(['html', 'htm', 'mht', 'mhtml', 'warc', 'warc.gz', 'wacz', 'webarchive']);

export interface OriginalFile {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** The safe type to hand a document's original over as (see MEDIA_TYPES). */
export function originalMediaType(format: string): string {
  return MEDIA_TYPES[format.toLowerCase()] ?? 'application/octet-stream';
}

/** Whether opening the original in the system's viewer may reach the network (a saved web page). */
export function opensTheWeb(format: string): boolean {
  return WEB_FORMATS.has(format.toLowerCase());
}

/**
 * Where a document's original file is, for the system's viewer: only a document of the open archive
 * (its id checked against the archive's list), at its real place inside the archive folder.
 */
export async function originalFilePath(ws: Workstation, id: string): Promise<{ path: string; format: string }> {
  const file = originalOf(ws, id);
  return { path: await confineToArchive(ws.archive.root, file), format: formatOf(file) ?? '' };
}

/** A document's original bytes, read the one confined way (no link followed, nothing outside the archive). */
export async function readOriginalFile(ws: Workstation, id: string): Promise<OriginalFile> {
  const file = originalOf(ws, id);
  const { bytes } = await readArchiveFile(ws.archive.root, file, { maxBytes: maxBytesOf(file) });
  return { fileName: path.posix.basename(file), mediaType: originalMediaType(formatOf(file) ?? ''), bytes };
}

/** The file a document of the archive was read from: a page captured in a web archive has the archive file (the evidence) as its original. */
function originalOf(ws: Workstation, id: string): string {
  return sourceFileOf(ws.archive.require(id).id);
}
