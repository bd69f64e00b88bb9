import { useState } from 'react';
import { uniqueName, type DossierEditor } from '../dossier/use-dossier';
import { plural } from '../format';
import { ConfirmDialog } from './ConfirmDialog';
import { Modal, ModalMessage } from './Modal';

type Dialog = 'new' | 'rename' | 'delete';

/** Which dossier is edited: choose one, make a new one, rename or delete it. */
export function DossierPicker({ editor }: { editor: DossierEditor }) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { dossiers, current } = editor;
  const close = () => setDialog(null);
  const count = current ? current.sections.reduce((n, s) => n + s.items.length, 0) : 0;

  return (
    <div className="dossier-picker">
      <div className="picker-row">
        <label>
          <span className="picker-label">Dossier</span>
          <select
            value={current?.id ?? ''}
            disabled={!dossiers || dossiers.length === 0}
            onChange={(e) => {
              setProblem(null);
              editor.select(e.target.value).catch((error: Error) => setProblem(error.message));
            }}
          >
            {!current && <option value="">{dossiers === null ? 'Loading…' : 'No dossier yet'}</option>}
            {(dossiers ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setDialog('new')}>
          New…
        </button>
        <button type="button" disabled={!current} onClick={() => setDialog('rename')}>
          Rename…
        </button>
        <button type="button" className="danger" disabled={!current} onClick={() => setDialog('delete')}>
          Delete…
        </button>
      </div>
      {(problem ?? editor.loadError) && (
        <p className="query-error" role="alert">
          {problem ?? `The dossiers could not be read: ${editor.loadError}`}
        </p>
      )}
      {dialog === 'new' && (
        <NameDialog
          title="New dossier"
          initial={uniqueName(dossiers ?? [])}
          submitLabel="Create"
          onSubmit={async (name) => void (await editor.create(name))}
          onClose={close}
        />
      )}
      {dialog === 'rename' && current && (
        <NameDialog title="Rename dossier" initial={current.name} submitLabel="Rename" onSubmit={editor.rename} onClose={close} />
      )}
      {dialog === 'delete' && current && (
        <ConfirmDialog title="Delete dossier" confirmLabel="Delete dossier" onConfirm={editor.remove} onClose={close}>
          <p>
            Delete “{current.name}” and its {plural(current.sections.length, 'section')} ({plural(count, 'quote')})? The annotations themselves
            are kept; files already exported are not touched. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function NameDialog({
  title,
  initial,
  submitLabel,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: string;
  submitLabel: string;
  onSubmit(name: string): Promise<void>;
  onClose(): void;
}) {
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Modal title={title} onClose={onClose}>
      <form
        className="modal-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(name.trim()).then(onClose, (error: Error) => setProblem(error.message));
        }}
      >
        <label>
          Name
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoFocus onFocus={(e) => e.target.select()} />
        </label>
        <p className="muted field-help">Names tell dossiers apart here and in the command line (export --dossier NAME).</p>
        <ModalMessage message={problem} error />
        <div className="toolbar-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
