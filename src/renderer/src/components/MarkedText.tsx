/** Text with some ranges drawn as <mark>. Text is always rendered as text, never as markup. */
export function MarkedText({ text, marks }: { text: string; marks: ReadonlyArray<readonly [number, number]> }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(Math.max(start, at), end)}</mark>);
    at = Math.max(at, end);
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}
