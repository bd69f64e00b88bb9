import lunr from 'lunr';
import type { ArchiveDocument } from '../archive/document';
import { CasefileError } from '../errors';
import type { SearchEngine, SearchHit, SearchOptions, SearchResult } from './search-engine';
import { buildSnippets } from './snippets';
import { tokenize } from './tokenizer';

const TITLE_BOOST = 10;
const MAX_QUERY_LENGTH = 10_000;
/** lunr expands `term~N` into every string within N edits: past 2 that exhausts memory. */
const MAX_EDIT_DISTANCE = 2;

/**
 * Query terms get the same treatment as indexed words (lunr's lexer does not use our tokenizer):
 * punctuation around a pasted word (“Zhanaozen”,) is dropped, and a term with no word left is removed.
 */
const normalizeQueryTerm: lunr.PipelineFunction = (token) => {
  const words = tokenize(token.toString());
  return words.length === 0 ? null : token.update(() => words.map((w) => w.term).join(''));
};
lunr.Pipeline.registerFunction(normalizeQueryTerm, 'casefileNormalizeTerm');

// Our tokenizer replaces lunr's whitespace splitter and its trimmer, which deletes non-Latin letters.
const casefileTokenizer = (value: unknown, metadata?: object): lunr.Token[] =>
  tokenize(value == null ? '' : String(value)).map(
    (token, index) =>
      new lunr.Token(token.term, { ...metadata, position: [token.start, token.end - token.start], index }),
  );

// lunr ships its query parser but @types/lunr does not declare it.
const { QueryParser } = lunr as unknown as { QueryParser: new (query: string, builder: lunr.Query) => { parse(): void } };

interface FieldPositions {
  [field: string]: { position?: Array<[number, number]> };
}

export class LunrSearchEngine implements SearchEngine {
  private readonly index: lunr.Index;
  private readonly documents: Map<string, ArchiveDocument>;

  constructor(documents: readonly ArchiveDocument[]) {
    this.documents = new Map(documents.map((doc) => [doc.id, doc]));
    const builder = new lunr.Builder();
    builder.tokenizer = casefileTokenizer as unknown as typeof lunr.tokenizer;
    builder.pipeline.add(lunr.stopWordFilter, lunr.stemmer);
    builder.searchPipeline.add(normalizeQueryTerm, lunr.stemmer);
    builder.metadataWhitelist = ['position'];
    builder.ref('id');
    builder.field('title', { boost: TITLE_BOOST });
    builder.field('body');
    for (const doc of documents) builder.add({ id: doc.id, title: doc.title, body: doc.text });
    this.index = builder.build();
  }

  search(query: string, { limit = 50 }: SearchOptions = {}): SearchResult {
    const results = this.run(query);
    const hits = results.slice(0, limit).map((result) => this.toHit(result));
    return { query, total: results.length, hits };
  }

  locate(query: string, docId: string): Array<[number, number]> {
    const result = this.run(query).find((r) => r.ref === docId);
    return result ? bodyRanges(result) : [];
  }

  private run(query: string): lunr.Index.Result[] {
    if (query.length > MAX_QUERY_LENGTH) {
      throw new CasefileError('invalid-query', `query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}`);
    }
    if (query.trim() === '') return [];
    try {
      return this.index.query((builder) => {
        new QueryParser(query, builder).parse();
        const tooFuzzy = builder.clauses.find((clause) => (clause.editDistance ?? 0) > MAX_EDIT_DISTANCE);
        if (tooFuzzy) {
          throw new CasefileError(
            'invalid-query',
            `“${tooFuzzy.term}~${tooFuzzy.editDistance}” allows too many edits; use ~1 or ~2`,
          );
        }
      });
    } catch (error) {
      if (error instanceof lunr.QueryParseError) {
        throw new CasefileError('invalid-query', `cannot read the query: ${error.message}`);
      }
      throw error;
    }
  }

  private toHit(result: lunr.Index.Result): SearchHit {
    const doc = this.documents.get(result.ref);
    if (!doc) throw new CasefileError('internal', `index names a document that is not loaded: ${result.ref}`);
    const ranges = bodyRanges(result);
    return {
      id: doc.id,
      title: doc.title,
      byline: doc.byline,
      date: doc.date,
      score: Math.round(result.score * 1000) / 1000,
      matchCount: ranges.length,
      snippets: buildSnippets(doc.text, ranges),
    };
  }
}

/** Match ranges in the body field, sorted and without duplicates (several terms may hit one word). */
function bodyRanges(result: lunr.Index.Result): Array<[number, number]> {
  const seen = new Set<number>();
  const ranges: Array<[number, number]> = [];
  const metadata = result.matchData.metadata as Record<string, FieldPositions>;
  for (const fields of Object.values(metadata)) {
    for (const [start, length] of fields.body?.position ?? []) {
      if (seen.has(start)) continue;
      seen.add(start);
      ranges.push([start, start + length]);
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}
