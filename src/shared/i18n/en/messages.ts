/**
 * The English sentences the core writes (query errors, ingest reasons, verify and custody details),
 * each under a stable key with its values as named arguments. The core writes its English from this
 * table (src/core/said.ts), so the CLI's text and the interface's English are one wording; the other
 * languages' tables word the same keys for the interface (see src/shared/i18n/core-messages.ts).
 */
export const messages = {
  // The query language (src/core/search/query-parser.ts).
  'query.tooLong': ({ length, limit }: { length: number; limit: number }) => `the query is ${length} characters long; the limit is ${limit}`,
  'query.needsTermAfter': ({ operator }: { operator: string }) => `'${operator}' needs a term after it`,
  'query.needsTermEachSide': ({ keyword }: { keyword: string }) => `'${keyword}' needs a term on each side`,
  'query.tooManyFuzzy': ({ count, limit }: { count: number; limit: number }) => `the query has ${count} fuzzy terms (~); the limit is ${limit}`,
  'query.tooManyTerms': ({ count, limit }: { count: number; limit: number }) => `the query has ${count} terms; the limit is ${limit}`,
  'query.unclosedGroup': () => `this parenthesis is never closed — add a closing )`,
  'query.unopenedGroup': () => `this ')' closes no parenthesis — remove it or add an opening (`,
  'query.emptyGroup': ({ group }: { group: string }) => `the group ${group} has no words in it`,
  'query.groupsTooDeep': ({ limit }: { limit: number }) => `parentheses nest more than ${limit} deep`,
  'query.groupTilde': () => `'~' cannot follow a group; for words near each other write "security forces"~5`,
  'query.operatorNeedsTerm': ({ operator }: { operator: string }) => `'${operator}' must be followed directly by a term, as in ${operator}tokayev`,
  'query.operatorAfterOperator': ({ operator }: { operator: string }) => `'${operator}' cannot follow another operator`,
  'query.unknownField': ({ name, fields }: { name: string; fields: string }) => `unknown field '${name}' — fields are ${fields}`,
  'query.nothingAfterField': ({ name }: { name: string }) => `nothing after '${name}:' — write ${name}:word or ${name}:"a phrase"`,
  'query.colonWithoutField': ({ fields }: { fields: string }) => `':' must follow a field name (${fields})`,
  'query.operatorBeforeField': ({ operator, field }: { operator: string; field: string }) => `put '${operator}' before the field, as in ${operator}${field}:word`,
  'query.unclosedQuote': () => `this quote is never closed — add a closing "`,
  'query.emptyPhrase': ({ phrase }: { phrase: string }) => `the phrase ${phrase} has no words in it`,
  'query.tildeWithoutWord': () => `'~' must follow a word, as in liquefied~1`,
  'query.modifierWithoutWord': ({ modifier }: { modifier: string }) => `'${modifier}' must follow a word, as in title:kazakhstan^2`,
  'query.wildcardAndFuzzy': () => `a word cannot be both a wildcard and fuzzy`,
  'query.wildcardNeedsLetter': () => `a wildcard needs at least one letter beside it, as in protest*`,
  'query.fuzzyWordTooLong': ({ letters }: { letters: number }) => `'~' works on words of up to ${letters} letters`,
  'query.fuzzyOneWord': ({ words }: { words: string }) => `'~' applies to one word; ${words} is several`,
  'query.boostNeedsNumber': () => `'^' needs a positive number after it, as in title:kazakhstan^2`,
  'query.proximityNeedsNumber': () => `'~' after a phrase needs a number of words, as in "security forces"~5`,
  'query.proximityTooFar': ({ distance, limit }: { distance: string; limit: number }) =>
    `'~${distance}' is too far; words can be up to ~${limit} apart (for anywhere in the article, write +word +word)`,
  'query.proximityOneWord': ({ word }: { word: string }) => `'~' after quotes needs two words or more; for near spellings of one word write ${word}~1`,
  'query.tooManyEdits': ({ edits }: { edits: string }) => `'~${edits}' allows too many edits; use ~1 or ~2`,
  'query.unexpected': ({ character }: { character: string }) => `unexpected '${character}' — put a space between terms`,

  // Why ingest left a file out (src/core/archive/archive.ts).
  'ingest.hiddenFolder': () => 'hidden folder',
  'ingest.hiddenFile': () => 'hidden file',
  'ingest.symbolicLink': () => 'symbolic link (not followed)',
  'ingest.tooDeep': ({ levels }: { levels: number }) => `folder nested deeper than ${levels} levels`,
  'ingest.notRegularFile': () => 'not a regular file',
  'ingest.temporaryFile': () => 'editor temporary or lock file',
  'ingest.sidecar': () => 'metadata sidecar (read with its document)',
  'ingest.unsupportedFormat': ({ extension }: { extension: string }) => `not a supported format (${extension})`,
  'ingest.noExtension': () => 'not a supported format (no extension)',
  'ingest.empty': () => 'empty (no text)',
  'ingest.binaryNul': () => 'binary content (NUL bytes), not text',
  // Why a file of the archive was not read (src/core/contained-path.ts).
  'read.disappeared': () => 'the file disappeared while being read',
  'read.outsideLink': () => 'a folder on its path is a link that leads outside the archive folder',
  'read.folderLink': () => 'a folder on its path is a symbolic link (not followed)',
  'read.folder': () => 'a folder, not a file',
  'read.notRegular': () => 'not a regular file (a pipe, socket or device)',
  'ingest.binaryControl': () => 'binary content (control characters), not text',

  // A quote's source checked in the archive (src/core/dossier/verify.ts).
  'source.outside': () => 'the document id points outside the archive',
  'source.notArchiveFile': () => 'the document id names no file the archive reads (hidden, or not a supported format)',
  'source.gone': () => 'the source file is not in the archive',
  'source.notRead': ({ reason }: { reason: string }) => `the source file is not read from the archive: ${reason}`,
  'source.noPlace': () => 'no place was cited (the quote was not found at export), so it cannot be verified',
  'source.changedSameWords': ({ sha256, was, place }: { sha256: string; was: string; place: string }) =>
    `the source file changed (SHA-256 ${sha256}…, was ${was}…); at ${place} the quoted words still stand there`,
  'source.changedOtherWords': ({ sha256, was, place, text }: { sha256: string; was: string; place: string; text: string }) =>
    `the source file changed (SHA-256 ${sha256}…, was ${was}…); at ${place} the text there now reads “${text}”`,
  'source.otherWords': ({ place, text }: { place: string; text: string }) => `the text at ${place} reads “${text}”, not the quote`,
  'source.holds': ({ sha256, place }: { sha256: string; place: string }) => `SHA-256 ${sha256}…, characters ${place} hold the quote`,
  'source.holdsOnPage': ({ sha256, place, page }: { sha256: string; place: string; page: number }) =>
    `SHA-256 ${sha256}…, characters ${place} (p. ${page}) hold the quote`,
  'source.holdsOnPages': ({ sha256, place, first, last }: { sha256: string; place: string; first: number; last: number }) =>
    `SHA-256 ${sha256}…, characters ${place} (pp. ${first}–${last}) hold the quote`,

  // A quote found (or not) on the dossier's printed pages (src/core/dossier/verify.ts, verify-printed.ts).
  'print.notPrinted': ({ number }: { number: number }) => `no quote block [${number}] with these words is on the pages`,
  'print.ok': ({ number, page }: { number: number; page: number }) => `printed as [${number}] on p. ${page}, word for word, with its citation`,
  'print.otherNumber': ({ number, page, printedAs }: { number: number; page: number; printedAs: number }) =>
    `printed on p. ${page} as [${printedAs}], not [${number}]`,
  'print.altered': ({ number, page, problem }: { number: number; page: number; problem: string }) => `[${number}] on p. ${page}: ${problem}`,
  'print.goesOn': ({ beyond }: { beyond: string }) => `the printed quote goes on beyond the source’s words: “${beyond}”`,
  'print.otherWord': ({ printed, source }: { printed: string; source: string }) => `printed “${printed}” where the source reads “${source}”`,
  'print.noWords': () => 'none of its words is printed',
  'print.onlyStart': ({ rest }: { rest: string }) => `only its start is printed; not printed: “${rest}”`,

  // What the custody ledger says of a cited version (src/core/archive/custody-ledger.ts).
  'custody.noLedger': () => 'no custody ledger at hand',
  'custody.notInLedger': () => 'not in the custody ledger',
  'custody.versionNeverSeen': ({ firstSeen }: { firstSeen: string }) => `first seen at ${firstSeen}; this version was never seen by Casefile`,
  'custody.changedAt': ({ firstSeen, changed }: { firstSeen: string; changed: string }) => `first seen at ${firstSeen}; changed at ${changed}`,
  'custody.unchangedSinceFirstSeen': ({ firstSeen }: { firstSeen: string }) => `unchanged since first seen at ${firstSeen}`,
  'custody.unchangedSince': ({ firstSeen, since }: { firstSeen: string; since: string }) => `first seen at ${firstSeen}; unchanged since ${since}`,

  // Lists of queries for a batch search (src/core/batch/query-list.ts).
  'batch.noHeader': () => 'the CSV file has no header row to find the column in',
  'batch.noColumn': ({ column, columns }: { column: string; columns: string }) => `the CSV file has no column ${column}; its columns are ${columns}`,
  'batch.unclosedQuote': () => 'a quoted field on this line is never closed',
  'batch.textAfterQuote': () => 'text after a closing quote: a quote inside a quoted field is written twice ("")',
  'batch.tooMany': ({ count, limit }: { count: number; limit: number }) => `the list has ${count} queries; the limit is ${limit}`,
  // Entities and the edits made to them by hand (src/core/entities).
  'entity.notFound': ({ id }: { id: string }) => `no entity ${id}; the entities command lists them`,
  'entity.mergeNeedsTwo': () => 'a merge needs at least two different entities',
  'entity.splitNoVariant': ({ id, variants }: { id: string; variants: string }) => `${id} is not written ${variants}; its spellings are listed with it`,
  'entity.splitAll': () => 'a split must leave at least one spelling in the entity',
  'entity.noEdit': ({ index, count }: { index: number; count: number }) => `there is no edit ${index}; there are ${count}`,
};
