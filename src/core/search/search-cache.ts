import type { ArchiveDocument } from '../archive/document';
import type { Matches } from './matches';

/**
 * What searches remember of one index state (its documents and segments, and which are live); the
 * owner clears it whenever any of those change.
 * - What clauses matched: typing "went home" asks for "went" again at every keystroke after it.
 *   Bounded by entries and by matched documents, so broad words cannot hoard memory.
 * - The live documents by engine number: a phrase looks at the text of thousands of candidates,
 *   and looking each up by its id (a path, hashed and compared) cost more than checking the phrase.
 */
export class SearchCache {
  private readonly entries = new Map<string, { matches: Matches; note?: string }>();
  private documents = 0;
  private byNumber: ReadonlyArray<ArchiveDocument | undefined> | null = null;

  constructor(
    private readonly maxEntries = 16,
    private readonly maxDocuments = 40_000,
  ) {}

  /** The documents by engine number, made by `build` once per index state. */
  documentTable(build: () => Array<ArchiveDocument | undefined>): ReadonlyArray<ArchiveDocument | undefined> {
    return (this.byNumber ??= build());
  }

  get(key: string): { matches: Matches; note?: string } | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: { matches: Matches; note?: string }): void {
    if (entry.matches.size > this.maxDocuments || this.entries.has(key)) return;
    this.entries.set(key, entry);
    this.documents += entry.matches.size;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.documents <= this.maxDocuments) break;
      this.entries.delete(oldest);
      this.documents -= old.matches.size;
    }
  }

  clear(): void {
    this.entries.clear();
    this.documents = 0;
    this.byNumber = null;
  }
}

