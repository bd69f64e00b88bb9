import type { AnchorStatus } from '../../../core/api/types';

/** An annotation's status in the words the UI uses ("fuzzy" is shown as what it asks of the user). */
export function statusLabel(status: AnchorStatus): string {
  return status === 'fuzzy' ? 'needs review' : status;
}
