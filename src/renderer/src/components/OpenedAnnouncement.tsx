import type { OpenedDocument } from '../../../core/api/types';
import { plural } from '../format';

/**
 * Says which article the reader now shows, while the focus stays where it was (in the results, for
 * the next one). It lives outside the reader, which remounts with every article: a live region
 * mounted with its text is often not read.
 */
export function OpenedAnnouncement({ opened }: { opened: OpenedDocument | null }) {
  const hits = opened?.matches.length ?? 0;
  return (
    <p className="visually-hidden" aria-live="polite">
      {opened && `Opened “${opened.document.title}”${hits > 0 ? `, ${plural(hits, 'search hit')}` : ''}.`}
    </p>
  );
}
