/** A run of text in a side-by-side comparison; `changed` when it is not in the other text. */
export interface DiffPart {
  text: string;
  changed: boolean;
}

/** Beyond this many word pairs the comparison is not worked out (quadratic); the texts are shown plainly. */
const MAX_CELLS = 250_000;

/**
 * Marks the words that differ between a quote and the text proposed for it, so a reviewer sees at
 * a glance that "fire" became "shoot". Words (with the spaces after them) are compared by a longest
 * common subsequence, after the common head and tail are set aside.
 */
export function diffWords(before: string, after: string): { before: DiffPart[]; after: DiffPart[] } {
  const a = words(before);
  const b = words(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length * midB.length > MAX_CELLS) {
    return { before: [{ text: before, changed: false }], after: [{ text: after, changed: false }] };
  }
  const [keptA, keptB] = commonWords(midA, midB);
  const side = (all: string[], mid: string[], kept: boolean[]) =>
    merge([
      ...all.slice(0, head).map((text) => ({ text, changed: false })),
      ...mid.map((text, i) => ({ text, changed: !kept[i] })),
      ...all.slice(all.length - tail).map((text) => ({ text, changed: false })),
    ]);
  return { before: side(a, midA, keptA), after: side(b, midB, keptB) };
}

function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** For each word of `a` and of `b`: whether it belongs to their longest common subsequence. */
function commonWords(a: string[], b: string[]): [boolean[], boolean[]] {
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const keptA = a.map(() => false);
  const keptB = b.map(() => false);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      keptA[i++] = true;
      keptB[j++] = true;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return [keptA, keptB];
}

/**
 * Joins neighbouring parts of the same kind, so a changed phrase is one mark, and leaves the space
 * after a changed phrase unmarked (a struck-through space reads as if the words ran together).
 */
function merge(parts: DiffPart[]): DiffPart[] {
  return join(
    join(parts).flatMap((part) => {
      if (!part.changed) return [part];
      const words = part.text.trimEnd();
      return [
        { text: words, changed: true },
        { text: part.text.slice(words.length), changed: false },
      ];
    }),
  );
}

function join(parts: DiffPart[]): DiffPart[] {
  const joined: DiffPart[] = [];
  for (const part of parts) {
    const last = joined.at(-1);
    if (part.text === '') continue;
    if (last && last.changed === part.changed) last.text += part.text;
    else joined.push({ ...part });
  }
  return joined;
}
