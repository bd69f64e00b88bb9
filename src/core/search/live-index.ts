import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { ArchiveDocument } from '../archive/document';
import { errorMessage } from '../errors';
import type { SegmentBuilder } from './index-builder';
import { CompactSearchEngine } from './compact-search-engine';
import { SearchCache } from './search-cache';
import { decodeSegment, encodeSegment, indexedVersion, Segment, SEGMENT_VERSION } from './segment';

export interface IndexStatus {
  /**
   * 'indexing': a build is running, `done` of its `total` documents indexed so far. 'paused': indexing
   * was stopped (`cancel`) before every document was indexed; search answers over the segments
   * complete so far, which hold `done` of the archive's `total` documents in their current version,
   * and the rest are not searchable until indexing resumes (`resume`, any change to the archive, or
   * the next open). 'ready': no build is running and nothing is left to index (unless `problem` says so).
   */
  state: 'ready' | 'indexing' | 'paused';
  done: number;
  total: number;
  documents: number;
  /** How the index came to be at open: loaded from the cache, or built. */
  origin: 'cache' | 'built' | 'empty';
  /** A cache that could not be used or written; search still works. */
  problem: string | null;
}

/** An index cache as read from disk. */
export interface CachedIndex {
  segments: Segment[];
  problem: string | null;
}

const MANIFEST = 'manifest.json';
const MANIFEST_FORMAT = 'casefile-index';
const Manifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(SEGMENT_VERSION),
  segments: z.array(z.string().regex(/^segment-[\w-]+\.bin$/)),
});

/** A delta segment is rebuilt on each change; past this many documents the whole index is rebuilt. */
const MIN_FULL_REBUILD = 200;
const FULL_REBUILD_FRACTION = 0.2;

/**
 * The search index of an archive, kept current: segments cached in the data dir, loaded at open when
 * their documents are unchanged; changed, added and removed documents handled by masking them in
 * old segments and indexing their new versions in one delta segment (lunr indexes are immutable),
 * and the whole rebuilt when the delta or the masked part grows large.
 */
export class LiveIndex {
  private segments: Segment[] = [];
  private running: Promise<void> | null = null;
  /** Stops the running build (cancel, close). */
  private abort: AbortController | null = null;
  private rerun = false;
  private closed = false;
  private current: IndexStatus;
  /** What searches remember of the current segments and documents (cleared whenever either changes). */
  private readonly searchCache = new SearchCache();

  private constructor(
    private readonly documents: ReadonlyMap<string, ArchiveDocument>,
    private readonly cacheDir: string,
    private readonly builder: SegmentBuilder,
  ) {
    this.current = { state: 'ready', done: 0, total: 0, documents: documents.size, origin: 'empty', problem: null };
  }

  /**
   * Opens the cached index (if any) and starts bringing it up to date in the background. The cache
   * may be read beforehand (`readCache`), while the archive's files are listed.
   */
  static async open(
    documents: ReadonlyMap<string, ArchiveDocument>,
    cacheDir: string,
    builder: SegmentBuilder,
    cache: Promise<CachedIndex> = LiveIndex.readCache(cacheDir),
  ): Promise<LiveIndex> {
    const index = new LiveIndex(documents, cacheDir, builder);
    const { segments, problem } = await cache;
    index.segments = segments;
    if (segments.length > 0) index.current.origin = 'cache';
    index.current.problem = problem;
    index.refresh();
    return index;
  }

  /** The segments cached in `cacheDir`: none if there is no cache, and a problem if it could not be read. */
  static async readCache(cacheDir: string): Promise<CachedIndex> {
    let manifestText: string;
    try {
      manifestText = await readFile(path.join(cacheDir, MANIFEST), 'utf8');
    } catch {
      return { segments: [], problem: null }; // no cache yet
    }
    try {
      const manifest = Manifest.parse(JSON.parse(manifestText));
      const files = await Promise.all(manifest.segments.map((file) => readFile(path.join(cacheDir, file))));
      const segments = files.map((bytes, i) => {
        const segment = Segment.load(decodeSegment(bytes));
        segment.cacheName = manifest.segments[i];
        segment.persisted = true;
        return segment;
      });
      return { segments, problem: null };
    } catch (error) {
      return { segments: [], problem: `the cached search index could not be read (${summarizeError(error)}); it is rebuilt` };
    }
  }

  status(): IndexStatus {
    return { ...this.current, documents: this.documents.size };
  }

  engine(): CompactSearchEngine {
    return new CompactSearchEngine(this.segments, this.documents, this.searchCache);
  }

  /**
   * Call after documents were added, changed or removed: the index catches up in the background
   * (a paused index too: a change resumes indexing).
   */
  refresh(): void {
    this.searchCache.clear();
    if (this.closed) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.running = this.catchUp(abort.signal)
      .catch((error: unknown) => {
        // Search goes on over what is indexed; the status says what is missing and why.
        const missing = this.assignLive().length;
        this.searchCache.clear();
        const total = this.documents.size;
        this.current = abort.signal.aborted
          ? { ...this.current, state: 'paused', done: total - missing, total }
          : {
              ...this.current,
              state: 'ready',
              problem: `indexing failed (${errorMessage(error)}); ${missing} ${missing === 1 ? 'document is' : 'documents are'} not searchable`,
            };
      })
      .finally(() => {
        this.running = null;
        this.abort = null;
        if (this.rerun) {
          this.rerun = false;
          this.refresh();
        }
      });
  }

  /**
   * Stops indexing: the running build is dropped (a worker's thread ended, nothing of it written),
   * the segments complete before it stay, and the state becomes 'paused' unless nothing was left to
   * index. Resolves when the build has stopped.
   */
  async cancel(): Promise<IndexStatus> {
    this.rerun = false;
    this.abort?.abort();
    await this.running;
    return this.status();
  }

  /** Starts catching up again after `cancel` (also while the stopped build is still winding down). */
  resume(): IndexStatus {
    if (this.current.state === 'paused' || this.abort?.signal.aborted) this.refresh();
    return this.status();
  }

  /** Stops indexing for good (see `cancel`); what is cached stays consistent, and the next open catches up. */
  async close(): Promise<void> {
    this.closed = true;
    await this.cancel();
  }

  /**
   * Resolves when no build is running: every document known now is then searchable in its current
   * version, unless indexing was stopped (state 'paused') or failed (`problem`). It never waits for
   * a paused index to be resumed.
   */
  async whenReady(): Promise<void> {
    while (this.running) await this.running;
  }

  private async catchUp(signal: AbortSignal): Promise<void> {
    for (;;) {
      const stale = this.assignLive();
      const masked = this.segments.reduce((n, s) => n + s.versions.size - s.live.size, 0);
      if (stale.length === 0 && masked <= this.fullRebuildLimit()) break;
      // Checked here, not after the build: a build that completed is kept (and cached) all the same.
      signal.throwIfAborted();
      const delta = this.segments.find((s) => s.kind === 'delta') ?? null;
      const deltaDocuments = [...stale, ...[...(delta?.live ?? [])].flatMap((id) => this.documents.get(id) ?? [])];
      // A delta holding half the archive costs as much as rebuilding it, and leaves a dead base behind.
      const full =
        this.segments.length === 0 ||
        stale.length + masked > this.fullRebuildLimit() ||
        deltaDocuments.length * 2 >= this.documents.size;
      const toBuild = full ? [...this.documents.values()] : deltaDocuments;
      this.current = { ...this.current, state: 'indexing', done: 0, total: toBuild.length };
      const serialized = await this.builder(
        toBuild,
        ({ done, total }) => {
          this.current = { ...this.current, done, total };
        },
        signal,
      );
      const kind = full ? 'base' : 'delta';
      const built = serialized.map((s) => Segment.load({ ...s, header: { ...s.header, kind } }));
      const kept = full ? [] : this.segments.filter((s) => s !== delta);
      this.segments = [...kept, ...built];
      this.searchCache.clear();
      if (this.current.origin === 'empty') this.current.origin = 'built';
      await this.persist();
    }
    this.assignLive();
    this.searchCache.clear();
    this.current = { ...this.current, state: 'ready', done: this.current.total };
  }

  private fullRebuildLimit(): number {
    return Math.max(MIN_FULL_REBUILD, Math.floor(this.documents.size * FULL_REBUILD_FRACTION));
  }

  /** Marks each document live in the newest segment holding its current version; returns the rest. */
  private assignLive(): ArchiveDocument[] {
    const assigned = new Set<string>();
    for (const segment of [...this.segments].reverse()) {
      segment.live.clear();
      for (const [id, sha] of segment.versions) {
        const doc = this.documents.get(id);
        if (!assigned.has(id) && doc && indexedVersion(doc) === sha) {
          segment.live.add(id);
          assigned.add(id);
        }
      }
    }
    return [...this.documents.values()].filter((d) => !assigned.has(d.id));
  }

  private async persist(): Promise<void> {
    try {
      await mkdir(this.cacheDir, { recursive: true });
      const names: string[] = [];
      for (const segment of this.segments) {
        const name = (segment.cacheName ??= `segment-${randomUUID()}.bin`);
        if (!segment.persisted) {
          const bytes = encodeSegment(segment.serialized);
          await writeFileAtomic(path.join(this.cacheDir, name), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
          segment.persisted = true;
        }
        names.push(name);
      }
      const manifest: z.infer<typeof Manifest> = { format: MANIFEST_FORMAT, version: SEGMENT_VERSION, segments: names };
      await writeFileAtomic(path.join(this.cacheDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      for (const file of await readdir(this.cacheDir)) {
        if (file.startsWith('segment-') && !names.includes(file)) await rm(path.join(this.cacheDir, file), { force: true });
      }
      this.current.problem = null;
    } catch (error) {
      this.current.problem = `the search index could not be cached (${errorMessage(error)}); it will be rebuilt next time`;
    }
  }
}

function summarizeError(error: unknown): string {
  if (error instanceof z.ZodError) return 'unexpected format or version';
  return errorMessage(error);
}
