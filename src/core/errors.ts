/** Error kinds a caller can act on; shells map them to exit codes and HTTP statuses. */
export type ErrorCode =
  | 'invalid-argument'
  | 'invalid-query'
  | 'not-found'
  | 'ambiguous'
  | 'store-corrupt'
  /** A save or a file written was refused by the system: the disk is full, the folder read-only, … */
  | 'write-failed'
  | 'internal';

/** An error meant for the user: its message says what is wrong in their terms, never a stack. */
export class CasefileError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CasefileError';
  }
}

export { errorMessage } from '../shared/error-message';
