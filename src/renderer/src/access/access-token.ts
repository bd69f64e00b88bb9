/** This tab's sessionStorage: only this origin, port included, reads it, and it outlives a reload. */
const STORAGE_KEY = 'casefile-access-token';

/** The parts of the page the token passes through. */
export type PageAddress = Pick<Window, 'location' | 'history' | 'sessionStorage'>;

/**
 * The web shell's access token for this tab, or null. The printed URL carries it once (`/?token=…`):
 * it is kept in sessionStorage and taken out of the address bar, so a bookmark, a copied address or
 * a later link holds no token, and a reload finds it again. A new tab opened on the bare address has none.
 */
export function takeAccessToken(page: PageAddress = window): string | null {
  const address = new URL(page.location.href);
  const offered = address.searchParams.get('token');
  if (offered === null) return page.sessionStorage.getItem(STORAGE_KEY);
  // The newest printed URL wins: a restarted shell prints a new token.
  page.sessionStorage.setItem(STORAGE_KEY, offered);
  address.searchParams.delete('token');
  page.history.replaceState(page.history.state, '', `${address.pathname}${address.search}${address.hash}`);
  return offered;
}
