import { useState } from 'react';
import type { AnchoredAnnotation, DocumentSummary, OpenedDocument } from '../../../core/api/types';
import type { CasefileClient } from '../api/client';
import type { RevealRequest } from '../components/Reader';
import type { SearchSettings } from '../search/settings';

/** How long a revealed annotation stays marked in the reader (the CSS animation runs within it). */
const REVEAL_MS = 2_000;

interface Options {
  /** Opening failed: says why. */
  onFail(error: unknown): void;
  /** A document was (re)read: its annotations may have moved with it. */
  onRead(): void;
}

/** The document in the reader, the annotation in focus, and the one being revealed in the text. */
export function useOpenedDocument(client: CasefileClient, { onFail, onRead }: Options) {
  const [opened, setOpened] = useState<OpenedDocument | null>(null);
  /** Counts openings, so the reader starts afresh (scroll, selection) with each one. */
  const [openCount, setOpenCount] = useState(0);
  const [focusedAnnotation, setFocusedAnnotation] = useState<string | null>(null);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const docId = opened?.document.id ?? null;

  /** Opens a document; false if it could not be read (the reason is passed to `onFail`). */
  const open = async (id: string, { query, variants }: Pick<SearchSettings, 'query' | 'variants'>) => {
    try {
      // The reader marks what the result list matched: the same query, with variants on or off alike.
      const doc = await client.call('getDocument', { id, query: query.trim() || undefined, variants });
      setOpened(doc);
      setOpenCount((n) => n + 1);
      setFocusedAnnotation(null);
      setReveal(null);
      onRead();
      return true;
    } catch (error) {
      onFail(error);
      return false;
    }
  };

  /** Focuses an annotation and scrolls to it, opening its document first if another is shown. */
  const show = async (annotation: AnchoredAnnotation, search: SearchSettings) => {
    // An orphaned annotation has no place to scroll to (and its document may be gone): it is only focused.
    if (annotation.status !== 'orphaned' && annotation.target.docId !== docId) {
      if (!(await open(annotation.target.docId, search))) return;
    }
    setFocusedAnnotation(annotation.id);
    if (annotation.status === 'orphaned') return;
    const request: RevealRequest = { id: annotation.id };
    setReveal(request);
    setTimeout(() => setReveal((current) => (current === request ? null : current)), REVEAL_MS);
  };

  /** The reader shows corrected metadata at once; the text and its marks stay as they are. */
  const metadataSaved = (summary: DocumentSummary) =>
    setOpened((o) => (o && o.document.id === summary.id ? { ...o, document: { ...o.document, ...summary } } : o));

  return { opened, docId, openCount, focusedAnnotation, setFocusedAnnotation, reveal, open, show, metadataSaved };
}

export type OpenedDocumentState = ReturnType<typeof useOpenedDocument>;
