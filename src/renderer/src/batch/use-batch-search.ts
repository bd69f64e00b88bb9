import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, BatchRow, BatchState, MessageCode } from '../../../core/api/types';
import { ApiCallError, type CasefileClient } from '../api/client';
import { errorMessage } from '../../../shared/error-message';

/** What went wrong, with the core's code to word it in the interface's language when it has one. */
export interface BatchProblem {
  message: string;
  messageCode: MessageCode | null;
}

const problemOf = (failure: unknown): BatchProblem => ({ message: errorMessage(failure), messageCode: failure instanceof ApiCallError ? failure.messageCode : null });

/** How often a batch under way is asked for its progress and new rows. */
const POLL_MS = 150;

export interface BatchRun {
  id: string;
  state: BatchState;
  done: number;
  total: number;
}

/**
 * A batch search as the dialog runs it: started in the core, polled for its progress and the rows
 * found since the last look, stopped on request. It lives with the app rather than the dialog, so
 * a query opened in the search pane closes the dialog without losing the list or its results.
 */
export function useBatchSearch(client: CasefileClient) {
  const [text, setText] = useState('');
  const [column, setColumn] = useState('');
  const [phrases, setPhrases] = useState(true);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [run, setRun] = useState<BatchRun | null>(null);
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [error, setError] = useState<BatchProblem | null>(null);
  const received = useRef(0);

  const start = useCallback(
    async (args: ArgsOf<'startBatchSearch'>) => {
      setError(null);
      setRows([]);
      received.current = 0;
      try {
        const started = await client.call('startBatchSearch', args);
        setRun({ id: started.id, state: started.state, done: started.done, total: started.total });
      } catch (failure) {
        setRun(null);
        setError(problemOf(failure));
      }
    },
    [client],
  );

  const running = run !== null && run.state === 'running';
  const id = run?.id;
  useEffect(() => {
    if (!running || !id) return;
    let current = true;
    const poll = async () => {
      try {
        const status = await client.call('batchSearchStatus', { id, from: received.current });
        if (!current) return;
        received.current = status.from + status.rows.length;
        if (status.rows.length > 0) setRows((before) => [...before.slice(0, status.from), ...status.rows]);
        setRun({ id, state: status.state, done: status.done, total: status.total });
        if (status.error) setError({ message: status.error, messageCode: null });
      } catch (failure) {
        if (current) setError(problemOf(failure));
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [client, running, id]);

  const stop = useCallback(async () => {
    if (!id) return;
    try {
      await client.call('cancelBatchSearch', { id });
    } catch (failure) {
      setError(problemOf(failure));
    }
  }, [client, id]);

  return { form: { text, setText, column, setColumn, phrases, setPhrases, fileNote, setFileNote }, run, rows, error, start, stop };
}

export type BatchSession = ReturnType<typeof useBatchSearch>;
