/**
 * Whether a character changes how a name reads without being seen: control characters (a tab, a
 * line break), line and paragraph separators, and the bidirectional marks, embeddings, overrides and
 * isolates, with which `report‮fdp.exe` reads as `reportexe.pdf`.
 */
function isInvisible(code: number): boolean {
  return code < 0x20 || code === 0x7f || code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x2028 && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** A file name or document id as shown to people: each invisible character written out as [U+XXXX]. */
export function visibleName(name: string): string {
  let shown = '';
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    shown += isInvisible(code) ? `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]` : ch;
  }
  return shown;
}
