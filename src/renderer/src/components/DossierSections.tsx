import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { AnchoredAnnotation, Dossier } from '../../../core/api/types';
import { statusLabel } from '../annotations/status';
import {
  moveItem,
  moveToAdjacentSection,
  moveWithinSection,
  newSection,
  numberItems,
  removeItem,
  sectionName,
  setCommentary,
  type Item,
  type Section,
  type Sections,
} from '../dossier/sections';
import type { DossierEditor } from '../dossier/use-dossier';
import { clip, plural } from '../format';
import { ConfirmDialog } from './ConfirmDialog';
import { FileName } from './FileName';
import { Key } from './Key';

interface Props {
  dossier: Dossier;
  editor: Pick<DossierEditor, 'edit' | 'flush' | 'target' | 'setTarget'>;
  /** Every annotation of the archive by id; null until they have been read. */
  annotations: ReadonlyMap<string, AnchoredAnnotation> | null;
  titles: ReadonlyMap<string, string>;
  onShow(annotation: AnchoredAnnotation): void;
}

/** Where a dragged item would land: before or after an item, or at the end of a section. */
type DropPlace = { item: string; after: boolean } | { section: string };

const QUOTE_SHOWN = 160;
const KEY_HELP_ID = 'dossier-item-keys';

/** A heading is one line: line breaks pasted into it become spaces. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}

/** The dossier's sections and their quotes: headings, commentary, order (drag and drop or keyboard), removal. */
export function DossierSections({ dossier, editor, annotations, titles, onShow }: Props) {
  const { sections } = dossier;
  const numbers = numberItems(sections);
  const [removing, setRemoving] = useState<Section | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusAfter, setFocusAfter] = useState<{ id: string } | null>(null);
  const [drop, setDrop] = useState<DropPlace | null>(null);
  const dragged = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // A moved item is a new element (or one the browser took the focus from): the focus follows it.
  useEffect(() => {
    if (focusAfter) root.current?.querySelector<HTMLElement>(`[data-item="${focusAfter.id}"]`)?.focus();
  }, [focusAfter]);

  const change = (next: Sections) => editor.edit({ sections: next });
  const typing = (next: Sections) => editor.edit({ sections: next }, { typing: true });

  const moved = (next: Sections, id: string) => {
    change(next);
    setFocusAfter({ id });
    const index = next.findIndex((s) => s.items.some((i) => i.annotationId === id));
    setAnnouncement(`Now quote ${numberItems(next).get(id)}, in ${sectionName(next[index], index)}.`);
  };

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      // Not the app's Delete (it deletes the focused annotation): here it would surprise.
      event.preventDefault();
      return;
    }
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const delta = event.key === 'ArrowUp' ? -1 : 1;
    const next = event.shiftKey ? moveToAdjacentSection(sections, id, delta) : moveWithinSection(sections, id, delta);
    if (next) moved(next, id);
    else setAnnouncement(event.shiftKey ? `There is no section ${delta < 0 ? 'before' : 'after'} this one.` : `Already ${delta < 0 ? 'first' : 'last'} in its section.`);
  };

  const dragOver = (event: DragEvent, place: DropPlace) => {
    if (dragged.current === null) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    setDrop((previous) => (JSON.stringify(previous) === JSON.stringify(place) ? previous : place));
  };
  const dropOn = (event: DragEvent, section: Section) => {
    const id = dragged.current;
    if (id === null || drop === null) return;
    event.preventDefault();
    event.stopPropagation();
    let before: string | null = null;
    if ('item' in drop) {
      const at = section.items.findIndex((i) => i.annotationId === drop.item);
      before = drop.after ? (section.items.slice(at + 1).find((i) => i.annotationId !== id)?.annotationId ?? null) : drop.item;
    }
    const next = moveItem(sections, id, section.id, before);
    endDrag();
    if (next !== sections) moved(next, id);
  };
  const endDrag = () => {
    dragged.current = null;
    setDrop(null);
  };

  const removeSection = (section: Section) => change(sections.filter((s) => s.id !== section.id));

  return (
    <div className="dossier-sections" ref={root}>
      <p id={KEY_HELP_ID} className="field-help muted">
        Drag a quote by its handle, or focus it and press <kbd>Alt</kbd>+<Key>↑</Key>/<Key>↓</Key> to move it;{' '}
        <kbd>Alt</kbd>+<kbd>Shift</kbd>+<Key>↑</Key>/<Key>↓</Key> moves it to the section before or after. In the reader, <kbd>d</kbd> adds the
        focused highlight.
      </p>
      {sections.map((section, index) => (
        <section key={section.id} className="dossier-section" aria-label={sectionName(section, index)}>
          <div className="section-head">
            {/* A box that wraps and grows, so a long heading is read whole; still one line of text. */}
            <textarea
              className="section-heading"
              rows={1}
              aria-label={`Heading of section ${index + 1}`}
              placeholder={`Section ${index + 1} (untitled)`}
              value={section.heading}
              maxLength={300}
              onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
              onChange={(e) => typing(sections.map((s) => (s.id === section.id ? { ...s, heading: oneLine(e.target.value) } : s)))}
              onBlur={() => void editor.flush()}
            />
            <label className="add-here" title="“Add to dossier” and d put quotes at the end of this section">
              <input type="radio" name="dossier-target" checked={editor.target === section.id} onChange={() => editor.setTarget(section.id)} />
              New quotes go here
            </label>
            <button
              type="button"
              className="link danger"
              disabled={sections.length === 1}
              title={sections.length === 1 ? 'A dossier keeps at least one section' : undefined}
              onClick={() => (section.items.length > 0 ? setRemoving(section) : removeSection(section))}
            >
              Remove section
            </button>
          </div>
          <ol
            className={`dossier-items${drop && 'section' in drop && drop.section === section.id ? ' drop-end' : ''}`}
            onDragOver={(e) => dragOver(e, { section: section.id })}
            onDrop={(e) => dropOn(e, section)}
          >
            {section.items.map((item) => (
              <DossierItem
                key={item.annotationId}
                item={item}
                number={numbers.get(item.annotationId) ?? 0}
                section={section}
                sections={sections}
                annotation={annotations?.get(item.annotationId)}
                loading={annotations === null}
                titles={titles}
                drop={drop && 'item' in drop && drop.item === item.annotationId ? (drop.after ? 'after' : 'before') : null}
                onShow={onShow}
                onKeyDown={(e) => onItemKeyDown(e, item.annotationId)}
                onDragStart={(e) => {
                  dragged.current = item.annotationId;
                  e.dataTransfer?.setData('text/plain', item.annotationId);
                  if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                  const card = (e.currentTarget as HTMLElement).closest('li');
                  if (card) e.dataTransfer?.setDragImage(card, 16, 16);
                }}
                onDragEnd={endDrag}
                onDragOver={(e) => {
                  const box = e.currentTarget.getBoundingClientRect();
                  dragOver(e, { item: item.annotationId, after: e.clientY > box.top + box.height / 2 });
                }}
                onDrop={(e) => dropOn(e, section)}
                onCommentary={(text) => typing(setCommentary(sections, item.annotationId, text))}
                onCommentaryDone={() => void editor.flush()}
                onMove={(sectionId) => {
                  const next = moveItem(sections, item.annotationId, sectionId, null);
                  if (next !== sections) moved(next, item.annotationId);
                }}
                onRemove={() => {
                  change(removeItem(sections, item.annotationId));
                  setAnnouncement(`Quote ${numbers.get(item.annotationId)} removed from the dossier.`);
                }}
              />
            ))}
            {section.items.length === 0 && <li className="drop-hint">No quotes yet: use “Add to dossier” on an annotation, or drag one here.</li>}
          </ol>
        </section>
      ))}
      <button type="button" onClick={() => change([...sections, newSection()])}>
        Add section
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {removing && (
        <ConfirmDialog title="Remove section" confirmLabel="Remove section" onConfirm={() => removeSection(removing)} onClose={() => setRemoving(null)}>
          <p>
            Remove “{sectionName(removing, sections.indexOf(removing))}” and the {plural(removing.items.length, 'quote')} in it, with their commentary?
            The annotations themselves are kept.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

interface ItemProps {
  item: Item;
  number: number;
  section: Section;
  sections: Sections;
  /** Undefined: deleted (or not read yet, while `loading`). */
  annotation: AnchoredAnnotation | undefined;
  loading: boolean;
  titles: ReadonlyMap<string, string>;
  drop: 'before' | 'after' | null;
  onShow(annotation: AnchoredAnnotation): void;
  onKeyDown(event: KeyboardEvent<HTMLLIElement>): void;
  onDragStart(event: DragEvent): void;
  onDragEnd(): void;
  onDragOver(event: DragEvent<HTMLLIElement>): void;
  onDrop(event: DragEvent): void;
  onCommentary(text: string): void;
  onCommentaryDone(): void;
  onMove(sectionId: string): void;
  onRemove(): void;
}

function DossierItem({ item, number, section, sections, annotation, loading, titles, drop, ...handlers }: ItemProps) {
  const quote = annotation?.target.quote.exact;
  const classes = ['dossier-item', `hl-border-${annotation?.color ?? 'yellow'}`, !annotation && !loading && 'item-deleted', drop && `drop-${drop}`];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-item={item.annotationId}
      tabIndex={0}
      aria-label={`Quote ${number}: ${quote ? clip(quote, 80) : 'deleted annotation'}`}
      aria-describedby={KEY_HELP_ID}
      onKeyDown={handlers.onKeyDown}
      onDragOver={handlers.onDragOver}
      onDrop={handlers.onDrop}
    >
      <div className="item-head">
        <span className="drag-handle" draggable title="Drag to move" aria-hidden="true" onDragStart={handlers.onDragStart} onDragEnd={handlers.onDragEnd}>
          ⠿
        </span>
        <span className="item-number">{number}</span>
        {annotation ? (
          <button type="button" className="item-quote" title="Show in the article" onClick={() => handlers.onShow(annotation)}>
            “{clip(annotation.target.quote.exact, QUOTE_SHOWN)}”
          </button>
        ) : (
          <span className="item-quote muted">{loading ? 'Reading the annotation…' : 'This annotation was deleted.'}</span>
        )}
      </div>
      <p className="item-source">
        {annotation && <span className="item-document">{titles.get(annotation.target.docId) ?? <FileName name={annotation.target.docId} />}</span>}
        <ItemStatus annotation={annotation} loading={loading} />
      </p>
      <label className="item-commentary">
        <span>Commentary for this dossier</span>
        <textarea
          rows={1}
          value={item.commentary}
          placeholder={annotation?.note ? `The note is printed too: “${clip(annotation.note, 60)}”` : 'Optional'}
          onChange={(e) => handlers.onCommentary(e.target.value)}
          onBlur={handlers.onCommentaryDone}
        />
      </label>
      <div className="item-actions">
        {/* The closed menu shows a short prompt, never a heading cut off; the list names each other section whole. */}
        <label>
          Move to
          <select
            value=""
            disabled={sections.length === 1}
            title={sections.length === 1 ? 'Add a section to move quotes to it' : undefined}
            onChange={(e) => e.target.value && handlers.onMove(e.target.value)}
          >
            <option value="" disabled>
              another section…
            </option>
            {sections.map((s, i) =>
              s.id === section.id ? null : (
                <option key={s.id} value={s.id}>
                  {`${i + 1}. ${s.heading.trim() || 'Untitled section'}`}
                </option>
              ),
            )}
          </select>
        </label>
        <button type="button" className="link danger" onClick={handlers.onRemove}>
          Remove from dossier
        </button>
      </div>
    </li>
  );
}

/** What the export will do with a quote whose source changed, in words; nothing for an anchored one. */
function ItemStatus({ annotation, loading }: { annotation: AnchoredAnnotation | undefined; loading: boolean }) {
  if (loading) return null;
  if (!annotation) {
    return (
      <span className="status status-orphaned">
        <span className="status-label">deleted</span> Left out of exports; remove it (or undo the deletion) so the dossier can be saved.
      </span>
    );
  }
  if (annotation.status === 'anchored') return null;
  const text = {
    moved: 'Found unchanged at a new place in the changed source.',
    fuzzy: 'The source changed here: review it in Annotations. Exported without offsets until then.',
    orphaned: 'No longer in the source: exported with its recorded words, without offsets.',
  }[annotation.status];
  return (
    <span className={`status status-${annotation.status}`}>
      <span className="status-label">{statusLabel(annotation.status)}</span> {text}
    </span>
  );
}
