import { readFile } from 'node:fs/promises';
import { batchCsv } from '../core/batch/batch-csv';
import { errorMessage } from '../core/errors';
import { visibleName } from '../shared/visible-name';
import { LOCATION_OPTIONS, parseCommandLine, parseCount, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';
import { markSnippet } from './search-commands';
import { SEARCH_OPTIONS, searchFilters } from './search-options';

/**
 * `batch --queries FILE [--json|--csv]`: every query of a list (one a line, or a CSV column with
 * --column) searched with the same options; for each, its documents, matches, other spellings and
 * first documents. A line that cannot be searched is reported on its row; the others go on.
 */
export async function batch(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, {
    ...LOCATION_OPTIONS,
    queries: { type: 'string' },
    column: { type: 'string' },
    phrases: { type: 'boolean' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    ...SEARCH_OPTIONS,
  });
  if (positionals.length > 0) throw new UsageError('batch takes its queries from a file: batch --queries FILE');
  if (values.queries === undefined) throw new UsageError('batch needs --queries FILE (one query a line, or a CSV file with --column)');
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  const filters = searchFilters(values);
  const column = values.column === undefined ? undefined : /^\d+$/u.test(values.column) ? parseCount(values.column, 'column') : values.column;
  let text: string;
  try {
    text = await readFile(values.queries, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the list of queries ${JSON.stringify(values.queries)}: ${errorMessage(error)}`);
  }
  const ws = await cli.open(values);
  await ws.indexReady();
  const rows = await call(ws, 'batchSearch', {
    text,
    column,
    phrases: values.phrases,
    documentsPerQuery: documentsPerQuery(values.limit),
    ...filters,
  });
  if (values.json) {
    cli.out(JSON.stringify(rows, null, 2));
    return;
  }
  if (values.csv) {
    // The last record's CR LF is the output's final line end.
    cli.out(batchCsv(rows).replace(/\r\n$/u, ''));
    return;
  }
  const failed = rows.filter((r) => r.error).length;
  cli.out(`${rows.length} ${rows.length === 1 ? 'query' : 'queries'} searched${failed ? `, ${failed} could not be` : ''}`);
  for (const row of rows) {
    const where = `line ${row.lines.join(', ')}`;
    if (row.error) {
      cli.out(`\n${where}: ${row.query}\n   error: ${row.error.message}`);
      continue;
    }
    const also = row.matchedAs.map((m) => `${m.text} ${m.occurrences}`).join(', ');
    cli.out(
      `\n${where}: ${row.searched} — ${row.documents} ${row.documents === 1 ? 'document' : 'documents'}, ${row.matches} ${row.matches === 1 ? 'match' : 'matches'}${also ? ` (also matched: ${also})` : ''}`,
    );
    for (const d of row.top) {
      cli.out(`   ${visibleName(d.id)} · ${d.title}`);
      if (d.snippet) cli.out(`      … ${markSnippet(d.snippet, cli.color)} …`);
    }
  }
}

/** --limit: the documents listed for each query (the API takes up to 20). */
function documentsPerQuery(limit: string | undefined): number | undefined {
  const count = parseCount(limit, 'limit');
  if (count !== undefined && count > 20) throw new UsageError(`--limit is at most 20 documents for each query, not ${count}`);
  return count;
}
