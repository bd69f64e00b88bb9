import type { MessageCode } from '../shared/i18n/core-messages';
import type { Said } from './said';

/** Error kinds a caller can act on; shells map them to exit codes and HTTP statuses. */
export type ErrorCode =
  | 'invalid-argument'
  | 'invalid-query'
  | 'not-found'
  | 'ambiguous'
  | 'store-corrupt'
  /** A change made to a copy that is no longer the one on disk (another window saved meanwhile). */
  | 'conflict'
  /** A save or a file written was refused by the system: the disk is full, the folder read-only, … */
  | 'write-failed'
  | 'internal';

/**
 * An error meant for the user: its message says what is wrong in their terms, never a stack. One
 * the core words from its table of sentences (said.ts) also carries the sentence's code, so an
 * interface can say it in its own language; the message stays the English text.
 */
export class CasefileError extends Error {
  readonly messageCode: MessageCode | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string | Said,
  ) {
    super(typeof message === 'string' ? message : message.text);
    this.name = 'CasefileError';
    this.messageCode = typeof message === 'string' ? undefined : message.code;
  }
}

export { errorMessage } from '../shared/error-message';
