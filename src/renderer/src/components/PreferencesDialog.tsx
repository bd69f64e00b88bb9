import { useEffect, useState } from 'react';
import type { CasefileClient } from '../api/client';
import { FormModal } from './Modal';

/** The author's name, set once: written into every new annotation and shown on its card. */
export function PreferencesDialog({ client, onClose, onSaved }: { client: CasefileClient; onClose(): void; onSaved(): void }) {
  const [author, setAuthor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

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

  return (
    <FormModal title="Preferences" onClose={onClose} onSubmit={() => void save()} submitLabel="Save" error={problem}>
      <label>
        Author name
        <input
          value={author ?? ''}
          maxLength={300}
          placeholder="Your name"
          onChange={(e) => setAuthor(e.target.value)}
          autoFocus
        />
      </label>
      <p className="muted">Recorded in each new annotation (its W3C “creator”) and shown on its card. Existing annotations keep theirs.</p>
    </FormModal>
  );
}
