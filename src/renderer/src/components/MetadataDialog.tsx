import { useEffect, useState } from 'react';
import type { ArgsOf, DocumentSummary, ResultOf } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import { FileName } from './FileName';
import { useT } from '../i18n';
import { FormModal } from './Modal';

type Edit = Omit<ArgsOf<'setDocumentMetadata'>, 'id'>;
type Field = keyof Edit;

/** The form's fields in order; their labels are the catalogue's (reader.metadata.fields). */
const FIELDS: ReadonlyArray<{ field: Field; type: 'text' | 'date'; maxLength: number; placeholder?: string }> = [
  { field: 'title', type: 'text', maxLength: 500 },
  { field: 'byline', type: 'text', maxLength: 300 },
  { field: 'publisher', type: 'text', maxLength: 300 },
  { field: 'url', type: 'text', maxLength: 2_000, placeholder: 'https://…' },
  // The two dates side by side.
  { field: 'date', type: 'date', maxLength: 10 },
  { field: 'retrieved', type: 'date', maxLength: 10 },
  { field: 'language', type: 'text', maxLength: 20, placeholder: 'en, ru, kk…' },
];

/** The document's metadata as the form shows it: dates as YYYY-MM-DD, nothing as ''. */
export function metadataValues(doc: DocumentSummary): Record<Field, string> {
  return {
    title: doc.title,
    byline: doc.byline ?? '',
    date: doc.date?.iso ?? '',
    publisher: doc.publisher ?? '',
    url: doc.url ?? '',
    retrieved: doc.retrieved?.iso ?? '',
    language: doc.language ?? '',
  };
}

/** Only the fields the user changed; an emptied one is sent as '' (which clears the correction). */
export function changedFields(initial: Record<Field, string>, values: Record<Field, string>): Edit {
  const changes: Edit = {};
  for (const { field } of FIELDS) {
    const value = values[field].trim();
    if (value !== initial[field].trim()) changes[field] = value;
  }
  return changes;
}

interface Props {
  client: CasefileClient;
  document: DocumentSummary;
  onClose(): void;
  onSaved(summary: ResultOf<'setDocumentMetadata'>): void;
}

/**
 * Corrects a document's title, byline, dates, publisher, URL and language. The corrections go to
 * Casefile's data folder; the source file is never written.
 */
export function MetadataDialog({ client, document, onClose, onSaved }: Props) {
  const t = useT().reader.metadata;
  const [initial] = useState(() => metadataValues(document));
  const [values, setValues] = useState(initial);
  /** The fields the user corrected before (their file's own value is hidden by the correction). */
  const [corrected, setCorrected] = useState<ReadonlySet<Field>>(new Set());
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  useEffect(() => {
    let current = true;
    client.call('getDocumentMetadata', { id: document.id }).then(
      (edit) => current && setCorrected(new Set(Object.keys(edit) as Field[])),
      () => undefined, // the form works without knowing which fields were corrected
    );
    return () => {
      current = false;
    };
  }, [client, document.id]);

  const save = async () => {
    const changes = changedFields(initial, values);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    setState({ busy: true, error: null });
    try {
      onSaved(await client.call('setDocumentMetadata', { id: document.id, ...changes }));
      onClose();
    } catch (error) {
      setState({ busy: false, error: (error as Error).message });
    }
  };

  return (
    <FormModal
      title={t.title}
      onClose={onClose}
      onSubmit={() => void save()}
      submitLabel={t.submit}
      error={state.error}
      busy={state.busy}
      className="metadata-form"
    >
      <p className="muted metadata-about">
        {t.about(
          <strong key="file">
            <FileName name={document.id} />
          </strong>,
        )}
      </p>
      {FIELDS.map(({ field, type, maxLength, placeholder }) => (
        <label key={field} className={`metadata-${field}`}>
          <span>
            {t.fields[field]}
            {corrected.has(field) && <span className="corrected-mark">{t.corrected}</span>}
          </span>
          <input
            type={type}
            value={values[field]}
            maxLength={maxLength}
            placeholder={corrected.has(field) ? t.fileValue : placeholder}
            autoFocus={field === 'title'}
            spellCheck={field === 'title' || field === 'byline' || field === 'publisher'}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          />
        </label>
      ))}
    </FormModal>
  );
}
