import type { ArchiveDocument } from '../archive/document';
import { compareTexts, type ComparedPart } from './compare';
import { fingerprintOf, nearDuplicateGroups, nearDuplicatesOf, similarity } from './near-duplicates';

/** A document as a list of copies names it. */
export interface CopyOf {
  id: string;
  title: string;
  byline: string | null;
  date: string | null;
  /** Share of word runs in common with the document compared (0–1). */
  similarity: number;
}

/** Two documents side by side, word by word. */
export interface DocumentComparison {
  a: Omit<CopyOf, 'similarity'>;
  b: Omit<CopyOf, 'similarity'>;
  similarity: number;
  /** Null when the two are too different to compare word by word. */
  parts: ComparedPart[] | null;
}

const named = (document: ArchiveDocument) => ({ id: document.id, title: document.title, byline: document.byline, date: document.date?.iso ?? null });

/** The documents of the archive that are copies or light edits of `document`, most similar first. */
export function copiesOf(document: ArchiveDocument, archive: Iterable<ArchiveDocument>, byId: (id: string) => ArchiveDocument | undefined): CopyOf[] {
  return nearDuplicatesOf(document, archive).flatMap(({ id, similarity: shared }) => {
    const other = byId(id);
    return other ? [{ ...named(other), similarity: shared }] : [];
  });
}

/**
 * Every group of copies in the archive, largest first; in each group the earliest dated document
 * first (the likeliest original), and each member's similarity to it.
 */
export function copyGroups(archive: Iterable<ArchiveDocument>): CopyOf[][] {
  return nearDuplicateGroups([...archive])
    .map((group) => {
      const ordered = [...group].sort(earliestFirst);
      const first = fingerprintOf(ordered[0]);
      return ordered.map((document) => {
        const own = fingerprintOf(document);
        return { ...named(document), similarity: first && own ? similarity(first, own) : 0 };
      });
    })
    .sort((x, y) => y.length - x.length || (x[0].id < y[0].id ? -1 : 1));
}

/** Two documents compared word by word, with how much of their text they share. */
export function compareDocuments(a: ArchiveDocument, b: ArchiveDocument): DocumentComparison {
  const printA = fingerprintOf(a);
  const printB = fingerprintOf(b);
  return { a: named(a), b: named(b), similarity: printA && printB ? similarity(printA, printB) : a.text === b.text ? 1 : 0, parts: compareTexts(a.text, b.text) };
}

/**
 * Results with copies folded: a hit whose copy ranks higher is listed under that hit's `alsoIn`
 * instead of on its own, so a wire story reprinted five times fills one place in the results.
 */
export function foldCopies<Hit extends { id: string }>(hits: readonly Hit[], byId: (id: string) => ArchiveDocument | undefined): Array<Hit & { alsoIn?: CopyOf[] }> {
  const documents = hits.map((hit) => byId(hit.id)).filter((d): d is ArchiveDocument => d !== undefined);
  const leaderOf = new Map<string, string>();
  for (const group of nearDuplicateGroups(documents)) for (const member of group) leaderOf.set(member.id, group[0].id);
  const folded: Array<Hit & { alsoIn?: CopyOf[] }> = [];
  const placeOf = new Map<string, number>();
  for (const hit of hits) {
    const leader = leaderOf.get(hit.id);
    const at = leader === undefined ? undefined : placeOf.get(leader);
    const document = byId(hit.id);
    if (at === undefined || !document) {
      placeOf.set(hit.id, folded.length);
      folded.push({ ...hit });
      continue;
    }
    const lead = folded[at];
    const leadPrint = fingerprintOf(byId(lead.id) ?? document);
    const own = fingerprintOf(document);
    (lead.alsoIn ??= []).push({ ...named(document), similarity: leadPrint && own ? similarity(leadPrint, own) : 0 });
  }
  return folded;
}

function earliestFirst(a: ArchiveDocument, b: ArchiveDocument): number {
  const x = a.date?.iso;
  const y = b.date?.iso;
  if (x && y && x !== y) return x < y ? -1 : 1;
  if (x && !y) return -1;
  if (y && !x) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
