import { z } from 'zod';
import { Tag } from '../annotations/model';
import { ArchivePath } from '../contained-path';

/** Argument schemas that methods of several domains share. */
export const AnnotationId = z.string().uuid();
export const Note = z.string().max(100_000);
/** A document id is its path in the archive: relative, no `..`, no NUL, no encoded tricks. */
export const DocId = ArchivePath.pipe(z.string().min(1));
export const Tags = z.array(Tag).max(100);

/** A file made by the core, as it crosses the API: its name and type, its bytes in base64, and what was left out. */
export function transferredFile(file: { fileName: string; mediaType: string; bytes: Uint8Array; warnings: string[] }) {
  return {
    fileName: file.fileName,
    mediaType: file.mediaType,
    byteLength: file.bytes.byteLength,
    base64: Buffer.from(file.bytes).toString('base64'),
    warnings: file.warnings,
  };
}
