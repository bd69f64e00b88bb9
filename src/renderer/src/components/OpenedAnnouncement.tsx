import type { OpenedDocument } from '../../../core/api/types';
import { useT } from '../i18n';

/**
 * Says which article the reader now shows, while the focus stays where it was (in the results, for
 * the next one). It lives outside the reader, which remounts with every article: a live region
 * mounted with its text is often not read.
 */
export function OpenedAnnouncement({ opened }: { opened: OpenedDocument | null }) {
  const t = useT();
  return (
    <p className="visually-hidden" aria-live="polite">
      {opened && t.reader.opened(opened.document.title, opened.matches.length)}
    </p>
  );
}
