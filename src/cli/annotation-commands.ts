import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_FORMATS, GROUPINGS, type ExportFormat, type Grouping } from '../core/annotations/interchange';
import type { AnchoredAnnotation } from '../core/annotations/model';
import type { ArgsOf } from '../core/api';
import { CasefileError } from '../core/errors';
import { LOCATION_OPTIONS, parseCommandLine, parseCount, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';

export async function annotate(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, {
    ...LOCATION_OPTIONS,
    doc: { type: 'string' },
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    note: { type: 'string' },
    tags: { type: 'string' },
    color: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`annotate takes no positional arguments (got ${JSON.stringify(positionals[0])})`);
  if (values.doc === undefined) throw new UsageError('annotate needs --doc ID');
  if (values.quote === undefined) throw new UsageError('annotate needs --quote "exact text"');
  const ws = await cli.open(values);
  const annotation = await call(ws, 'annotateQuote', {
    docId: values.doc,
    quote: values.quote,
    occurrence: parseCount(values.occurrence, 'occurrence'),
    note: values.note,
    tags: values.tags?.split(',').map((t) => t.trim()).filter((t) => t !== ''),
    color: values.color as ArgsOf<'annotateQuote'>['color'],
  }).catch((error: unknown) => {
    // The core says which occurrences there are; here is how to choose one on the command line.
    throw error instanceof CasefileError && error.code === 'ambiguous' ? new CasefileError(error.code, `${error.message}: give it with --occurrence N`) : error;
  });
  await ws.flush();
  if (values.json) {
    cli.out(JSON.stringify(annotationRow(annotation), null, 2));
    return;
  }
  cli.out(`annotated ${annotation.target.docId} ${annotation.current?.start}–${annotation.current?.end}: ${annotation.id}`);
}

export async function annotations(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError('annotations takes no positional arguments');
  const ws = await cli.open(values);
  const problem = ws.info().storeProblem;
  if (problem) throw new CasefileError('store-corrupt', problem.message);
  const list = await call(ws, 'listAnnotations', {});
  if (values.json) {
    cli.out(JSON.stringify(list.map(annotationRow), null, 2));
    return;
  }
  if (list.length === 0) {
    cli.out('no annotations');
    return;
  }
  for (const a of list) {
    const where = a.current ? `${a.current.start}–${a.current.end}` : 'not found';
    cli.out(`${a.id}  ${a.target.docId}  ${where}  [${a.status}] ${a.color}${a.tags.length ? ` #${a.tags.join(' #')}` : ''}`);
    cli.out(`  “${oneLine(a.target.quote.exact)}”${a.note ? `\n  note: ${oneLine(a.note)}` : ''}`);
  }
}

/** The row shape of `annotations --json`, a contract other tools rely on. */
export async function exportAnnotations(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, {
    ...LOCATION_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    'group-by': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('export-annotations takes no positional arguments');
  const format = values.format;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`export-annotations needs --format ${EXPORT_FORMATS.join('|')}`);
  }
  const groupBy = values['group-by'] ?? 'document';
  if (!(GROUPINGS as readonly string[]).includes(groupBy)) throw new UsageError(`--group-by must be one of ${GROUPINGS.join(', ')}`);
  if (!values.out) throw new UsageError('export-annotations needs --out FILE');
  const ws = await cli.open(values);
  const result = await call(ws, 'exportAnnotations', { format: format as ExportFormat, groupBy: groupBy as Grouping });
  const out = path.resolve(values.out);
  await writeFile(out, result.content);
  cli.out(`wrote ${out} (${Buffer.byteLength(result.content)} bytes, ${format})`);
}

export async function importAnnotations(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('import-annotations takes one file: import-annotations FILE.jsonld');
  let content: string;
  try {
    content = await readFile(positionals[0], 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(error as Error).message}`);
  }
  const ws = await cli.open(values);
  const result = await call(ws, 'importAnnotations', { content });
  await ws.flush();
  if (values.json) {
    cli.out(JSON.stringify(result, null, 2));
    return;
  }
  cli.out(`imported: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged`);
  for (const problem of result.problems) cli.out(`  item ${problem.index + 1} skipped: ${problem.message}`);
}

function annotationRow(a: AnchoredAnnotation) {
  return {
    id: a.id,
    doc: a.target.docId,
    quote: a.target.quote.exact,
    start: a.current?.start ?? null,
    end: a.current?.end ?? null,
    status: a.status,
    note: a.note,
    tags: a.tags,
    color: a.color,
  };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}
