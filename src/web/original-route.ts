import { DocId } from '../core/api/schemas';
import { CasefileError, errorMessage } from '../core/errors';
import { readOriginalFile } from '../core/original-file';
import type { Workstation } from '../core/workstation';

/** What the web shell sends back for a request of an original file. */
export interface OriginalAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

const TEXT = 'text/plain; charset=utf-8';

/**
 * A document's original bytes, for `GET /api/original?id=<document id>` (the token checked before).
 * Always a download (`attachment`), in a type that never runs (a saved web page is bytes, not
 * text/html), not sniffed, and sandboxed if a browser shows it anyway: an archived page never runs
 * in the app's origin, where the API and its token live.
 */
export async function originalAnswer(workstation: Workstation, url: URL): Promise<OriginalAnswer> {
  const id = DocId.safeParse(url.searchParams.get('id'));
  if (!id.success) return { status: 400, headers: { 'Content-Type': TEXT }, body: 'name a document of the archive: ?id=<document id>' };
  try {
    const original = await readOriginalFile(workstation, id.data);
    return {
      status: 200,
      headers: {
        'Content-Type': original.mediaType,
        'Content-Disposition': attachment(original.fileName),
        'Content-Security-Policy': "sandbox; default-src 'none'",
        'X-Content-Type-Options': 'nosniff',
      },
      body: original.bytes,
    };
  } catch (error) {
    const status = error instanceof CasefileError && error.code === 'not-found' ? 404 : 400;
    return { status, headers: { 'Content-Type': TEXT }, body: `the original cannot be sent: ${errorMessage(error)}` };
  }
}

/** `attachment` with the file's name: plain ASCII for old readers, the exact name as RFC 6266's filename*. */
export function attachment(fileName: string): string {
  const plain = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
