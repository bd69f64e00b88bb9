import { z } from 'zod';
import { plainFileName } from '../archive/file-names';
import { MetadataEdit } from '../archive/metadata-overrides';
import { ArchivePath, confineToArchive } from '../contained-path';
import { listFolders } from '../folders';
import { method, requireSession } from './method';
import { DocId } from './schemas';

/**
 * A name for a file added to the archive: written as its plain file name (see plainFileName); a name
 * with nothing usable left is refused here, before any file of the call is written.
 */
const FileName = z
  .string()
  .min(1)
  .max(500)
  .refine((name) => plainFileName(name) !== '', { message: 'must name a file' });

/** A folder anywhere on the disk, as the user typed it (`~` included); a NUL byte would cut the path short. */
const FolderPath = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\0'), { message: 'must not contain NUL bytes' });

/** The archive methods of the API: which archive is open, its documents, files added and corrected. */
export const archiveMethods = {
  info: method(z.object({}).strict(), (ws) => ws.info()),
  // Any folder may be opened as the archive (the user's choice).
  openArchive: method(
    z.object({ path: FolderPath }).strict(),
    (_ws, { path }, session) => requireSession(session).switchTo(path),
  ),
  // The folders under one (the home folder by default), for a shell with no folder dialog of its own.
  listFolders: method(z.object({ path: FolderPath.optional(), hidden: z.boolean().optional() }).strict(), (_ws, args) => listFolders(args)),
  recentArchives: method(z.object({}).strict(), (_ws, _args, session) => requireSession(session).recent()),
  listDocuments: method(z.object({}).strict(), (ws) => ws.archive.listDocuments()),
  dataRevision: method(z.object({}).strict(), (ws, _args, _session, caller) => ws.dataRevision(caller)),
  ingestReport: method(z.object({}).strict(), (ws) => ws.archive.ingestReport()),
  // The custody ledger: whether its chain holds and, for a file (present or gone), its history.
  custody: method(z.object({ id: DocId.optional() }).strict(), async (ws, { id }) => ({
    ledger: await ws.archive.ledgerCheck(),
    file: id === undefined ? null : await ws.archive.custody(id),
  })),
  getDocumentMetadata: method(z.object({ id: DocId }).strict(), (ws, { id }) => ws.archive.getDocumentMetadata(id)),
  setDocumentMetadata: method(MetadataEdit.extend({ id: DocId }).strict(), async (ws, { id, ...edit }) => {
    // The file is read again after the edit: a folder on its path swapped for a link out of the archive must not be followed.
    await confineToArchive(ws.archive.root, id);
    return ws.archive.setDocumentMetadata(id, edit);
  }),
  addFiles: method(
    z
      .object({
        files: z.array(z.object({ name: FileName, base64: z.string().max(140_000_000) }).strict()).min(1).max(1_000),
        folder: ArchivePath.pipe(z.string().max(500)).optional(),
      })
      .strict(),
    async (ws, { files, folder }) => {
      // A folder that is (or passes through) a link leading out of the archive is refused before anything is written.
      if (folder) await confineToArchive(ws.archive.root, folder);
      return ws.archive.addFiles(
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        folder,
      );
    },
  ),
};
