import type { z } from 'zod';
import { CasefileError } from '../errors';
import type { ArchiveSession } from '../session';
import type { Workstation } from '../workstation';

/**
 * The one typed API of Casefile. Every shell (Electron IPC, the web shell's HTTP, the CLI) is a
 * generic pipe over this map: it parses the arguments with the method's schema and calls the handler.
 */
export type Handler<Args extends z.ZodType, Result> = (
  workstation: Workstation,
  args: z.output<Args>,
  /** Present in the app's shells, which can switch archives; absent in one-shot commands. */
  session?: ArchiveSession,
  /** The window that called (a tab of the web shell, a window of the app), when the shell knows it. */
  caller?: string,
) => Result | Promise<Result>;

export interface MethodSpec<Args extends z.ZodType, Result> {
  args: Args;
  handler: Handler<Args, Result>;
}

export function method<Args extends z.ZodType, Result>(args: Args, handler: Handler<Args, Result>): MethodSpec<Args, Result> {
  return { args, handler };
}

export function requireSession(session: ArchiveSession | undefined): ArchiveSession {
  if (!session) throw new CasefileError('invalid-argument', 'only a shell that can switch archives (the app, the web shell) can do this');
  return session;
}
