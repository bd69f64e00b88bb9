import { stringify } from 'csv-stringify/sync';
import { defuseFormula } from '../annotations/interchange';
import type { BatchRow } from './batch-search';

export const BATCH_CSV_COLUMNS = ['lines', 'query', 'documents', 'matches', 'matched as', 'first documents', 'first passage', 'error'] as const;

/**
 * A batch's rows as CSV for a spreadsheet (RFC 4180: CR LF, fields quoted as needed, with a
 * byte-order mark so Excel reads UTF-8): one row per query of the list. A cell that a spreadsheet
 * would run as a formula (a query "-Moscow", a passage "= 5") is defused as the annotation export does.
 */
export function batchCsv(rows: readonly BatchRow[]): string {
  const records = rows.map((row) =>
    [
      row.lines.join('; '),
      row.query,
      row.error ? '' : row.documents,
      row.error ? '' : row.matches,
      row.matchedAs.map((m) => `${m.text} (${m.occurrences})`).join('; '),
      row.top.map((d) => d.id).join('; '),
      row.top[0]?.snippet ? passage(row.top[0].snippet.text, row.top[0].snippet.start) : '',
      row.error?.message ?? '',
    ].map(defuseFormula),
  );
  return stringify(records, { header: true, columns: [...BATCH_CSV_COLUMNS], bom: true, record_delimiter: 'windows' });
}

/** A passage as the results show it: an ellipsis where it starts inside the text, and where it stops. */
function passage(text: string, start: number): string {
  return `${start > 0 ? '…' : ''}${text}…`;
}
