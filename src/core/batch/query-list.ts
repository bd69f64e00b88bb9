import { CasefileError } from '../errors';
import { said, type Said } from '../said';
import { MAX_QUERY_LENGTH } from '../search/query-parser';

/** Where the queries of a list are: one a line, or one column of a CSV file (with a header row). */
export interface QueryListFormat {
  /** The CSV column, by its header's name (any case) or its number (1 is the first); absent: one query a line. */
  column?: string | number;
}

/** A query of the list, once: the lines it is on (a duplicate adds its line), or why its line cannot be read. */
export interface ListedQuery {
  /** The query as listed, spaces trimmed. */
  query: string;
  /** Lines of the file (1 is the first) where it is listed, in order; the first is where it was met. */
  lines: number[];
  /** Why the line cannot be searched: it cannot be read (a CSV quote never closed), or it is too long. */
  problem?: Said;
}

/**
 * The queries of a list a user pasted or opened: a sanctions list, the people named in a leak. A
 * byte-order mark, CR LF or CR line ends, blank lines and surrounding spaces are ignored; a query
 * listed twice (in any case or spacing) is searched once, with both lines. A line that cannot be
 * read is listed with its problem rather than failing the list.
 */
export function readQueryList(text: string, { column }: QueryListFormat = {}): ListedQuery[] {
  const input = text.startsWith('\ufeff') ? text.slice(1) : text;
  const cells = column === undefined ? lineCells(input) : columnCells(input, column);
  const listed: ListedQuery[] = [];
  const seen = new Map<string, ListedQuery>();
  for (const cell of cells) {
    const query = cell.text.trim();
    if (query === '' && !cell.problem) continue;
    if (cell.problem) {
      listed.push({ query, lines: [cell.line], problem: cell.problem });
      continue;
    }
    if (query.length > MAX_QUERY_LENGTH) {
      listed.push({ query, lines: [cell.line], problem: said('query.tooLong', { length: query.length, limit: MAX_QUERY_LENGTH }) });
      continue;
    }
    const key = sameQueryKey(query);
    const earlier = seen.get(key);
    if (earlier) {
      earlier.lines.push(cell.line);
      continue;
    }
    const entry = { query, lines: [cell.line] };
    seen.set(key, entry);
    listed.push(entry);
  }
  return listed;
}

/** Two listings are one query when they differ only in case, spacing or Unicode composition (the search folds those). */
function sameQueryKey(query: string): string {
  return query.normalize('NFC').replace(/\s+/gu, ' ').toLocaleLowerCase();
}

interface Cell {
  text: string;
  line: number;
  problem?: Said;
}

function lineCells(input: string): Cell[] {
  return input.split(/\r\n|\r|\n/u).map((text, i) => ({ text, line: i + 1 }));
}

/** The cells of one column, the header row aside. */
function columnCells(input: string, column: string | number): Cell[] {
  const records = readCsv(input);
  const header = records.find((r) => !r.problem && r.fields.some((f) => f.trim() !== ''));
  if (!header) throw new CasefileError('invalid-argument', said('batch.noHeader'));
  const names = header.fields.map((f) => f.trim());
  const at = typeof column === 'number' ? column - 1 : names.findIndex((name) => name.toLocaleLowerCase() === column.trim().toLocaleLowerCase());
  if (at < 0 || at >= names.length) {
    const which = typeof column === 'number' ? String(column) : `“${column}”`;
    throw new CasefileError('invalid-argument', said('batch.noColumn', { column: which, columns: names.map((n, i) => `${i + 1} ${n}`).join(', ') }));
  }
  return records
    .filter((r) => r !== header && r.line > header.line)
    .map((r) => (r.problem ? { text: r.raw, line: r.line, problem: r.problem } : { text: r.fields[at] ?? '', line: r.line }));
}

interface CsvRecord {
  fields: string[];
  /** The line the record starts on (a quoted field may hold line breaks). */
  line: number;
  /** The record as written, for one that breaks the rules. */
  raw: string;
  problem?: Said;
}

/**
 * A CSV reader (RFC 4180, as spreadsheets write it): fields in double quotes may hold separators,
 * line breaks and doubled quotes. The separator is the one of comma, semicolon (a European
 * spreadsheet's CSV) and tab that the first line holds most of. A record that breaks the rules is
 * kept with its problem; the records after it are read as usual.
 */
function readCsv(input: string): CsvRecord[] {
  const separator = guessSeparator(input.slice(0, input.search(/\r|\n|$/u)));
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const record: CsvRecord = { fields: [], line, raw: '' };
    const begin = i;
    let field = '';
    let ended = false;
    while (!ended) {
      if (input[i] === '"') {
        // A quoted field: to its closing quote, which a separator, a line end or the end must follow.
        i++;
        for (;;) {
          if (i >= input.length) {
            record.problem = said('batch.unclosedQuote');
            break;
          }
          const c = input[i];
          if (c === '"' && input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line++;
            field += c;
            i++;
          }
        }
        if (!record.problem && i < input.length && input[i] !== separator && input[i] !== '\r' && input[i] !== '\n') {
          record.problem = said('batch.textAfterQuote');
        }
      }
      // An unquoted field, or what follows a field with a problem: to the next separator or line end.
      while (i < input.length && input[i] !== separator && input[i] !== '\r' && input[i] !== '\n') field += input[i++];
      record.fields.push(field);
      field = '';
      if (i < input.length && input[i] === separator) {
        i++;
        continue;
      }
      ended = true;
      record.raw = input.slice(begin, i);
      if (input[i] === '\r') i++;
      if (input[i] === '\n') i++;
      line++;
    }
    records.push(record);
  }
  return records;
}

function guessSeparator(firstLine: string): string {
  const outsideQuotes = firstLine.replace(/"(?:[^"]|"")*"/gu, '');
  const counts = [',', ';', '\t'].map((s) => ({ s, n: outsideQuotes.split(s).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).s;
}
