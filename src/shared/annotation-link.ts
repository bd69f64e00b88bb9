/**
 * A link to one annotation, as a reference manager keeps it (Zotero's `zotero://select/…`,
 * Hypothesis's per-annotation address). One form everywhere: `casefile://annotation/<id>`, which
 * the desktop app is registered to open. It names no archive: an annotation's id is a UUID, unique
 * across archives, and the link opens it in whichever archive is open (the web shell's page routes
 * the same id as `#/annotation/<id>`). Plain TypeScript: the main process and the page both use it.
 */

export const LINK_SCHEME = 'casefile';
const LINK_HOST = 'annotation';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The route inside the page: `#/annotation/<id>`. */
const ROUTE = /^#\/annotation\/([^/?#]+)$/;

/** Whether `id` has the shape of an annotation id (a UUID), so nothing else rides in a link. */
export function isAnnotationId(id: string): boolean {
  return UUID.test(id);
}

/** `casefile://annotation/<id>`. */
export function annotationLink(id: string): string {
  if (!isAnnotationId(id)) throw new Error(`not an annotation id: ${JSON.stringify(id)}`);
  return `${LINK_SCHEME}://${LINK_HOST}/${id.toLowerCase()}`;
}

/** The annotation a `casefile://annotation/<id>` link names, or null for any other text. */
export function annotationIdFromLink(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== `${LINK_SCHEME}:` || url.hostname !== LINK_HOST) return null;
  if (url.username || url.password || url.port) return null;
  const id = url.pathname.replace(/^\/|\/$/g, '');
  return isAnnotationId(id) ? id.toLowerCase() : null;
}

/** The page's route to an annotation: `#/annotation/<id>`. */
export function annotationRoute(id: string): string {
  return `#/annotation/${annotationLink(id).slice(`${LINK_SCHEME}://${LINK_HOST}/`.length)}`;
}

/** The annotation a page's hash (`#/annotation/<id>`) routes to, or null. */
export function annotationIdFromRoute(hash: string): string | null {
  const match = ROUTE.exec(hash);
  if (!match) return null;
  return isAnnotationId(match[1]) ? match[1].toLowerCase() : null;
}
