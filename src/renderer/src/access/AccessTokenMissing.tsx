import './access.css';

/** What a tab without the web shell's token shows instead of the app (its API would refuse every call). */
export function AccessTokenMissing() {
  return (
    <main className="access-missing">
      <h1>Open the address Casefile printed</h1>
      <p>
        This page needs the access token that the web shell printed when it started, in an address like{' '}
        <code>http://127.0.0.1:PORT/?token=…</code>. Open that address in this tab; the tab keeps the token until it is closed.
      </p>
    </main>
  );
}
