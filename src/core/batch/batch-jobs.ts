import { randomUUID } from 'node:crypto';
import { CasefileError } from '../errors';
import { runBatch, type BatchOptions, type BatchRow, type SearchFunction } from './batch-search';
import type { ListedQuery } from './query-list';

export type BatchState = 'running' | 'done' | 'cancelled' | 'failed';

/** A batch as a caller polls it: how far it is, and the rows found since the caller last looked. */
export interface BatchStatus {
  id: string;
  state: BatchState;
  done: number;
  total: number;
  /** Rows from the index the caller asked for (`from`), in the list's order. */
  rows: BatchRow[];
  /** The index of the first row in `rows`. */
  from: number;
  error?: string;
}

interface Job {
  id: string;
  state: BatchState;
  total: number;
  rows: BatchRow[];
  controller: AbortController;
  error?: string;
}

/** Finished batches kept for their callers to read (and export) before the oldest is let go. */
const FINISHED_KEPT = 8;

/**
 * The batches under way in one workstation, for shells that answer one call at a time (the app's
 * IPC, the web shell's HTTP): a batch starts and runs on its own; the caller polls its progress and
 * rows, may stop it, and exports its rows as CSV.
 */
export class BatchJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly search: SearchFunction) {}

  start(queries: readonly ListedQuery[], options: BatchOptions): BatchStatus {
    const job: Job = { id: randomUUID(), state: 'running', total: queries.length, rows: [], controller: new AbortController() };
    this.jobs.set(job.id, job);
    this.forgetOldFinished();
    runBatch(queries, this.search, { options, signal: job.controller.signal, onRow: (row) => job.rows.push(row) }).then(
      ({ cancelled }) => {
        job.state = cancelled ? 'cancelled' : 'done';
      },
      (error: unknown) => {
        job.state = 'failed';
        job.error = error instanceof CasefileError ? error.message : 'the batch stopped unexpectedly; details are in the log';
        if (!(error instanceof CasefileError)) console.error('batch search failed:', error);
      },
    );
    return this.status(job.id, 0);
  }

  status(id: string, from = 0): BatchStatus {
    const job = this.require(id);
    return {
      id,
      state: job.state,
      done: job.rows.length,
      total: job.total,
      rows: job.rows.slice(from),
      from: Math.min(from, job.rows.length),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  /** Stops a batch; the rows done so far stay (state 'cancelled' once it has stopped). */
  cancel(id: string): BatchStatus {
    this.require(id).controller.abort();
    return this.status(id, Number.MAX_SAFE_INTEGER);
  }

  rows(id: string): BatchRow[] {
    return this.require(id).rows;
  }

  /** Stops every batch (the workstation is closing). */
  stopAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  private require(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new CasefileError('not-found', `no batch search ${id} (it ended long ago, or the archive was closed)`);
    return job;
  }

  private forgetOldFinished(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.jobs.delete(job.id);
  }
}
