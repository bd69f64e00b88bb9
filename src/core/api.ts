import { z } from 'zod';
import { ArchivePath, confineToArchive } from './contained-path';
import { CasefileError, type ErrorCode } from './errors';
import { Preferences } from './preferences';
import { QuerySyntaxError, type QuerySpan } from './search/query-parser';
import { MetadataEdit } from './archive/metadata-overrides';
import type { ArchiveSession } from './session';
import type { Workstation } from './workstation';
import { SORT_ORDERS } from './search/search-engine';
import { dossierMethods } from './api/dossier-methods';
import { method, requireSession, type MethodSpec } from './api/method';
import { annotationMethods } from './api/annotation-methods';
import { DocId } from './api/schemas';

/**
 * The one typed API of Casefile. Every shell (Electron IPC, the web shell's HTTP, the CLI) is a
 * generic pipe over this map: it parses the arguments with the method's schema and calls the handler.
 * Methods are grouped by domain (api/*-methods.ts) and merged here.
 */
const MAX_QUERY = 10_000;
/**
 * A name for a file added to the archive. Folders in it are dropped and leading dots removed when the
 * file is written; a name with nothing left is refused here, before any file of the call is written.
 */
const FileName = z
  .string()
  .min(1)
  .max(500)
  .refine((name) => (name.split(/[\\/]/).pop() ?? '').replace(/^\.+/, '').trim() !== '', { message: 'must name a file' });
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const apiMethods = {
  info: method(z.object({}).strict(), (ws) => ws.info()),
  // Any folder may be opened as the archive (the user's choice); a NUL byte would cut the path short.
  openArchive: method(
    z.object({ path: z.string().min(1).max(4_096).refine((p) => !p.includes('\0'), { message: 'must not contain NUL bytes' }) }).strict(),
    (_ws, { path }, session) => requireSession(session).switchTo(path),
  ),
  recentArchives: method(z.object({}).strict(), (_ws, _args, session) => requireSession(session).recent()),
  listDocuments: method(z.object({}).strict(), (ws) => ws.listDocuments()),
  indexStatus: method(z.object({}).strict(), (ws) => ws.indexStatus()),
  dataRevision: method(z.object({}).strict(), (ws) => ws.dataRevision()),
  cancelIndexing: method(z.object({}).strict(), (ws) => ws.cancelIndexing()),
  resumeIndexing: method(z.object({}).strict(), (ws) => ws.resumeIndexing()),
  ingestReport: method(z.object({}).strict(), (ws) => ws.ingestReport()),
  getDocumentMetadata: method(z.object({ id: DocId }).strict(), (ws, { id }) => ws.getDocumentMetadata(id)),
  setDocumentMetadata: method(MetadataEdit.extend({ id: DocId }).strict(), async (ws, { id, ...edit }) => {
    // The file is read again after the edit.
    await confineToArchive(ws.info().archiveRoot, id);
    return ws.setDocumentMetadata(id, edit);
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
      if (folder) await confineToArchive(ws.info().archiveRoot, folder);
      return ws.addFiles(files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })), folder);
    },
  ),
  search: method(
    z
      .object({
        query: z.string().max(MAX_QUERY),
        limit: z.number().int().min(1).max(10_000).optional(),
        variants: z.boolean().optional(),
        sort: z.enum(SORT_ORDERS).optional(),
        from: IsoDay.optional(),
        to: IsoDay.optional(),
        source: z.string().max(300).optional(),
      })
      .strict(),
    (ws, { query, ...options }) => ws.search(query, options),
  ),
  getDocument: method(
    z.object({ id: DocId, query: z.string().max(MAX_QUERY).optional(), variants: z.boolean().optional() }).strict(),
    async (ws, { id, query, variants }) => {
      // The file is read again: a folder on its path swapped for a link out of the archive must not be followed.
      await confineToArchive(ws.info().archiveRoot, id);
      return ws.getDocument(id, query, { variants });
    },
  ),
  ...annotationMethods,
  ...dossierMethods,
  getPreferences: method(z.object({}).strict(), (ws) => ws.getPreferences()),
  setPreferences: method(Preferences.partial().strict(), (ws, changes) => ws.setPreferences(changes)),
};

export type ApiMethods = typeof apiMethods;
export type MethodName = keyof ApiMethods;
export type ArgsOf<M extends MethodName> = z.input<ApiMethods[M]['args']>;
export type ResultOf<M extends MethodName> = Awaited<ReturnType<ApiMethods[M]['handler']>>;

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For a query that cannot be read: where in it the problem is. */
  span?: QuerySpan;
}
/** What crosses a boundary: an explicit result, never a thrown error. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(apiMethods, name);
}

/** Validates `args` with the method's schema and runs it. Bad input is refused before anything runs. */
export async function invokeApi(workstation: Workstation, name: string, args: unknown, session?: ArchiveSession): Promise<ApiResult<unknown>> {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'not-found', message: `unknown method ${JSON.stringify(name)}` } };
  }
  const spec = apiMethods[name] as MethodSpec<z.ZodType, unknown>;
  const parsed = spec.args.safeParse(args ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid-argument', message: `${name}: ${details}` } };
  }
  try {
    return { ok: true, value: await spec.handler(workstation, parsed.data, session) };
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      return { ok: false, error: { code: error.code, message: error.message, span: error.span } };
    }
    if (error instanceof CasefileError) return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`${name} failed:`, error);
    return { ok: false, error: { code: 'internal', message: `${name} failed unexpectedly; details are in the log` } };
  }
}
