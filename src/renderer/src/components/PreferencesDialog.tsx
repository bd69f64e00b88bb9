import { useEffect, useId, useState } from 'react';
import { LANGUAGE_CHOICES, type Language, type LanguageChoice } from '../../../shared/i18n/language';
import type { CasefileClient } from '../api/client';
import { useLanguage } from '../i18n';
import { FormModal } from './Modal';

/** Each language by its own name, so that someone who cannot read the one shown finds theirs. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

/**
 * The author's name, set once: written into every new annotation and shown on its card; and the
 * interface's language, which changes (and is saved) as soon as it is chosen, so its effect is seen.
 */
export function PreferencesDialog({ client, onClose, onSaved }: { client: CasefileClient; onClose(): void; onSaved(): void }) {
  const { t: catalogue, choice, choose } = useLanguage();
  const t = catalogue.app.preferences;
  const [author, setAuthor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const noteId = useId();

  useEffect(() => {
    client.call('getPreferences', {}).then(
      // Whatever was typed before the answer came stays.
      (preferences) => setAuthor((typed) => typed ?? preferences.author),
      (error: Error) => setProblem(error.message),
    );
  }, [client]);

  const save = async () => {
    try {
      await client.call('setPreferences', { author: author ?? '' });
      onSaved();
      onClose();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  const chooseLanguage = (next: LanguageChoice) => {
    choose(next).catch((error: Error) => setProblem(error.message));
  };

  return (
    <FormModal title={t.title} onClose={onClose} onSubmit={() => void save()} submitLabel={t.save} error={problem}>
      <label>
        {t.author}
        <input
          value={author ?? ''}
          maxLength={300}
          placeholder={t.authorPlaceholder}
          onChange={(e) => setAuthor(e.target.value)}
          autoFocus
        />
      </label>
      <p className="muted">{t.authorNote}</p>
      <label>
        {t.language}
        <select value={choice} onChange={(e) => chooseLanguage(e.target.value as LanguageChoice)} aria-describedby={noteId}>
          {LANGUAGE_CHOICES.map((option) => (
            <option key={option} value={option} lang={option === 'system' ? undefined : option}>
              {option === 'system' ? t.systemLanguage : LANGUAGE_NAMES[option]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" id={noteId}>
        {t.languageNote}
      </p>
    </FormModal>
  );
}
