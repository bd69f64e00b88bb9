import { useEffect, useState } from 'react';
import type { ArgsOf, MethodName, ResultOf } from '../../core/api/types';
import type { CasefileClient } from './api/client';
import { errorMessage } from '../../shared/error-message';

export interface CallState<T> {
  /** The latest answer; kept while a newer request is under way, null before the first or when not asked. */
  value: T | null;
  /** The value answers other arguments than the current ones (a newer request is under way). */
  stale: boolean;
  error: string | null;
}

/**
 * Asks the API for `method(args)` and asks again whenever the arguments change (compared by value)
 * or `revision` is bumped (after every change to the annotations). `args` null: nothing to ask.
 * An answer that arrives after a newer request was made is dropped.
 */
export function useCall<M extends MethodName>(client: CasefileClient, method: M, args: ArgsOf<M> | null, revision: number): CallState<ResultOf<M>> {
  const key = args === null ? null : JSON.stringify(args);
  const [state, setState] = useState<{ value: ResultOf<M> | null; error: string | null; key: string | null }>({ value: null, error: null, key: null });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    client.call(method, JSON.parse(key) as ArgsOf<M>).then(
      (value) => current && setState({ value, error: null, key }),
      (error: unknown) => current && setState((s) => ({ ...s, error: errorMessage(error), key })),
    );
    return () => {
      current = false;
    };
  }, [client, method, key, revision]);

  if (key === null) return { value: null, stale: false, error: null };
  return { value: state.value, stale: state.key !== key, error: state.key === key ? state.error : null };
}
