import type { TextSpan } from './document';

/**
 * Lines a saved web page carries that are not the article: teasers for other stories, sharing and
 * comment prompts, "Source link". They stay in the text (offsets and citations are of the whole
 * file), are shown dimmed in the reader, and are left out of the index and so of search and snippets.
 */
const BOILERPLATE = [
  /^(?:read more|related|see also|also read|recommended|more from|you may also like|watch)\s*[:|–—-]\s*\S/i,
  /^(?:share this (?:article|story|post)|share on \w+|tweet this|print this (?:article|page))[\s.…!]*$/i,
  /^(?:leave a (?:comment|reply)|post a comment|\d+\s+comments?|comments? \(\d+\))[\s.…!]*$/i,
  /^(?:source link|source|original article|via)\s*[:.…]?\s*$/i,
  /^this site uses akismet to reduce spam\b/i,
  /^(?:subscribe|sign up)(?: (?:to|for) (?:our|the) newsletter)?[\s.…!]*$/i,
  /^(?:follow us on|advertisement|sponsored content|click here to\b)/i,
];

export function isBoilerplateLine(line: string): boolean {
  const text = line.trim();
  return text.length <= 300 && BOILERPLATE.some((pattern) => pattern.test(text));
}

/** The paragraphs of a text that are boilerplate. */
export function boilerplateSpans(text: string, paragraphs: readonly TextSpan[]): TextSpan[] {
  return paragraphs.filter((p) => isBoilerplateLine(text.slice(p.start, p.end)));
}

/** The text with boilerplate replaced by spaces of the same length, so offsets hold (what is indexed). */
export function withoutBoilerplate(text: string, spans: readonly TextSpan[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + ' '.repeat(span.end - span.start);
    at = span.end;
  }
  return out + text.slice(at);
}
