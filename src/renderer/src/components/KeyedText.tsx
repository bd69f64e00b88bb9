import { Key } from './Key';

/**
 * A sentence of the catalogue with keys in it, each written `{H}`, drawn as keys: the sentence stays
 * whole in the catalogue, so each language puts the keys where its word order needs them.
 */
export function KeyedText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\{([^{}]+)\}/).map((part, i) => (i % 2 === 1 ? <Key key={i}>{part}</Key> : part))}
    </>
  );
}
