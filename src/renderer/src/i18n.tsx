import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogueFor, type Catalogue } from '../../shared/i18n/catalogue';
import { resolveLanguage, type Language, type LanguageChoice } from '../../shared/i18n/language';
import type { CasefileClient } from './api/client';

interface LanguageState {
  /** The language shown. */
  language: Language;
  /** What the user chose (a language, or the system's). */
  choice: LanguageChoice;
  t: Catalogue;
  /** Saves a new choice in the preferences and shows it at once. */
  choose(choice: LanguageChoice): Promise<void>;
}

const systemLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages);

const LanguageContext = createContext<LanguageState>({ language: 'en', choice: 'system', t: catalogueFor('en'), choose: async () => undefined });

/**
 * The interface's language for everything below it: the user's choice from the preferences, else
 * the browser's (or Electron's) languages. The page's `lang` follows, so screen readers speak it right.
 */
export function LanguageProvider({ client, children }: { client: CasefileClient; children: ReactNode }) {
  const [choice, setChoice] = useState<LanguageChoice>('system');
  useEffect(() => {
    let current = true;
    client.call('getPreferences', {}).then(
      (preferences) => current && setChoice(preferences.language),
      () => undefined, // the default (the system's language) stands; the app shows the store problem elsewhere
    );
    return () => {
      current = false;
    };
  }, [client]);
  const language = resolveLanguage(choice, systemLanguages());
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = useCallback(
    async (next: LanguageChoice) => {
      await client.call('setPreferences', { language: next });
      setChoice(next);
    },
    [client],
  );
  const state = useMemo(() => ({ language, choice, t: catalogueFor(language), choose }), [language, choice, choose]);
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}

/** A fixed language for what is below it (tests, and previews of another language). */
export function InLanguage({ language, children }: { language: Language; children: ReactNode }) {
  const state = useMemo(() => ({ language, choice: language, t: catalogueFor(language), choose: async () => undefined }), [language]);
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}

/** The strings of the interface in the language shown. */
export function useT(): Catalogue {
  return useContext(LanguageContext).t;
}

/** The language shown, what the user chose, and the way to choose another. */
export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}
