import { useRef, useState } from 'react';
import { catalogueFor, type Catalogue } from '../../../shared/i18n/catalogue';
import type { CasefileClient } from '../api/client';
import { useT } from '../i18n';
import type { IngestEntry } from './outcome';

/** What adding files says, in the interface's language (English where no language is given). */
type Said = Catalogue['ingest']['adding'];
const ENGLISH: Said = catalogueFor('en').ingest.adding;

/** One file the user gave: where it went and what became of it, or why it was not sent. */
export interface AddedFile {
  /** The name it had on the user's side. */
  name: string;
  /** The archive's outcome; null when it never reached the archive. */
  entry: IngestEntry | null;
  problem: string | null;
}

/** The archive skips larger files (they are not articles), so they are not even sent. */
const LARGEST_FILE = 64 * 1024 * 1024;
/** Files go in batches that stay well under the shell's limits (1,000 files, 140 MB of base64 a call). */
const BATCH_BYTES = 32 * 1024 * 1024;
const BATCH_FILES = 200;

/** The file's bytes as base64, read in the page (the shells never see a path on the user's disk). */
export function base64Of(file: File, said: Said = ENGLISH): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: URL is base64 after its first comma, encoded natively and fast even for large files.
    reader.onload = () => resolve(String(reader.result).replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(new Error(said.cannotRead(file.name, reader.error?.message ?? null)));
    reader.readAsDataURL(file);
  });
}

interface Numbered {
  file: File;
  at: number;
}

function batchesOf(files: readonly Numbered[]): Numbered[][] {
  const batches: Numbered[][] = [];
  let bytes = 0;
  for (const item of files) {
    const last = batches.at(-1);
    if (last && last.length < BATCH_FILES && bytes + item.file.size <= BATCH_BYTES) {
      last.push(item);
      bytes += item.file.size;
    } else {
      batches.push([item]);
      bytes = item.file.size;
    }
  }
  return batches;
}

/** What a file not sent because the user cancelled is marked with (in English). */
export const CANCELLED = ENGLISH.cancelled;

/**
 * Copies the files into the archive through `addFiles`, batch by batch; a batch refused never stops
 * the rest. `cancelled` is asked before each batch: once it says yes, the files not yet sent stay
 * out (a batch already sent is copied whole). Resolves with every file's outcome, in the order given.
 */
export async function addFilesToArchive(
  client: CasefileClient,
  files: readonly File[],
  onProgress: (done: number) => void,
  cancelled: () => boolean = () => false,
  said: Said = ENGLISH,
): Promise<AddedFile[]> {
  const results: AddedFile[] = files.map((file) =>
    file.size > LARGEST_FILE ? { name: file.name, entry: null, problem: said.tooLarge(LARGEST_FILE / 1024 / 1024) } : { name: file.name, entry: null, problem: null },
  );
  let done = results.filter((r) => r.problem !== null).length;
  const numbered = files.map((file, at) => ({ file, at })).filter(({ at }) => results[at].problem === null);
  for (const batch of batchesOf(numbered)) {
    if (cancelled()) {
      for (const { at } of batch) results[at] = { ...results[at], problem: said.cancelled };
      continue;
    }
    const read = await Promise.all(
      batch.map(({ file, at }) =>
        base64Of(file, said).then(
          (base64) => ({ at, name: file.name, base64 }),
          (error: Error) => {
            results[at] = { ...results[at], problem: error.message };
            return null;
          },
        ),
      ),
    );
    const sent = read.filter((r) => r !== null);
    if (sent.length > 0) {
      try {
        const entries = await client.call('addFiles', { files: sent.map(({ name, base64 }) => ({ name, base64 })) });
        sent.forEach(({ at }, i) => {
          results[at] = { ...results[at], entry: entries[i] ?? null, problem: entries[i] ? null : said.noAnswer };
        });
      } catch (error) {
        for (const { at } of sent) results[at] = { ...results[at], problem: (error as Error).message };
      }
    }
    done += batch.length;
    onProgress(done);
  }
  return results;
}

/** "2 files: 1 indexed, 1 skipped": the outcomes that occurred, counted. */
export function addedSummary(results: readonly AddedFile[], said: Said): string {
  const count = (status: string | null) => results.filter((r) => (r.entry?.status ?? null) === status).length;
  return said.summary(results.length, { indexed: count('indexed'), skipped: count('skipped'), failed: count('failed'), notAdded: count(null) });
}

/** Files being added, then what became of each. */
export interface Adding {
  total: number;
  done: number;
  /** null while the files are still on their way. */
  results: AddedFile[] | null;
  /** The user asked to stop: the batch under way finishes, no other is sent. */
  cancelling: boolean;
}

/** Adds files and keeps the latest batch's progress and outcome for the dialog that shows them. */
export function useAddFiles(client: CasefileClient, onAdded: (results: AddedFile[], shown: boolean) => void) {
  const said = useT().ingest.adding;
  const [adding, setAdding] = useState<Adding | null>(null);
  const serial = useRef(0);
  const cancelledSerial = useRef(0);
  const add = async (files: File[]) => {
    if (files.length === 0) return;
    const mine = ++serial.current;
    const update = (change: Partial<Adding>) => setAdding((state) => (state && serial.current === mine ? { ...state, ...change } : state));
    setAdding({ total: files.length, done: 0, results: null, cancelling: false });
    const results = await addFilesToArchive(
      client,
      files,
      (done) => update({ done }),
      () => cancelledSerial.current === mine,
      said,
    );
    update({ results });
    onAdded(results, serial.current === mine);
  };
  const dismiss = () => {
    serial.current++;
    setAdding(null);
  };
  const cancel = () => {
    cancelledSerial.current = serial.current;
    setAdding((state) => state && { ...state, cancelling: true });
  };
  return { adding, add, dismiss, cancel };
}
