import { useEffect } from 'react';
import { catalogueFor } from '../../../shared/i18n/catalogue';
import { resolveLanguage } from '../../../shared/i18n/language';
import './access.css';

const ADDRESS = 'http://127.0.0.1:PORT/?token=…';

/**
 * What a tab without the web shell's token shows instead of the app (its API would refuse every call).
 * Without the API there are no preferences to read: it speaks the browser's language.
 */
export function AccessTokenMissing() {
  const language = resolveLanguage('system', navigator.languages);
  const t = catalogueFor(language).app.access;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const [before, after] = t.needsToken.split('{address}');
  return (
    <main className="access-missing">
      <h1>{t.heading}</h1>
      <p>
        {before}
        <code>{ADDRESS}</code>
        {after}
      </p>
    </main>
  );
}
