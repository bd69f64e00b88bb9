import { invokeApi, type ArgsOf, type MethodName, type ResultOf } from '../core/api';
import { CasefileError } from '../core/errors';
import { QuerySyntaxError } from '../core/search/query-parser';
import type { Workstation } from '../core/workstation';

/** Where a command line's output goes: a line at a time (without its newline). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Matches in bold (a terminal) rather than in [brackets]. */
  color: boolean;
}

export interface CliContext extends CliIo {
  /** Opens the archive a command works on; the run closes it at the end. */
  open(values: { archive?: string; data?: string }): Promise<Workstation>;
}

/** Calls a method through the same validated API the app uses; a refusal becomes a CasefileError. */
export async function call<M extends MethodName>(ws: Workstation, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await invokeApi(ws, method, args);
  if (!result.ok) {
    const { code, message, span } = result.error;
    throw span ? new QuerySyntaxError(message, span) : new CasefileError(code, message);
  }
  return result.value as ResultOf<M>;
}
