import { useRef, type ComponentProps } from 'react';
import type { ArchiveDocument, OpenedDocument } from '../../src/core/api/types';
import type { CommandId } from '../../src/shared/commands';
import { Reader, type ReaderHandle } from '../../src/renderer/src/components/Reader';
import { useCommandKeys } from '../../src/renderer/src/keys';

/**
 * jsdom lays nothing out, so it has no scrolling and no rectangles for a selection; the reader
 * scrolls hits and annotations into view and places its toolbar under the selection.
 */
export function stubLayout(): void {
  Element.prototype.scrollIntoView ??= () => undefined;
  Range.prototype.getBoundingClientRect ??= () => ({ top: 0, bottom: 20, left: 0, right: 0, width: 0, height: 20, x: 0, y: 0, toJSON: () => ({}) });
}

/** A document as the archive reads it: one paragraph a line. */
export function archiveDocument(id: string, title: string, text: string): ArchiveDocument {
  let start = 0;
  const paragraphs = text.split('\n').map((line) => {
    const span = { start, end: start + line.length };
    start = span.end + 1;
    return span;
  });
  return { id, title, byline: null, date: null, text, paragraphs, sha256: 'a'.repeat(64), sizeBytes: text.length, encoding: 'UTF-8', format: 'txt', pages: null, publisher: null, url: null, retrieved: null, language: null, dateline: null, boilerplate: [] };
}

/**
 * The reader with nothing annotated, focused or asked for, unless the props say otherwise; its keys
 * (j k h n t) work as the App wires them.
 */
export function ReaderWithDefaults(props: Partial<ComponentProps<typeof Reader>> & { opened: OpenedDocument }) {
  const reader = useRef<ReaderHandle>(null);
  const readerCommands: Partial<Record<CommandId, () => void>> = {
    'next-hit': () => reader.current?.step(1),
    'previous-hit': () => reader.current?.step(-1),
    highlight: () => reader.current?.highlight(),
    note: () => reader.current?.draft('note'),
    tags: () => reader.current?.draft('tags'),
  };
  useCommandKeys((id) => readerCommands[id]?.(), true);
  return (
    <Reader
      ref={reader}
      display={{ textSize: 17, lineWidth: 72 }}
      empty={<p>No article open</p>}
      annotations={[]}
      focusedAnnotation={null}
      reveal={null}
      knownTags={[]}
      onFocusAnnotation={() => undefined}
      onCreate={async () => undefined}
      {...props}
    />
  );
}

/** Selects document offsets [start, end) in the drawn reader, as a mouse would (within one run of text). */
export function selectInReader(container: HTMLElement, start: number, end: number) {
  const run = [...container.querySelectorAll<HTMLElement>('.doc-text [data-start]')].find(
    (el) => Number(el.dataset.start) <= start && end <= Number(el.dataset.start) + (el.textContent ?? '').length,
  )!;
  const range = document.createRange();
  range.setStart(run.firstChild!, start - Number(run.dataset.start));
  range.setEnd(run.firstChild!, end - Number(run.dataset.start));
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(range);
}
