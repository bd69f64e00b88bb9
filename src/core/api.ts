import { z } from 'zod';
import type { MessageCode } from '../shared/i18n/core-messages';
import { CasefileError, type ErrorCode } from './errors';
import { Preferences } from './preferences';
import { QuerySyntaxError, type QuerySpan } from './search/query-parser';
import type { ArchiveSession } from './session';
import type { Workstation } from './workstation';
import { dossierMethods } from './api/dossier-methods';
import { method, type MethodSpec } from './api/method';
import { archiveMethods } from './api/archive-methods';
import { searchMethods } from './api/search-methods';
import { annotationMethods } from './api/annotation-methods';
import { sourceMethods } from './api/source-methods';
import { figureMethods } from './api/figure-methods';
import { timelineMethods } from './api/timeline-methods';
import { batchMethods } from './api/batch-methods';
import { markMethods } from './api/mark-methods';
import { savedSearchMethods } from './api/saved-search-methods';
import { duplicateMethods } from './api/duplicate-methods';
import { entityMethods } from './api/entity-methods';

/**
 * The one typed API of Casefile. Every shell (Electron IPC, the web shell's HTTP, the CLI) is a
 * generic pipe over this map: it parses the arguments with the method's schema and calls the handler.
 * Methods are grouped by domain (api/*-methods.ts) and merged here.
 */
export const apiMethods = {
  ...archiveMethods,
  ...searchMethods,
  ...annotationMethods,
  ...dossierMethods,
  ...sourceMethods,
  ...figureMethods,
  ...timelineMethods,
  ...batchMethods,
  ...markMethods,
  ...savedSearchMethods,
  ...duplicateMethods,
  ...entityMethods,
  getPreferences: method(z.object({}).strict(), (ws) => ws.preferences.get()),
  setPreferences: method(Preferences.partial().strict(), (ws, changes) => ws.preferences.set(changes)),
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
  /** The message's code and values, for an interface that words it in its own language (see said.ts). */
  messageCode?: MessageCode;
}
/** What crosses a boundary: an explicit result, never a thrown error. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * The methods that change what other windows show (annotations, dossiers, corrections, preferences):
 * each success is counted for every window but the caller's, so the others read again (dataRevision).
 * Files added move the archive's own revision.
 */
const CHANGES_DATA: ReadonlySet<MethodName> = new Set<MethodName>([
  'createAnnotation',
  'annotateQuote',
  'updateAnnotation',
  'deleteAnnotation',
  'acceptAnnotation',
  'detachAnnotation',
  'undo',
  'redo',
  'importAnnotations',
  'restoreAnnotationBackup',
  'createDossier',
  'updateDossier',
  'deleteDossier',
  'addToDossier',
  'addClaimsTable',
  'setDocumentMetadata',
  'markDocument',
  'saveSearch',
  'markSavedSearchSeen',
  'renameSavedSearch',
  'deleteSavedSearch',
  'setPreferences',
  'mergeEntities',
  'splitEntity',
  'removeEntityEdit',
]);

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(apiMethods, name);
}

/** Validates `args` with the method's schema and runs it. Bad input is refused before anything runs. */
export async function invokeApi(workstation: Workstation, name: string, args: unknown, session?: ArchiveSession, caller?: string): Promise<ApiResult<unknown>> {
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
    const value = await spec.handler(workstation, parsed.data, session, caller);
    if (CHANGES_DATA.has(name)) workstation.changedBy(caller);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CasefileError) {
      const span = error instanceof QuerySyntaxError ? { span: error.span } : {};
      const messageCode = error.messageCode ? { messageCode: error.messageCode } : {};
      return { ok: false, error: { code: error.code, message: error.message, ...span, ...messageCode } };
    }
    console.error(`${name} failed:`, error);
    return { ok: false, error: { code: 'internal', message: `${name} failed unexpectedly; details are in the log` } };
  }
}
