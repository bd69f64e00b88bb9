import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { CasefileError, errorMessage } from '../errors';
import { startWorker } from '../worker-thread';
import type { ParsedFile } from './archive';
import { ReadLimitError, type Format, type StatedMetadata } from './formats';
import type { WebCapture } from './web-archive';

/** What reading one file may cost; a file over it fails with the reason and the rest go on. */
export interface ExtractionBudget {
  /** Longest a file may take to read, in milliseconds (the thread is then stopped). */
  timeMs: number;
  /** Heap a reading thread may use, in MB (the thread is stopped when it needs more). */
  memoryMb: number;
}

export const EXTRACTION_BUDGET: ExtractionBudget = { timeMs: 20_000, memoryMb: 768 };
/** Threads reading at once: the main thread mostly waits meanwhile, so on two cores both read. */
export const EXTRACTION_THREADS = Math.min(4, Math.max(2, availableParallelism() - 1));
/** Idle threads are stopped after this long, giving back their memory (starting one takes a fraction of a second). */
const IDLE_MS = 30_000;
/** Texts larger than this are read by a thread: decoding and normalizing megabytes holds the main thread. */
export const IN_PROCESS_TEXT_BYTES = 1024 * 1024;

/**
 * Whether a file is read by a reading thread: formats whose readers a small file can keep busy for
 * minutes or make take gigabytes (PDF, Word, HTML), and large texts. Small texts and Markdown are
 * read on the calling thread, where they cost less than a message to a thread.
 */
export function readsInThread(format: string, sizeBytes: number): boolean {
  return format === 'pdf' || format === 'docx' || format === 'html' || format === 'htm' || sizeBytes > IN_PROCESS_TEXT_BYTES;
}

export interface ExtractionRequest {
  id: string;
  bytes: Uint8Array;
  sidecar: StatedMetadata;
  /** How to read the bytes (a capture of a web archive has no extension of its own). */
  format: Format;
  capture: WebCapture | null;
}

export type ExtractionReply =
  | { type: 'ready' }
  /** The file's reader is loaded: its time budget starts. */
  | { type: 'started' }
  | { type: 'done'; parsed: ParsedFile }
  /**
   * `unreadable`: the file is not what its extension says (skipped), rather than failed;
   * `overBudget`: the file is over a read limit checked before the costly step (a ReadLimitError).
   */
  | { type: 'failed'; message: string; unreadable: boolean; overBudget: boolean };

interface Job {
  request: ExtractionRequest;
  resolve: (parsed: ParsedFile) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  deadline: NodeJS.Timeout | null;
}

/**
 * Reads files (parseFile) in worker threads, each file under the budget: the thread reading a file
 * that takes longer than the time budget is stopped, one that needs more memory stops, and the file
 * is then rejected with a ReadLimitError saying so. The threads are kept for the next files, and
 * never keep the process alive while idle.
 */
export class ExtractionPool {
  private readonly threads = new Set<Thread>();
  private readonly queue: Job[] = [];
  private idle: NodeJS.Timeout | null = null;

  constructor(
    readonly budget: ExtractionBudget = EXTRACTION_BUDGET,
    private readonly size = EXTRACTION_THREADS,
  ) {}

  /** The file's document and reading note; rejects with a CasefileError when unreadable, another error when failed. */
  parse(request: ExtractionRequest): Promise<ParsedFile> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every thread; files waiting or being read fail. */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const stopped = new Error('reading was stopped');
    for (const job of this.queue.splice(0)) job.reject(stopped);
    const threads = [...this.threads];
    for (const thread of threads) this.stopped(thread, stopped);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    for (const thread of this.threads) {
      const job = thread.ready && !thread.job ? this.queue.shift() : undefined;
      if (job) this.assign(thread, job);
    }
    // Threads starting up take the next jobs when ready; more start while there is work for them.
    let starting = [...this.threads].filter((thread) => !thread.ready).length;
    while (this.queue.length > starting && this.threads.size < this.size) {
      this.start();
      starting++;
    }
    const busy = this.queue.length > 0 || [...this.threads].some((thread) => thread.job);
    for (const thread of this.threads) {
      if (thread.job || (!thread.ready && this.queue.length > 0)) thread.worker.ref();
      else thread.worker.unref();
    }
    if (!busy && this.threads.size > 0) this.idle = setTimeout(() => void this.close(), IDLE_MS).unref();
  }

  private start(): void {
    const worker = startWorker('extract-worker', import.meta.url, { resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb } });
    const thread: Thread = { worker, ready: false, job: null, deadline: null };
    this.threads.add(thread);
    worker.on('message', (reply: ExtractionReply) => {
      if (reply.type === 'ready') thread.ready = true;
      else if (reply.type === 'started') this.startClock(thread);
      else {
        const job = this.finish(thread);
        if (reply.type === 'done') job?.resolve(reply.parsed);
        else job?.reject(reply.unreadable ? new CasefileError('invalid-argument', reply.message) : reply.overBudget ? new ReadLimitError(reply.message) : new Error(reply.message));
      }
      this.dispatch();
    });
    worker.on('error', (error: NodeJS.ErrnoException) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.stopped(thread, outOfMemory ? new ReadLimitError(`needed more than ${this.budget.memoryMb} MB of memory to read`) : new Error(`the reading thread failed (${errorMessage(error)})`));
    });
    worker.on('exit', (code) => this.stopped(thread, new Error(`the reading thread stopped (exit code ${code})`)));
  }

  private assign(thread: Thread, job: Job): void {
    thread.job = job;
    thread.worker.postMessage(job.request);
  }

  private startClock(thread: Thread): void {
    const seconds = Math.round(this.budget.timeMs / 100) / 10;
    thread.deadline = setTimeout(() => {
      this.stopped(thread, new ReadLimitError(`took longer than ${seconds} s to read`));
      void thread.worker.terminate();
    }, this.budget.timeMs);
  }

  private finish(thread: Thread): Job | null {
    if (thread.deadline) clearTimeout(thread.deadline);
    thread.deadline = null;
    const job = thread.job;
    thread.job = null;
    return job;
  }

  /** A thread ended (failed, stopped for its budget, or closed): its file fails with `error`. */
  private stopped(thread: Thread, error: Error): void {
    if (!this.threads.delete(thread)) return; // already accounted for
    this.finish(thread)?.reject(error);
    // A thread that cannot even start would not start the next time either: the waiting files fail.
    if (!thread.ready) for (const job of this.queue.splice(0)) job.reject(error);
    this.dispatch();
  }
}

let shared: ExtractionPool | null = null;

/** The pool every ingest uses unless given another. */
export function sharedExtractionPool(): ExtractionPool {
  shared ??= new ExtractionPool();
  return shared;
}
