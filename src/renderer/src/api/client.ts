import type { ApiError, ApiResult, ArgsOf, ErrorCode, MessageCode, MethodName, QuerySpan, ResultOf } from '../../../core/api/types';
import type { CasefileBridge } from '../../../shared/bridge';

/** Carries one API call to whichever shell serves the renderer; the renderer never knows which. */
export type Transport = (method: MethodName, args: unknown) => Promise<ApiResult<unknown>>;

/** A refused call, keeping what the shell said: its code, and for a malformed query where it is wrong. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  /** Characters [start, end) of the query the message is about (only for code 'invalid-query'). */
  readonly span: QuerySpan | null;
  /** The message's code, to word it in the interface's language (null: only the English message). */
  readonly messageCode: MessageCode | null;

  constructor({ code, message, span, messageCode }: ApiError) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.span = span ?? null;
    this.messageCode = messageCode ?? null;
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

/** The web shell's header that carries its access token (never a cookie: those go to every local port). */
const TOKEN_HEADER = 'X-Casefile-Token';
/** The header that names this tab, so the shell tells the other tabs of its changes and not this one. */
const WINDOW_HEADER = 'X-Casefile-Window';

/**
 * The web shell: the same API as JSON over HTTP, with the tab's access token in a header. `origin`
 * is empty for the page itself (its own origin); a test running outside a page names the shell's.
 */
export function httpTransport(token: string, origin = '', tab: string = crypto.randomUUID()): Transport {
  return async (method, args) => {
    let response: Response;
    try {
      response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token, [WINDOW_HEADER]: tab },
        body: JSON.stringify(args),
        credentials: 'omit',
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Casefile is not reachable: is the web shell still running?' } };
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: { code: 'invalid-argument', message: 'Not authorised: the web shell refused this tab’s token (was it restarted?). Open the URL it printed.' },
      };
    }
    // The API answers in JSON, a refusal too large for it included (413); anything else is the shell's plain text.
    if (!(response.headers.get('Content-Type') ?? '').startsWith('application/json')) {
      const text = (await response.text()).trim();
      return { ok: false, error: { code: 'internal', message: `The web shell refused the call (${response.status}${text ? `: ${text}` : ''}).` } };
    }
    return (await response.json()) as ApiResult<unknown>;
  };
}

/** Electron's preload bridge. */
export function bridgeTransport(bridge: CasefileBridge): Transport {
  return (method, args) => bridge.invoke(method, args);
}
