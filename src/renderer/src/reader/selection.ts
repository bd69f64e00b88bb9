/**
 * Maps a DOM selection inside the reader to offsets in the document text. Every drawn run of text
 * carries `data-start` (its offset in the document), so a point inside a text node is that offset
 * plus the point's offset within the node.
 */
export function selectionToOffsets(root: HTMLElement, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = pointToOffset(range.startContainer, range.startOffset, 'start');
  const end = pointToOffset(range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

function pointToOffset(node: Node, offset: number, edge: 'start' | 'end'): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>('[data-start]');
    return run ? Number(run.dataset.start) + offset : null;
  }
  if (!(node instanceof Element)) return null;
  // A point between children: take the run right after it, or the end of the run right before it.
  const runs = (children: Element[]) => children.flatMap((c) => (c.matches('[data-start]') ? [c] : [...c.querySelectorAll('[data-start]')]));
  const after = runs([...node.children].slice(countElementsBefore(node, offset)));
  const before = runs([...node.children].slice(0, countElementsBefore(node, offset)));
  if (edge === 'start' && after.length > 0) return Number((after[0] as HTMLElement).dataset.start);
  const last = before.at(-1) as HTMLElement | undefined;
  if (last) return Number(last.dataset.start) + (last.textContent ?? '').length;
  const first = after[0] as HTMLElement | undefined;
  return first ? Number(first.dataset.start) : null;
}

function countElementsBefore(node: Element, childOffset: number): number {
  let count = 0;
  node.childNodes.forEach((child, index) => {
    if (index < childOffset && child instanceof Element) count++;
  });
  return count;
}

/**
 * The DOM range over document offsets [start, end) in the reader: the inverse of
 * `selectionToOffsets`, used to show a selection made with the keyboard. Offsets between drawn runs
 * (the line breaks between paragraphs) snap to the nearest drawn text inside the range.
 */
export function offsetsToRange(root: HTMLElement, start: number, end: number): Range | null {
  const runs = [...root.querySelectorAll<HTMLElement>('[data-start]')].map((element) => {
    const from = Number(element.dataset.start);
    return { node: element.firstChild, from, to: from + (element.textContent ?? '').length };
  });
  const first = runs.find((run) => run.to > start);
  const last = runs.findLast((run) => run.from < end);
  if (!first?.node || !last?.node || first.from >= end) return null;
  const range = document.createRange();
  range.setStart(first.node, Math.max(0, start - first.from));
  range.setEnd(last.node, Math.min(last.to, end) - last.from);
  return range;
}
