const KIND_TITLES: Record<string, string> = { variant: 'name variant', fuzzy: 'near spelling' };

/**
 * Text with some ranges drawn as <mark>; a range whose kind is a name variant or near spelling is
 * drawn like the reader's (dashed) and named in its title. Text is always rendered as text, never as markup.
 */
export function MarkedText({
  text,
  marks,
  kinds,
}: {
  text: string;
  marks: ReadonlyArray<readonly [number, number]>;
  kinds?: readonly string[];
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    const title = KIND_TITLES[kinds?.[i] ?? 'exact'];
    parts.push(
      <mark key={i} className={title ? 'hit-inexact' : undefined} title={title}>
        {text.slice(Math.max(start, at), end)}
      </mark>,
    );
    at = Math.max(at, end);
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}
