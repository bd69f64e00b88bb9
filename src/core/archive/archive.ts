import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { normalizeText, splitParagraphs, type ArchiveDocument } from './document';
import { extractMetadata } from './metadata';

export interface SkippedFile {
  id: string;
  reason: string;
}

export interface LoadedArchive {
  root: string;
  documents: ArchiveDocument[];
  skipped: SkippedFile[];
}

const TEXT_EXTENSIONS = new Set(['.txt']);

/** Reads every `.txt` under `root` (recursively, hidden entries skipped). One bad file never stops the rest. */
export async function loadArchive(root: string): Promise<LoadedArchive> {
  const absoluteRoot = path.resolve(root);
  const skipped: SkippedFile[] = [];
  const files = await listFiles(absoluteRoot, absoluteRoot, skipped);
  const documents: ArchiveDocument[] = [];
  for (const file of files) {
    const id = toDocumentId(absoluteRoot, file);
    try {
      documents.push(parseDocument(id, await readFile(file)));
    } catch (error) {
      skipped.push({ id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  documents.sort((a, b) => a.id.localeCompare(b.id));
  return { root: absoluteRoot, documents, skipped };
}

async function listFiles(root: string, dir: string, skipped: SkippedFile[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // Links are not followed: they may point outside the archive or into a loop.
    if (entry.isSymbolicLink()) skipped.push({ id: toDocumentId(root, full), reason: 'symbolic link (not followed)' });
    else if (entry.isDirectory()) files.push(...(await listFiles(root, full, skipped)));
    else if (entry.isFile() && TEXT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

/** Whether a path (relative to the archive) names a file the archive reads. */
export function isArchiveFile(id: string): boolean {
  return TEXT_EXTENSIONS.has(path.extname(id).toLowerCase()) && !id.split('/').some((part) => part.startsWith('.'));
}

export function toDocumentId(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function parseDocument(id: string, bytes: Uint8Array): ArchiveDocument {
  // TextDecoder drops a UTF-8 byte-order mark and replaces invalid sequences instead of throwing.
  const text = normalizeText(new TextDecoder('utf-8').decode(bytes));
  const paragraphs = splitParagraphs(text);
  const metadata = extractMetadata(text, paragraphs);
  return {
    id,
    ...metadata,
    title: metadata.title || id,
    text,
    paragraphs,
    sha256: sha256Hex(bytes),
    sizeBytes: bytes.byteLength,
  };
}
