import { useState } from 'react';
import type { AnchoredAnnotation, HighlightColor } from '../../../core/api/types';
import { statusLabel } from '../annotations/status';
import { diffWords, type DiffPart } from '../annotations/word-diff';
import { clip } from '../format';
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
          title={annotation.status === 'orphaned' ? 'The original quote; it is not drawn in the text' : 'Show in the article'}
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
            title="Attach the highlight, its note and tags to the new text"
          >
            Accept
          </button>
          <button type="button" onClick={() => void actions.detach(annotation.id)} title="Keep it with its original quote, not drawn in the text">
            Detach
          </button>
          <button type="button" className="link" onClick={() => actions.show(annotation)}>
            Show in the article
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
          {annotation.author && <p className="card-author">by {annotation.author}</p>}
          <div className="card-actions">
            {/* The colour in words: the bar's colour and line are not the only sign of it. */}
            <span className="card-color">{annotation.color}</span>
            <button type="button" className="link" onClick={() => setEditingByButton(true)}>
              Edit
            </button>
            <button type="button" className="link" title="A casefile:// link that opens Casefile at this highlight (key: l)" onClick={() => actions.copyLink(annotation.id)}>
              Copy link
            </button>
            {/* No confirmation: a deletion is undone from the message it leaves, or with Ctrl+Z. */}
            <button type="button" className="link danger" onClick={() => void actions.remove(annotation.id)}>
              Delete
            </button>
            {dossier &&
              (dossier.has(annotation.id) ? (
                <span className="in-dossier" title={`Already in ${dossier.name}`}>
                  ✓ In dossier
                </span>
              ) : (
                <button type="button" className="link add-to-dossier" title={`Add to ${dossier.where} (key: d)`} onClick={() => dossier.add(annotation.id)}>
                  Add to dossier
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
  const { status } = annotation;
  if (status === 'anchored') return null;
  const label = statusLabel(status);
  const explanation = {
    moved: 'The source changed; the quote was found, unchanged, at a new place.',
    fuzzy: 'The source changed. Compare the text it was made on with the text there now.',
    orphaned: annotation.detached
      ? 'Detached from the changed source; kept with its original quote.'
      : documentMissing
        ? 'The document is no longer in the archive.'
        : 'The quote is no longer in the source; kept with its original words.',
  }[status];
  return (
    <p className={`status status-${status}`}>
      <span className="status-label">{label}</span> <span className="status-text">{explanation}</span>
    </p>
  );
}

/** The original quote and the proposed new text side by side, the differing words marked. */
function ReviewCompare({ before, after }: { before: string; after: string }) {
  const diff = diffWords(before, after);
  return (
    <div className="review-compare">
      <CompareSide caption="Was" className="review-before" parts={diff.before} mark="del" />
      <CompareSide caption="Now" className="review-after" parts={diff.after} mark="ins" />
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
  return (
    <div className="card-edit">
      <DraftEditor
        initial={annotation}
        knownTags={knownTags}
        noteLabel="Edit note"
        tagsLabel="Edit tags"
        noteRows={4}
        focus={focus}
        saveLabel="Save"
        onSave={async (draft) => {
          await onSave({ id: annotation.id, ...draft });
          onDone();
        }}
        onCancel={onDone}
      />
    </div>
  );
}
