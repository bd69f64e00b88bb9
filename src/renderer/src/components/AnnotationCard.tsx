import { useState } from 'react';
import type { AnchoredAnnotation, HighlightColor } from '../../../core/api/types';
import { diffWords, type DiffPart } from '../annotations/word-diff';
import { clip } from '../format';
import { useT } from '../i18n';
import { DraftEditor, type FieldRequest } from './DraftEditor';
import type { TagCounts } from './TagInput';

/** What can be done to an annotation from its card; the App carries it out and refreshes every view. */
export interface AnnotationActions {
  /** Scrolls the reader to it (opening its document first if needed) and marks it briefly. */
  show(annotation: AnchoredAnnotation): void;
  /** Makes it the focused annotation (the one Delete removes) without scrolling the reader. */
  focus(id: string): void;
  update(changes: { id: string; note?: string; tags?: string[]; color?: HighlightColor }): Promise<void>;
  remove(id: string): Promise<void>;
  accept(id: string): Promise<void>;
  detach(id: string): Promise<void>;
  /** Puts its link (`casefile://annotation/<id>`) on the clipboard. */
  copyLink(id: string): void;
}

/** A request (the `n` or `t` key on a focused highlight) to edit one annotation's note or tags. */
export interface EditRequest extends FieldRequest {
  id: string;
}

/** Where "Add to dossier" puts an annotation, and what is in it already. */
export interface DossierTarget {
  /** The dossier, in words: “Name” (or what adding will create). */
  name: string;
  /** The dossier and section, in words: “Name” › Section. */
  where: string;
  has(annotationId: string): boolean;
  add(annotationId: string): void;
}

interface Props {
  annotation: AnchoredAnnotation;
  focused: boolean;
  /** The document's title, on cards listed apart from their document (the orphaned section of all annotations). */
  documentTitle?: string;
  /** The document is no longer in the archive (known only when the list of documents is at hand). */
  documentMissing?: boolean;
  knownTags: TagCounts;
  actions: AnnotationActions;
  /** Absent: no "Add to dossier" button. */
  dossier?: DossierTarget;
  /** Opens the editor at the note or tags when it names this annotation. */
  editRequest?: EditRequest | null;
}

const QUOTE_SHOWN = 220;

export function AnnotationCard({ annotation, focused, documentTitle, documentMissing = false, knownTags, actions, dossier, editRequest = null }: Props) {
  const strings = useT().annotations;
  const t = strings.card;
  const [editingByButton, setEditingByButton] = useState(false);
  /** The last key request this card has closed its editor on (a new one opens it again). */
  const [closedRequest, setClosedRequest] = useState<number | null>(null);
  const request = editRequest?.id === annotation.id && editRequest.serial !== closedRequest ? editRequest : null;
  const editing = editingByButton || request !== null;
  const stopEditing = () => {
    setEditingByButton(false);
    if (request) setClosedRequest(request.serial);
  };
  const quote = annotation.target.quote.exact;
  const fuzzy = annotation.status === 'fuzzy' && annotation.currentText !== null;

  return (
    <li
      className={`annotation-card hl-border-${annotation.color} card-${annotation.status}${focused ? ' focused' : ''}`}
      data-annotation-card={annotation.id}
      aria-current={focused ? 'true' : undefined}
      // Tabbing into a card focuses its annotation too, so Delete works from the keyboard alone.
      onFocus={() => actions.focus(annotation.id)}
    >
      {documentTitle && <p className="card-document">{documentTitle}</p>}
      <StatusLine annotation={annotation} documentMissing={documentMissing} />
      {fuzzy ? (
        <ReviewCompare before={quote} after={annotation.currentText ?? ''} />
      ) : (
        <button
          type="button"
          className="card-quote"
          onClick={() => actions.show(annotation)}
          title={annotation.status === 'orphaned' ? t.originalQuoteTitle : t.showInArticle}
        >
          “{clip(quote, QUOTE_SHOWN)}”
        </button>
      )}
      {fuzzy && (
        <div className="review-actions">
          <button
            type="button"
            className="primary"
            onClick={() => void actions.accept(annotation.id)}
            title={t.acceptTitle}
          >
            {t.accept}
          </button>
          <button type="button" onClick={() => void actions.detach(annotation.id)} title={t.detachTitle}>
            {t.detach}
          </button>
          <button type="button" className="link" onClick={() => actions.show(annotation)}>
            {t.showInArticle}
          </button>
        </div>
      )}
      {editing ? (
        <CardEditor annotation={annotation} knownTags={knownTags} focus={request} onDone={stopEditing} onSave={actions.update} />
      ) : (
        <>
          {annotation.note && <p className="card-note">{annotation.note}</p>}
          {annotation.tags.length > 0 && (
            <p className="card-tags">
              {annotation.tags.map((tag) => (
                <span className="tag" key={tag}>
                  {tag}
                </span>
              ))}
            </p>
          )}
          {annotation.author && <p className="card-author">{t.by(annotation.author)}</p>}
          <div className="card-actions">
            {/* The colour in words: the bar's colour and line are not the only sign of it. */}
            <span className="card-color">{strings.colors[annotation.color]}</span>
            <button type="button" className="link" onClick={() => setEditingByButton(true)}>
              {t.edit}
            </button>
            <button type="button" className="link" title={t.copyLinkTitle} onClick={() => actions.copyLink(annotation.id)}>
              {t.copyLink}
            </button>
            {/* No confirmation: a deletion is undone from the message it leaves, or with Ctrl+Z. */}
            <button type="button" className="link danger" onClick={() => void actions.remove(annotation.id)}>
              {t.delete}
            </button>
            {dossier &&
              (dossier.has(annotation.id) ? (
                <span className="in-dossier" title={t.alreadyIn(dossier.name)}>
                  {t.inDossier}
                </span>
              ) : (
                <button type="button" className="link add-to-dossier" title={t.addTitle(dossier.where)} onClick={() => dossier.add(annotation.id)}>
                  {t.addToDossier}
                </button>
              ))}
          </div>
        </>
      )}
    </li>
  );
}

/** The status in words (never by colour alone): a label, then what it means. Nothing for an anchored one. */
function StatusLine({ annotation, documentMissing }: { annotation: AnchoredAnnotation; documentMissing: boolean }) {
  const strings = useT().annotations;
  const { status } = annotation;
  if (status === 'anchored') return null;
  const label = strings.status[status];
  const explain = strings.card.explain;
  const explanation = {
    moved: explain.moved,
    fuzzy: explain.fuzzy,
    orphaned: annotation.detached ? explain.detached : documentMissing ? explain.documentMissing : explain.orphaned,
  }[status];
  return (
    <p className={`status status-${status}`}>
      <span className="status-label">{label}</span> <span className="status-text">{explanation}</span>
    </p>
  );
}

/** The original quote and the proposed new text side by side, the differing words marked. */
function ReviewCompare({ before, after }: { before: string; after: string }) {
  const t = useT().annotations.card;
  const diff = diffWords(before, after);
  return (
    <div className="review-compare">
      <CompareSide caption={t.was} className="review-before" parts={diff.before} mark="del" />
      <CompareSide caption={t.now} className="review-after" parts={diff.after} mark="ins" />
    </div>
  );
}

function CompareSide({ caption, className, parts, mark: Mark }: { caption: string; className: string; parts: DiffPart[]; mark: 'del' | 'ins' }) {
  return (
    <figure>
      <figcaption>{caption}</figcaption>
      <blockquote className={className}>
        {parts.map((part, i) => (part.changed ? <Mark key={i}>{part.text}</Mark> : <span key={i}>{part.text}</span>))}
      </blockquote>
    </figure>
  );
}

function CardEditor({
  annotation,
  knownTags,
  focus,
  onDone,
  onSave,
}: {
  annotation: AnchoredAnnotation;
  knownTags: TagCounts;
  focus: FieldRequest | null;
  onDone(): void;
  onSave: AnnotationActions['update'];
}) {
  const t = useT().annotations.card;
  return (
    <div className="card-edit">
      <DraftEditor
        initial={annotation}
        knownTags={knownTags}
        noteLabel={t.editNote}
        tagsLabel={t.editTags}
        noteRows={4}
        focus={focus}
        saveLabel={t.save}
        onSave={async (draft) => {
          await onSave({ id: annotation.id, ...draft });
          onDone();
        }}
        onCancel={onDone}
      />
    </div>
  );
}
