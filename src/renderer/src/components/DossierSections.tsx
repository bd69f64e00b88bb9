import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { AnchoredAnnotation, Dossier } from '../../../core/api/types';
import {
  moveItem,
  moveToAdjacentSection,
  moveWithinSection,
  newSection,
  numberItems,
  quotesOf,
  removeItem,
  sectionName,
  setCommentary,
  type Item,
  type Section,
  type Sections,
} from '../dossier/sections';
import type { DossierEditor } from '../dossier/use-dossier';
import { fillIn } from '../fill-in';
import { clip } from '../format';
import { useT } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { DossierClaimsTable } from './DossierClaimsTable';
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
  const catalogue = useT().dossier;
  const t = catalogue.sections;
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
    setAnnouncement(t.nowQuote(numberItems(next).get(id) ?? 0, sectionName(next[index], index, t.untitled)));
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
    else if (event.shiftKey) setAnnouncement(delta < 0 ? t.noSectionBefore : t.noSectionAfter);
    else setAnnouncement(delta < 0 ? t.alreadyFirst : t.alreadyLast);
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
        {fillIn(t.keyHelp, { alt: <kbd>Alt</kbd>, shift: <kbd>Shift</kbd>, up: <Key>↑</Key>, down: <Key>↓</Key>, d: <kbd>d</kbd> })}
      </p>
      {sections.map((section, index) => (
        <section key={section.id} className="dossier-section" aria-label={sectionName(section, index, t.untitled)}>
          <div className="section-head">
            {/* A box that wraps and grows, so a long heading is read whole; still one line of text. */}
            <textarea
              className="section-heading"
              rows={1}
              aria-label={t.headingLabel(index + 1)}
              placeholder={t.untitled(index + 1)}
              value={section.heading}
              maxLength={300}
              onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
              onChange={(e) => typing(sections.map((s) => (s.id === section.id ? { ...s, heading: oneLine(e.target.value) } : s)))}
              onBlur={() => void editor.flush()}
            />
            <label className="add-here" title={t.addHereTitle}>
              <input type="radio" name="dossier-target" checked={editor.target === section.id} onChange={() => editor.setTarget(section.id)} />
              {t.addHere}
            </label>
            <button
              type="button"
              className="link danger"
              disabled={sections.length === 1}
              title={sections.length === 1 ? t.keepOne : undefined}
              onClick={() => (section.items.length > 0 ? setRemoving(section) : removeSection(section))}
            >
              {t.remove}
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
                  const first = numbers.get(item.annotationId) ?? 0;
                  change(removeItem(sections, item.annotationId));
                  setAnnouncement(item.claims ? catalogue.claims.removed(catalogue.claims.numbers(first, first + quotesOf(item) - 1)) : t.removed(first));
                }}
              />
            ))}
            {section.items.length === 0 && <li className="drop-hint">{t.noQuotes}</li>}
          </ol>
        </section>
      ))}
      <button type="button" onClick={() => change([...sections, newSection()])}>
        {t.add}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {removing && (
        <ConfirmDialog title={t.remove} confirmLabel={t.remove} onConfirm={() => removeSection(removing)} onClose={() => setRemoving(null)}>
          <p>{t.removeQuestion(sectionName(removing, sections.indexOf(removing), t.untitled), removing.items.length)}</p>
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
  const catalogue = useT();
  const t = catalogue.dossier.item;
  const table = item.claims;
  const quote = annotation?.target.quote.exact;
  const classes = [
    'dossier-item',
    table ? 'claims-item' : `hl-border-${annotation?.color ?? 'yellow'}`,
    !table && !annotation && !loading && 'item-deleted',
    drop && `drop-${drop}`,
  ];
  const tableNumbers = table ? catalogue.dossier.claims.numbers(number, number + table.rows.length - 1) : '';
  const measure = table ? catalogue.figures.measures[table.measure] : '';
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-item={item.annotationId}
      tabIndex={0}
      aria-label={table ? catalogue.dossier.claims.label(tableNumbers, measure) : t.label(number, quote ? clip(quote, 80) : null)}
      aria-describedby={KEY_HELP_ID}
      onKeyDown={handlers.onKeyDown}
      onDragOver={handlers.onDragOver}
      onDrop={handlers.onDrop}
    >
      <div className="item-head">
        <span className="drag-handle" draggable title={t.dragTitle} aria-hidden="true" onDragStart={handlers.onDragStart} onDragEnd={handlers.onDragEnd}>
          ⠿
        </span>
        <span className="item-number">{table ? tableNumbers : number}</span>
        {table ? (
          <span className="item-quote">{catalogue.dossier.claims.caption(measure)}</span>
        ) : annotation ? (
          <button type="button" className="item-quote" title={t.showInArticle} onClick={() => handlers.onShow(annotation)}>
            “{clip(annotation.target.quote.exact, QUOTE_SHOWN)}”
          </button>
        ) : (
          <span className="item-quote muted">{loading ? t.reading : t.deleted}</span>
        )}
      </div>
      {table ? (
        <DossierClaimsTable table={table} first={number} />
      ) : (
        <>
          <p className="item-source">
            {annotation && <span className="item-document">{titles.get(annotation.target.docId) ?? <FileName name={annotation.target.docId} />}</span>}
            <ItemStatus annotation={annotation} loading={loading} />
          </p>
          <label className="item-commentary">
            <span>{t.commentary}</span>
            <textarea
              rows={1}
              value={item.commentary}
              placeholder={annotation?.note ? t.notePrinted(clip(annotation.note, 60)) : t.optional}
              onChange={(e) => handlers.onCommentary(e.target.value)}
              onBlur={handlers.onCommentaryDone}
            />
          </label>
        </>
      )}
      <div className="item-actions">
        {/* The closed menu shows a short prompt, never a heading cut off; the list names each other section whole. */}
        <label>
          {t.moveTo}
          <select
            value=""
            disabled={sections.length === 1}
            title={sections.length === 1 ? t.moveToTitle : undefined}
            onChange={(e) => e.target.value && handlers.onMove(e.target.value)}
          >
            <option value="" disabled>
              {t.anotherSection}
            </option>
            {sections.map((s, i) =>
              s.id === section.id ? null : (
                <option key={s.id} value={s.id}>
                  {`${i + 1}. ${s.heading.trim() || t.untitledSection}`}
                </option>
              ),
            )}
          </select>
        </label>
        <button type="button" className="link danger" onClick={handlers.onRemove}>
          {t.remove}
        </button>
      </div>
    </li>
  );
}

/** What the export will do with a quote whose source changed, in words; nothing for an anchored one. */
function ItemStatus({ annotation, loading }: { annotation: AnchoredAnnotation | undefined; loading: boolean }) {
  const catalogue = useT();
  const t = catalogue.dossier.item;
  if (loading) return null;
  if (!annotation) {
    return (
      <span className="status status-orphaned">
        <span className="status-label">{t.deletedLabel}</span> {t.deletedText}
      </span>
    );
  }
  if (annotation.status === 'anchored') return null;
  const text = t.explain[annotation.status];
  return (
    <span className={`status status-${annotation.status}`}>
      <span className="status-label">{catalogue.annotations.status[annotation.status]}</span> {text}
    </span>
  );
}
