import type { ApiError, ApiResult, ArgsOf, MethodName, ResultOf } from '../../../core/api';
import type { ErrorCode } from '../../../core/errors';
import type { QuerySpan } from '../../../core/search/query-parser';

/** Carries one API call to whichever shell serves the renderer; the renderer never knows which. */
export type Transport = (method: MethodName, args: unknown) => Promise<ApiResult<unknown>>;

/** A refused call, keeping what the shell said: its code, and for a malformed query where it is wrong. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  /** Characters [start, end) of the query the message is about (only for code 'invalid-query'). */
  readonly span: QuerySpan | null;

  constructor({ code, message, span }: ApiError) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.span = span ?? null;
  }
}

export interface CasefileClient {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
}

export function createClient(transport: Transport): CasefileClient {
  return {
    async call(method, args) {
      const result = await transport(method, args);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as ResultOf<typeof method>;
    },
  };
}

/** The web shell: the same API as JSON over HTTP, authorised by the HttpOnly cookie. */
export const httpTransport: Transport = async (method, args) => {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Casefile is not reachable: is the web shell still running?' } };
  }
  if (response.status === 401) {
    return { ok: false, error: { code: 'invalid-argument', message: 'Not authorised: open the URL that Casefile printed (it carries the access token).' } };
  }
  return (await response.json()) as ApiResult<unknown>;
};

export function defaultTransport(): Transport {
  return window.casefile ? (method, args) => window.casefile!.invoke(method, args) : httpTransport;
}
