import lunr from 'lunr';
import russian from 'lunr-languages/lunr.ru';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support';

stemmerSupport(lunr);
russian(lunr);

type LanguageFunction = (token: lunr.Token) => lunr.Token | null | undefined;
const russianStopWords = lunr.ru.stopWordFilter as LanguageFunction;
const russianStemmer = lunr.ru.stemmer as LanguageFunction;

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /^[\p{Script=Latin}\p{M}]+$/u;

/**
 * lunr-languages' `multi` plugin runs every stemmer over every word (Porter over Russian, Snowball
 * Russian over English). These two pick the language's rules by the word's script instead, so
 * neither stemmer mangles the other language's words.
 */
const stopWordsByScript: lunr.PipelineFunction = (token) =>
  (CYRILLIC.test(token.toString()) ? russianStopWords(token) : lunr.stopWordFilter(token)) ?? null;

const stemByScript: lunr.PipelineFunction = (token) => {
  const word = token.toString();
  if (CYRILLIC.test(word)) return russianStemmer(token) ?? token;
  // Compounds (kassym-jomart) and numbers are kept whole; other scripts have no stemmer here.
  if (LATIN.test(word)) return lunr.stemmer(token);
  return token;
};

/** Indexing's pipeline: stop words out and stems in, as indexTermOf (remembered per word) says. */
const toIndexTerm: lunr.PipelineFunction = (token) => {
  const term = indexTermOf(token.toString());
  return term === null ? null : token.update(() => term);
};

// Registered so that a serialized index names them and can be loaded again.
lunr.Pipeline.registerFunction(stopWordsByScript, 'casefile-stop-words');
lunr.Pipeline.registerFunction(stemByScript, 'casefile-stemmer');
lunr.Pipeline.registerFunction(toIndexTerm, 'casefile-index-term');

export function configurePipelines(builder: lunr.Builder): void {
  builder.pipeline.add(toIndexTerm);
  builder.searchPipeline.add(stemByScript);
}

const indexTerms = new Map<string, string | null>();
const MAX_CACHED_TERMS = 200_000;

/** The term a matching-form word is indexed under, or null for a stop word (not indexed). */
export function indexTermOf(term: string): string | null {
  const cached = indexTerms.get(term);
  if (cached !== undefined) return cached;
  const kept = stopWordsByScript(new lunr.Token(term, {}), 0, []);
  const result = kept instanceof lunr.Token ? stemByScript(kept, 0, []) : null;
  const value = result instanceof lunr.Token ? result.toString() : null;
  if (indexTerms.size >= MAX_CACHED_TERMS) indexTerms.clear();
  indexTerms.set(term, value);
  return value;
}
