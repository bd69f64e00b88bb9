import type { AnchoredAnnotation } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import type { DossierEditor, SaveState } from '../dossier/use-dossier';
import { fillIn } from '../fill-in';
import { useT } from '../i18n';
import { useCall } from '../useCall';
import { DossierExport } from './DossierExport';
import { DossierOutline } from './DossierOutline';
import { DossierPicker } from './DossierPicker';
import { DossierSections } from './DossierSections';
import { DossierVerify } from './DossierVerify';

interface Props {
  client: CasefileClient;
  editor: DossierEditor;
  /** Bumped after every change to the annotations: their quotes and statuses are read again. */
  revision: number;
  /** Shown: only then are the annotations and documents read. */
  active: boolean;
  onShow(annotation: AnchoredAnnotation): void;
}

/** The dossier being built: which one, its cover, outline, sections and quotes, export, and verification. */
export function DossierPanel({ client, editor, revision, active, onShow }: Props) {
  const t = useT().dossier.panel;
  const listed = useCall(client, 'listAnnotations', active ? {} : null, revision);
  const documents = useCall(client, 'listDocuments', active ? {} : null, revision);
  const annotations = listed.value ? new Map(listed.value.map((a) => [a.id, a])) : null;
  const titles = new Map((documents.value ?? []).map((d) => [d.id, d.title]));
  const { current } = editor;

  const jump = (annotationId: string) => {
    const item = document.querySelector<HTMLElement>(`.dossier-panel [data-item="${annotationId}"]`);
    item?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    item?.focus({ preventScroll: true });
  };

  return (
    <div className="dossier-panel">
      <DossierPicker editor={editor} />
      {listed.error && (
        <p className="query-error" role="alert">
          {t.annotationsUnreadable(listed.error)}
        </p>
      )}
      {current ? (
        <>
          <SaveStatus save={editor.save} onRetry={() => void editor.flush()} />
          <details className="fold dossier-cover" open>
            <summary>{t.cover}</summary>
            <div className="cover-fields">
              <label className="cover-title">
                {t.title}
                <input
                  value={current.title}
                  maxLength={300}
                  placeholder={current.name}
                  onChange={(e) => editor.edit({ title: e.target.value }, { typing: true })}
                  onBlur={() => void editor.flush()}
                />
              </label>
              <label>
                {t.author}
                <input
                  value={current.author}
                  maxLength={300}
                  placeholder={t.yourName}
                  onChange={(e) => editor.edit({ author: e.target.value }, { typing: true })}
                  onBlur={() => void editor.flush()}
                />
              </label>
              <label>
                {t.date}
                <input type="date" value={current.date ?? ''} onChange={(e) => editor.edit({ date: e.target.value || null })} />
              </label>
              <label className="cover-introduction">
                {t.introduction}
                <textarea
                  rows={3}
                  value={current.introduction}
                  placeholder={t.introductionPlaceholder}
                  onChange={(e) => editor.edit({ introduction: e.target.value }, { typing: true })}
                  onBlur={() => void editor.flush()}
                />
              </label>
            </div>
          </details>
          <h3 className="dossier-heading">{t.outline}</h3>
          <DossierOutline dossier={current} annotations={annotations} onJump={jump} />
          <h3 className="dossier-heading">{t.sections}</h3>
          <DossierSections dossier={current} editor={editor} annotations={annotations} titles={titles} onShow={onShow} />
          <DossierExport client={client} dossier={current} flush={editor.flush} />
        </>
      ) : (
        editor.dossiers && (
          <p className="empty-hint">
            {fillIn(t.empty, { new: <strong>{t.newButton}</strong>, add: <strong>{t.addButton}</strong>, d: <kbd>d</kbd> })}
          </p>
        )
      )}
      <DossierVerify client={client} titles={titles} />
    </div>
  );
}

/** Whether the user's changes are on disk; a failed save says why and can be tried again. */
function SaveStatus({ save, onRetry }: { save: SaveState; onRetry(): void }) {
  const t = useT().dossier.panel;
  if (save.state === 'error') {
    return (
      <div className="save-status save-error" role="alert">
        {t.notSaved(save.message.replace(/\.$/, ''))}{' '}
        <button type="button" className="link" onClick={onRetry}>
          {t.retry}
        </button>
      </div>
    );
  }
  const text = t.saveState[save.state];
  // Not a live region: announced after every change it would only be noise; a failure is an alert.
  return <p className={`save-status save-${save.state}`}>{text}</p>;
}
