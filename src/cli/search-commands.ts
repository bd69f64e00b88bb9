import type { Snippet } from '../core/search/snippets';
import { visibleName } from '../shared/visible-name';
import { LOCATION_OPTIONS, parseCommandLine, parseCount, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';
import { SEARCH_OPTIONS, searchFilters } from './search-options';

const SEARCH_COMMAND_OPTIONS = { ...LOCATION_OPTIONS, json: { type: 'boolean' }, ...SEARCH_OPTIONS, entity: { type: 'string' } } as const;
/** The options that take a value (--limit 5): the argument after one is that value. */
const TAKES_VALUE = new Set(Object.entries(SEARCH_COMMAND_OPTIONS).flatMap(([name, { type }]) => (type === 'string' ? [`--${name}`] : [])));

/**
 * A query may start with '-' (-tokayev: documents without the word). No option of ours is a
 * single dash, so such an argument is the query, unless it is the value of the option before it.
 */
function queryAsPositional(argv: string[]): string[] {
  const at = argv.findIndex((arg, i) => /^-[^-]/u.test(arg) && !(i > 0 && TAKES_VALUE.has(argv[i - 1])));
  return at === -1 ? argv : [...argv.slice(0, at), ...argv.slice(at + 1), '--', argv[at]];
}

export async function search(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(queryAsPositional(argv), SEARCH_COMMAND_OPTIONS);
  if (positionals.length !== 1) throw new UsageError('search takes exactly one query (quote it): search "<query>"');
  const query = positionals[0];
  if (query.trim() === '') throw new UsageError('the query is empty; give words to look for, e.g. search "Zhanaozen"');
  const filters = searchFilters(values);
  const ws = await cli.open(values);
  await ws.indexReady();
  const result = await call(ws, 'search', { query, limit: parseCount(values.limit, 'limit'), ...filters, entity: values.entity });
  if (values.json) {
    cli.out(JSON.stringify(result, null, 2));
    return;
  }
  cli.out(`${result.total} ${result.total === 1 ? 'document matches' : 'documents match'} ${JSON.stringify(result.query)}`);
  // Every suggestion carries the same corrected query (each word that matched nothing replaced).
  if (result.suggestions) cli.out(`  Did you mean ${JSON.stringify(result.suggestions[0].query)}?`);
  if (result.undated) cli.out(`  ${result.undated} undated ${result.undated === 1 ? 'document' : 'documents'} ${values['include-undated'] ? 'included' : 'left out by the date range (--include-undated to include)'}`);
  for (const term of result.terms) {
    if (term.presence === 'prohibited') {
      cli.out(`  ${term.term}: excluded`);
      continue;
    }
    const variants = term.variants.map((v) => `${v.text} ${v.occurrences}`).join(', ');
    cli.out(`  ${term.term}: ${term.occurrences} in ${term.documents} ${term.documents === 1 ? 'document' : 'documents'}${variants ? ` (also matched: ${variants})` : ''}${term.note ? ` — ${term.note}` : ''}`);
  }
  result.hits.forEach((hit, i) => {
    cli.out(`\n${i + 1}. ${hit.title}\n   ${hit.id} · score ${hit.score} · ${hit.matchCount} ${hit.matchCount === 1 ? 'match' : 'matches'}`);
    if (hit.matchedVariants.length > 0) cli.out(`   also matched: ${hit.matchedVariants.join(', ')}`);
    for (const snippet of hit.snippets) cli.out(`   … ${markSnippet(snippet, cli.color)} …`);
  });
}

export async function index(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, report: { type: 'boolean' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError('index takes no positional arguments');
  const ws = await cli.open(values);
  await ws.indexReady();
  const report = await call(ws, 'ingestReport', {});
  const status = await call(ws, 'indexStatus', {});
  if (values.json) {
    // The report's rows as the contract gives them ({file,status,reason,format,encoding,sha256}); a
    // reason's message code is for interfaces that word it in their own language.
    const rows = report.map(({ reasonCode: _code, ...row }) => row);
    cli.out(JSON.stringify(values.report ? rows : status, null, 2));
    return;
  }
  const count = (s: string) => report.filter((e) => e.status === s).length;
  cli.out(`${count('indexed')} indexed, ${count('skipped')} skipped, ${count('failed')} failed (${status.origin === 'cache' ? 'index loaded from the cache' : 'index built'})`);
  if (status.problem) cli.out(`warning: ${status.problem}`);
  if (!values.report) return;
  for (const e of report) {
    cli.out(`${e.status.padEnd(8)} ${visibleName(e.file)}${e.encoding ? `  [${e.encoding}]` : ''}${e.reason ? `  — ${e.reason}` : ''}`);
    // A web archive's records, under it: the documents made of them (by id), and why the others are not.
    for (const c of e.captures ?? []) cli.out(`           ${c.docId ? 'indexed ' : 'not     '} ${c.url}${c.docId ? `  → ${visibleName(c.docId)}` : ''}${c.reason ? `  — ${c.reason}` : ''}`);
  }
}

/** A snippet with its matches in bold on a terminal, else in [brackets]. */
export function markSnippet(snippet: Snippet, color: boolean): string {
  const [open, close] = color ? ['\u001b[1m', '\u001b[0m'] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.matches) {
    out += snippet.text.slice(at, start) + open + snippet.text.slice(start, end) + close;
    at = end;
  }
  return out + snippet.text.slice(at);
}
