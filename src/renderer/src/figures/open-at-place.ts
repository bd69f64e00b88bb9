import type { RefObject } from 'react';
import type { ReaderHandle } from '../components/Reader';

/** A passage of a document: what a figure or a date of the timeline points at. */
export interface Place {
  doc: string;
  start: number;
  end: number;
}

/** How many frames to wait for the reader to show a document just opened. */
const FRAMES = 60;

/**
 * Opens the document (unless it is the one shown) and selects the passage in the reader, so the
 * sentence is in view and `h` would highlight it. The reader shows a new document a render or two
 * after it is opened: the selection waits for it, frame by frame.
 */
export async function openAtPlace(place: Place, shownId: string | null, open: (id: string) => Promise<boolean>, reader: RefObject<ReaderHandle | null>): Promise<void> {
  if (place.doc !== shownId && !(await open(place.doc))) return;
  for (let frame = 0; frame < FRAMES; frame++) {
    if (reader.current?.select(place.doc, place)) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
