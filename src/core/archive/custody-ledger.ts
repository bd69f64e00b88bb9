import { createHash } from 'node:crypto';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { said, type Said } from '../said';
import { withFileLock } from '../storage/file-lock';
import { writeFailure } from '../storage/write-failure';

/**
 * The chain of custody of an archive's files (Berkeley Protocol: preservation, hashing, custody):
 * an append-only ledger, one JSON line per event, recording each file's SHA-256 when it is first
 * seen, every later change, and its removal. Each entry holds the hash of the one before it, so an
 * entry rewritten, removed or inserted breaks the chain; the last entry's number and hash are also
 * kept in a head file beside it (and in every dossier's manifest), so a ledger cut short is seen too.
 * It proves the order and content of what Casefile saw, not that the clock was right, and a person
 * who can rewrite both the ledger and its head undetected by Casefile (but not the dossiers already
 * exported) can rewrite history: see docs/evidence.md.
 */

export const LEDGER_FILE = 'custody-ledger.jsonl';
export const LEDGER_HEAD_FILE = 'custody-ledger.head.json';
/** The `prev` of the first entry. */
const GENESIS = '0'.repeat(64);

export type CustodyEvent = 'first-seen' | 'changed' | 'removed';

export const LedgerEntry = z
  .object({
    seq: z.number().int().min(0),
    at: z.string().datetime(),
    event: z.enum(['first-seen', 'changed', 'removed']),
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    prev: z.string().regex(/^[0-9a-f]{64}$/),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** Where a ledger ended when it was last written (or when a dossier was exported). */
export const LedgerHead = z.object({ seq: z.number().int().min(-1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type LedgerHead = z.infer<typeof LedgerHead>;

export type LedgerState = 'ok' | 'broken' | 'absent';

export interface LedgerCheck {
  state: LedgerState;
  /** What is wrong, in words (state 'broken'). */
  problem: string | null;
  /** The last entry that chains correctly. */
  head: LedgerHead;
}

/** A file's history in the ledger, oldest first. */
export interface Custody {
  firstSeen: string | null;
  events: Array<Pick<LedgerEntry, 'at' | 'event' | 'sha256'>>;
}

/** The hash an entry must carry: of its fields in a fixed order, the previous hash included. */
export function entryHash(entry: Omit<LedgerEntry, 'hash'>): string {
  return createHash('sha256').update(JSON.stringify([entry.seq, entry.at, entry.event, entry.file, entry.sha256, entry.prev])).digest('hex');
}

/**
 * Reads a ledger's text and checks its chain (and, if a head is given, that the ledger still holds
 * that entry with that hash). Entries up to the first fault are returned; the check names the fault.
 */
export function readLedger(text: string, heads: readonly LedgerHead[] = []): { entries: LedgerEntry[]; check: LedgerCheck } {
  const entries: LedgerEntry[] = [];
  let problem: string | null = null;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [at, line] of lines.entries()) {
    const previous = entries.at(-1);
    let entry: LedgerEntry;
    try {
      entry = LedgerEntry.parse(JSON.parse(line));
    } catch {
      problem = `entry ${at + 1} of the ledger cannot be read`;
      break;
    }
    if (entry.seq !== at) problem = `entry ${at + 1} of the ledger is numbered ${entry.seq}: entries were removed or inserted`;
    else if (entry.prev !== (previous?.hash ?? GENESIS)) problem = `entry ${at + 1} of the ledger does not follow the one before it: the ledger was rewritten`;
    else if (entryHash(entry) !== entry.hash) problem = `entry ${at + 1} of the ledger (${entry.file}) was changed after it was written`;
    if (problem) break;
    entries.push(entry);
  }
  const last = entries.at(-1);
  const head: LedgerHead = last ? { seq: last.seq, hash: last.hash } : { seq: -1, hash: GENESIS };
  for (const known of heads) {
    if (problem) break;
    if (known.seq < 0) continue;
    const kept = entries[known.seq];
    if (!kept) problem = `the ledger ends at entry ${entries.length} but held ${known.seq + 1}: it was cut short`;
    else if (kept.hash !== known.hash) problem = `entry ${known.seq + 1} of the ledger is not the one recorded: the ledger was rewritten`;
  }
  return { entries, check: { state: problem ? 'broken' : 'ok', problem, head } };
}

/** Every file's history in the ledger. */
export function custodyByFile(entries: readonly LedgerEntry[]): Map<string, Custody> {
  const byFile = new Map<string, Custody>();
  for (const { file, at, event, sha256 } of entries) {
    const custody = byFile.get(file) ?? { firstSeen: null, events: [] };
    if (event === 'first-seen' && custody.firstSeen === null) custody.firstSeen = at;
    custody.events.push({ at, event, sha256 });
    byFile.set(file, custody);
  }
  return byFile;
}

/** What a file's history says of one version of it (the SHA-256 a dossier recorded): since when it is unchanged, or when it changed. */
export function describeCustody(custody: Custody | undefined, sha256: string): string {
  return describeCustodyCoded(custody, sha256).text;
}

/** describeCustody with the sentence's code; `null` for the custody (or the digest): no ledger was at hand to ask. */
export function describeCustodyCoded(custody: Custody | undefined | null, sha256: string | null): Said {
  if (custody === null || sha256 === null) return said('custody.noLedger');
  if (!custody || custody.firstSeen === null) return said('custody.notInLedger');
  const { firstSeen, events } = custody;
  const lastOfVersion = events.findLastIndex((e) => e.sha256 === sha256);
  if (lastOfVersion === -1) return said('custody.versionNeverSeen', { firstSeen });
  if (lastOfVersion < events.length - 1) return said('custody.changedAt', { firstSeen, changed: events[lastOfVersion + 1].at });
  if (events.length === 1) return said('custody.unchangedSinceFirstSeen', { firstSeen });
  return said('custody.unchangedSince', { firstSeen, since: events[lastOfVersion].at });
}

/** What the custody ledger says, as verify asks it: whether the chain holds, and each file's history. */
export interface CustodyView {
  check: LedgerCheck;
  of(docId: string): Custody;
  /** Why the ledger no longer holds an entry a dossier recorded as its head; null if it does. */
  holds(head: LedgerHead): string | null;
}

/** The custody view of a ledger read from its text (a ledger in an evidence bundle, or on disk). */
export function custodyView(text: string, heads: readonly LedgerHead[]): CustodyView {
  const { entries, check } = readLedger(text, heads);
  const byFile = custodyByFile(entries);
  return {
    check,
    of: (docId) => byFile.get(docId) ?? { firstSeen: null, events: [] },
    holds: (head) => readLedger(text, [head]).check.problem,
  };
}

/** One file as the archive has it now. */
export interface SeenFile {
  file: string;
  sha256: string;
}

/**
 * The ledger of one archive, in its data folder. Appends are made under the folder's lock after
 * reading what other processes appended, so two Casefile processes on one archive keep one chain.
 */
export class CustodyLedger {
  private entries: LedgerEntry[] = [];
  private latest = new Map<string, LedgerEntry>();
  private status: LedgerCheck = { state: 'ok', problem: null, head: { seq: -1, hash: GENESIS } };
  /** Appends run one after another in this process. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly headFile: string,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, now: () => Date = () => new Date()): Promise<CustodyLedger> {
    const ledger = new CustodyLedger(`${dir}/${LEDGER_FILE}`, `${dir}/${LEDGER_HEAD_FILE}`, now);
    await ledger.reload(false);
    return ledger;
  }

  check(): LedgerCheck {
    return this.status;
  }

  custody(file: string): Custody {
    return custodyByFile(this.entries.filter((e) => e.file === file)).get(file) ?? { firstSeen: null, events: [] };
  }

  /** Why the ledger no longer holds `head` (an entry a dossier recorded); null if it does. */
  holds(head: LedgerHead): string | null {
    if (head.seq < 0) return null;
    const kept = this.entries[head.seq];
    if (!kept) return `the ledger ends at entry ${this.entries.length} but held ${head.seq + 1} when the dossier was made: it was cut short`;
    return kept.hash === head.hash ? null : `entry ${head.seq + 1} of the ledger is not the one the dossier recorded: the ledger was rewritten`;
  }

  /** Resolves when every record asked for so far is written (or has failed and been reported). */
  async settled(): Promise<void> {
    await this.queue;
  }

  /** The ledger and its head as they are on disk now (for an evidence bundle). */
  async snapshot(): Promise<{ ledger: Uint8Array; head: LedgerHead }> {
    await this.queue;
    const ledger = await readFile(this.file).catch(() => new Uint8Array());
    return { ledger, head: this.status.head };
  }

  /**
   * Records what changed since the ledger's last word on each file: files not seen before, files
   * whose SHA-256 differs, files no longer there. Never throws: a ledger that cannot be written is
   * reported by `check()` and in the log, and the archive stays usable.
   */
  record(files: readonly SeenFile[]): Promise<void> {
    const run = this.queue.then(() => this.append(files));
    this.queue = run.catch((error: unknown) => {
      console.error(writeFailure(error, 'the custody ledger could not be written').message);
    });
    return this.queue;
  }

  private async append(files: readonly SeenFile[]): Promise<void> {
    await withFileLock(this.file, async () => {
      await this.reload();
      // A broken ledger is evidence: it is never built on (the fault would be buried under new
      // entries). check() reports it, in the app and in every verify of this archive's dossiers.
      if (this.status.state === 'broken') return;
      const at = this.now().toISOString();
      const lines: string[] = [];
      let head = this.status.head;
      const add = (event: CustodyEvent, file: string, sha256: string | null) => {
        const entry = { seq: head.seq + 1, at, event, file, sha256, prev: head.hash };
        const full: LedgerEntry = { ...entry, hash: entryHash(entry) };
        lines.push(`${JSON.stringify(full)}\n`);
        head = { seq: full.seq, hash: full.hash };
      };
      const present = new Set<string>();
      for (const { file, sha256 } of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
        present.add(file);
        const last = this.latest.get(file);
        if (!last || last.event === 'removed') add(last ? 'changed' : 'first-seen', file, sha256);
        else if (last.sha256 !== sha256) add('changed', file, sha256);
      }
      for (const [file, last] of this.latest) if (last.event !== 'removed' && !present.has(file)) add('removed', file, null);
      if (lines.length === 0) return;
      const handle = await open(this.file, 'a');
      try {
        await handle.appendFile(lines.join(''));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await writeFileAtomic(this.headFile, `${JSON.stringify(head)}\n`);
      await this.reload();
    });
  }

  /** The ledger as it is on disk now, once this process's records are written (verify reads this). */
  async current(): Promise<CustodyView> {
    await this.queue;
    await this.reload(false);
    return { check: this.status, of: (file) => this.custody(file), holds: (head) => this.holds(head) };
  }

  /**
   * Reads the ledger and its head from disk. An unfinished last line (a crash mid-append, or another
   * process writing right now) is never read; under the lock (`repair`) it can only be a crash's, and
   * is set aside.
   */
  private async reload(repair = true): Promise<void> {
    let text = await readFile(this.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const headText = await readFile(this.headFile, 'utf8').catch(() => null);
    const head = headText === null ? null : readHead(headText);
    const cut = text.lastIndexOf('\n') + 1;
    if (cut < text.length && !repair) text = text.slice(0, cut);
    else if (cut < text.length) {
      // Bytes after the last newline were never a whole entry: set them aside (kept for inspection), never build on them.
      await writeFile(`${this.file}.unfinished`, text.slice(cut), { flag: 'a' });
      const trimmed = `${this.file}.trimmed`;
      await writeFile(trimmed, text.slice(0, cut));
      await rename(trimmed, this.file);
      text = text.slice(0, cut);
    }
    const { entries, check } = readLedger(text, head ? [head] : []);
    if (headText !== null && head === null) {
      check.state = 'broken';
      check.problem ??= 'the ledger head file cannot be read';
    }
    if (text === '' && head !== null && head.seq >= 0) check.problem = 'the ledger is gone but its head says it held entries';
    if (check.problem) check.state = 'broken';
    this.entries = entries;
    this.latest = new Map(entries.map((e) => [e.file, e]));
    this.status = check;
  }
}

function readHead(text: string): LedgerHead | null {
  try {
    return LedgerHead.parse(JSON.parse(text));
  } catch {
    return null;
  }
}
