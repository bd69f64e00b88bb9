import lunr from 'lunr';
import { configurePipelines } from '../../src/core/search/pipeline';
import { INDEX_FIELDS, indexedFields, type IndexableDocument } from '../../src/core/search/segment';
import type { Token } from '../../src/core/search/tokenizer';

/** A field as handed to lunr's builder: already tokenized by Casefile's tokenizer. */
class TokenizedField {
  constructor(readonly tokens: Token[]) {}
}

// lunr's builder asks its tokenizer for tokens; ours are given, each with its place as lunr records it.
const givenTokens = (value: unknown): lunr.Token[] =>
  (value instanceof TokenizedField ? value.tokens : []).map((token) => new lunr.Token(token.term, { position: [token.start, token.end - token.start] }));

/**
 * lunr's own index of the documents, built by lunr.Builder from the same tokens, fields, boosts and
 * pipeline as Casefile's index: the reference Casefile's compact index is held to.
 */
export function lunrReferenceIndex(documents: readonly IndexableDocument[]): lunr.Index {
  const builder = new lunr.Builder();
  builder.tokenizer = givenTokens as unknown as typeof lunr.tokenizer;
  configurePipelines(builder);
  builder.metadataWhitelist = ['position'];
  builder.ref('id');
  for (const { field, boost } of INDEX_FIELDS) builder.field(field, { boost });
  for (const doc of documents) {
    const tokens = indexedFields(doc);
    builder.add({ id: doc.id, ...Object.fromEntries(INDEX_FIELDS.map(({ field }) => [field, new TokenizedField(tokens[field])])) });
  }
  return builder.build();
}
