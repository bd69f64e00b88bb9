import { useState } from 'react';
import { uniqueName, type DossierEditor } from '../dossier/use-dossier';
import { useT } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { Modal, ModalMessage } from './Modal';

type Dialog = 'new' | 'rename' | 'delete';

/** Which dossier is edited: choose one, make a new one, rename or delete it. */
export function DossierPicker({ editor }: { editor: DossierEditor }) {
  const t = useT().dossier.picker;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { dossiers, current } = editor;
  const close = () => setDialog(null);
  const count = current ? current.sections.reduce((n, s) => n + s.items.length, 0) : 0;

  return (
    <div className="dossier-picker">
      <div className="picker-row">
        <label>
          <span className="picker-label">{t.dossier}</span>
          <select
            value={current?.id ?? ''}
            disabled={!dossiers || dossiers.length === 0}
            onChange={(e) => {
              setProblem(null);
              editor.select(e.target.value).catch((error: Error) => setProblem(error.message));
            }}
          >
            {!current && <option value="">{dossiers === null ? t.loading : t.none}</option>}
            {(dossiers ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setDialog('new')}>
          {t.new}
        </button>
        <button type="button" disabled={!current} onClick={() => setDialog('rename')}>
          {t.rename}
        </button>
        <button type="button" className="danger" disabled={!current} onClick={() => setDialog('delete')}>
          {t.delete}
        </button>
      </div>
      {(problem ?? editor.loadError) && (
        <p className="query-error" role="alert">
          {problem ?? t.unreadable(editor.loadError ?? '')}
        </p>
      )}
      {dialog === 'new' && (
        <NameDialog
          title={t.newTitle}
          initial={uniqueName(dossiers ?? [], t.defaultName)}
          submitLabel={t.create}
          onSubmit={async (name) => void (await editor.create(name))}
          onClose={close}
        />
      )}
      {dialog === 'rename' && current && (
        <NameDialog title={t.renameTitle} initial={current.name} submitLabel={t.renameSubmit} onSubmit={editor.rename} onClose={close} />
      )}
      {dialog === 'delete' && current && (
        <ConfirmDialog title={t.deleteTitle} confirmLabel={t.deleteTitle} onConfirm={editor.remove} onClose={close}>
          <p>{t.deleteQuestion(current.name, current.sections.length, count)}</p>
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
  const t = useT().dossier.picker;
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
          {t.name}
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoFocus onFocus={(e) => e.target.select()} />
        </label>
        <p className="muted field-help">{t.nameHelp}</p>
        <ModalMessage message={problem} error />
        <div className="toolbar-actions">
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
