import { Fragment, type ReactNode } from 'react';

/**
 * A catalogue sentence with elements in it: "Make one with {new}, or press {add}" and the elements
 * for `new` and `add`. The sentence stays whole in the catalogue (word order differs by language);
 * only the marked places become elements (a button's name in bold, a key).
 */
export function fillIn(template: string, parts: Record<string, ReactNode>): ReactNode[] {
  return template.split(/\{(\w+)\}/).map((piece, i) => <Fragment key={i}>{i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece}</Fragment>);
}
