import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { invokeApi, type ArgsOf, type MethodName, type ResultOf } from '../core/api';
import { EXPORT_FORMATS, GROUPINGS, type ExportFormat, type Grouping } from '../core/annotations/interchange';
import type { AnchoredAnnotation } from '../core/annotations/model';
import { CasefileError, errorMessage } from '../core/errors';
import { DOSSIER_FORMATS } from '../core/dossier/dossier-service';
import { readPdfSignature } from '../core/dossier/signature';
import { isListed } from '../core/dossier/verify';
import type { Workstation } from '../core/workstation';
import { SORT_ORDERS } from '../core/search/search-engine';
import { QuerySyntaxError } from '../core/search/query-parser';
import type { Snippet } from '../core/search/snippets';
import { visibleName } from '../shared/visible-name';
import { LOCATION_OPTIONS, openWorkstation, parseCommandLine, parseCount, UsageError } from '../shell/args';

const USAGE = `Usage: casefile <command> [options]

Commands:
  search "<query>" [--json] [--limit N] [--exact] [--sort relevance|newest|oldest]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source TEXT]
                                                search the archive (query language: see README)
  index [--report] [--json]                     index the archive (cached); --report lists every file
                                                with its outcome: indexed, skipped or failed, and why
  annotate --doc ID --quote "TEXT" [--occurrence N] [--note T] [--tags a,b] [--color C] [--json]
                                                highlight a passage by its exact words
  annotations [--json]                          list annotations, re-anchored against the archive
  export --out FILE [--format pdf|md|json] [--dossier NAME] [--title T] [--author A]
         [--style chicago|apa] [--no-sign | --p12 FILE --passphrase-env VAR]
                                                a dossier (without --dossier: all annotations);
                                                a PDF is signed with the local signing identity
                                                (made in the data folder on first use), or with
                                                your certificate (PKCS#12, its passphrase in the
                                                environment variable VAR), or not (--no-sign);
                                                citations in Chicago author-date (default) or APA
  verify FILE.pdf [--json]                      check every quote of an exported dossier: printed on
                                                its pages as the attached manifest lists it, and as
                                                its source in the archive gives it (exit 0 only if all ok)
  export-annotations --format jsonld|md|csv --out FILE [--group-by document|tag|color]
                                                annotations as W3C JSON-LD, Markdown or CSV
  import-annotations FILE                       merge annotations from W3C JSON-LD (by id)

Every command takes --archive DIR (default: the bundled archive) and --data DIR (default: the
platform's application data folder).`;

/** Where a command line's output goes: a line at a time (without its newline). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Matches in bold (a terminal) rather than in [brackets]. */
  color: boolean;
}

interface CliContext extends CliIo {
  /** Opens the archive a command works on; the run closes it at the end. */
  open(values: { archive?: string; data?: string }): Promise<Workstation>;
}

/** Calls a method through the same validated API the app uses; a refusal becomes a CasefileError. */
async function call<M extends MethodName>(ws: Workstation, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const result = await invokeApi(ws, method, args);
  if (!result.ok) {
    const { code, message, span } = result.error;
    throw span ? new QuerySyntaxError(message, span) : new CasefileError(code, message);
  }
  return result.value as ResultOf<M>;
}

/**
 * A query may start with '-' (-tokayev: documents without the word). No option of ours is a
 * single dash, so such an argument is the query, unless it is the value of the option before it.
 */
function queryAsPositional(argv: string[]): string[] {
  const at = argv.findIndex((arg, i) => /^-[^-]/u.test(arg) && !(i > 0 && /^--(?:archive|data|limit|sort|from|to|source)$/u.test(argv[i - 1])));
  return at === -1 ? argv : [...argv.slice(0, at), ...argv.slice(at + 1), '--', argv[at]];
}

async function search(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(queryAsPositional(argv), {
    ...LOCATION_OPTIONS,
    json: { type: 'boolean' },
    limit: { type: 'string' },
    exact: { type: 'boolean' },
    sort: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    source: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('search takes exactly one query (quote it): search "<query>"');
  const query = positionals[0];
  if (query.trim() === '') throw new UsageError('the query is empty; give words to look for, e.g. search "Zhanaozen"');
  const sort = values.sort ?? 'relevance';
  if (!(SORT_ORDERS as readonly string[]).includes(sort)) throw new UsageError(`--sort must be one of ${SORT_ORDERS.join(', ')}`);
  const ws = await cli.open(values);
  await ws.indexReady();
  const result = await call(ws, 'search', {
    query,
    limit: parseCount(values.limit, 'limit'),
    variants: !values.exact,
    sort: sort as (typeof SORT_ORDERS)[number],
    from: values.from,
    to: values.to,
    source: values.source,
  });
  if (values.json) {
    cli.out(JSON.stringify(result, null, 2));
    return;
  }
  cli.out(`${result.total} ${result.total === 1 ? 'document matches' : 'documents match'} ${JSON.stringify(result.query)}`);
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

async function index(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, report: { type: 'boolean' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError('index takes no positional arguments');
  const ws = await cli.open(values);
  await ws.indexReady();
  const report = await call(ws, 'ingestReport', {});
  const status = await call(ws, 'indexStatus', {});
  if (values.json) {
    cli.out(JSON.stringify(values.report ? report : status, null, 2));
    return;
  }
  const count = (s: string) => report.filter((e) => e.status === s).length;
  cli.out(`${count('indexed')} indexed, ${count('skipped')} skipped, ${count('failed')} failed (${status.origin === 'cache' ? 'index loaded from the cache' : 'index built'})`);
  if (status.problem) cli.out(`warning: ${status.problem}`);
  if (!values.report) return;
  for (const e of report) cli.out(`${e.status.padEnd(8)} ${visibleName(e.file)}${e.encoding ? `  [${e.encoding}]` : ''}${e.reason ? `  — ${e.reason}` : ''}`);
}

async function annotate(argv: string[], cli: CliContext): Promise<void> {
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

async function annotations(argv: string[], cli: CliContext): Promise<void> {
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

/** `--style` names for the citation styles of the export options. */
const CITATION_STYLE_OPTIONS: Partial<Record<string, ArgsOf<'exportDossier'>['citationStyle']>> = { chicago: 'chicago-author-date', apa: 'apa' };

async function exportDossier(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, {
    ...LOCATION_OPTIONS,
    out: { type: 'string' },
    format: { type: 'string' },
    dossier: { type: 'string' },
    title: { type: 'string' },
    author: { type: 'string' },
    style: { type: 'string' },
    'no-sign': { type: 'boolean' },
    p12: { type: 'string' },
    'passphrase-env': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError('export takes no positional arguments');
  if (!values.out) throw new UsageError('export needs --out FILE');
  const format = values.format ?? 'pdf';
  if (!(DOSSIER_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${DOSSIER_FORMATS.join(', ')}`);
  const citationStyle = values.style === undefined ? undefined : CITATION_STYLE_OPTIONS[values.style];
  if (values.style !== undefined && !citationStyle) throw new UsageError(`--style must be one of ${Object.keys(CITATION_STYLE_OPTIONS).join(', ')}`);
  const signature = await signatureOption(values, format);
  const ws = await cli.open(values);
  const result = await call(ws, 'exportDossier', {
    dossier: values.dossier ?? null,
    format: format as (typeof DOSSIER_FORMATS)[number],
    title: values.title ?? (values.dossier ? undefined : 'Casefile dossier'),
    author: values.author,
    citationStyle,
    signature,
  });
  const out = path.resolve(values.out);
  const bytes = Buffer.from(result.base64, 'base64');
  await writeFile(out, bytes);
  for (const warning of result.warnings) cli.err(`warning: ${warning}`);
  cli.out(`wrote ${out} (${result.byteLength} bytes)`);
  if (format !== 'pdf') return;
  const signed = await readPdfSignature(bytes);
  cli.out(signed.state === 'unsigned' ? 'not signed' : `signed by ${signed.subject} (certificate SHA-256 ${signed.fingerprint}): ${signed.state}`);
}

/** How `export` signs a PDF: not (--no-sign), with a PKCS#12 file (--p12, --passphrase-env), or with the local identity. */
async function signatureOption(values: { 'no-sign'?: boolean; p12?: string; 'passphrase-env'?: string }, format: string): Promise<ArgsOf<'exportDossier'>['signature']> {
  const variable = values['passphrase-env'];
  if (values.p12 === undefined) {
    if (variable !== undefined) throw new UsageError('--passphrase-env goes with --p12 FILE');
    return values['no-sign'] ? 'none' : 'local';
  }
  if (values['no-sign']) throw new UsageError('--no-sign and --p12 contradict each other: give one');
  if (format !== 'pdf') throw new UsageError('only a PDF is signed: --p12 goes with --format pdf');
  if (!variable) throw new UsageError('--p12 needs --passphrase-env VAR, the name of an environment variable holding the passphrase');
  const passphrase = process.env[variable];
  if (passphrase === undefined) throw new UsageError(`the environment variable ${variable} named by --passphrase-env is not set`);
  let pkcs12: Buffer;
  try {
    pkcs12 = await readFile(values.p12);
  } catch (error) {
    throw new UsageError(`cannot read ${values.p12}: ${(error as Error).message}`);
  }
  return { pkcs12Base64: pkcs12.toString('base64'), passphrase, fileName: values.p12 };
}

async function verify(argv: string[], cli: CliContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('verify takes one PDF: verify FILE.pdf [--archive DIR]');
  let bytes: Buffer;
  try {
    bytes = await readFile(positionals[0]);
  } catch (error) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(error as Error).message}`);
  }
  const ws = await cli.open(values);
  const report = await call(ws, 'verifyDossier', { base64: bytes.toString('base64') });
  if (values.json) cli.out(JSON.stringify(report, null, 2));
  else {
    const quotes = report.quotes.filter(isListed);
    const unlisted = report.quotes.filter((q) => !isListed(q));
    cli.out(`${report.title} — ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'} checked against ${report.archiveRoot} and on ${report.pages} printed pages`);
    const { signature, ledger } = report;
    cli.out(`signature: ${signature.state}${signature.subject ? ` — ${signature.subject}, certificate SHA-256 ${signature.fingerprint}` : ''}`);
    cli.out(`ledger: ${ledger.state}${ledger.problem ? ` — ${ledger.problem}` : ''}`);
    // Each line opens with what failed (the source first), or ok.
    for (const q of quotes) {
      const state = q.source !== 'ok' ? q.source : q.printed;
      cli.out(`${state.padEnd(11)} [${q.number}] ${q.docId} — source: ${q.detail}; ${q.custody}; print: ${q.printedDetail}`);
    }
    for (const u of unlisted) cli.out(`${'unlisted'.padEnd(11)} [${u.number}] p. ${u.page} — printed but not in the manifest: “${u.text}”`);
    const failed = quotes.filter((q) => q.status === 'failed').length;
    const broken = [signature.state === 'broken' ? 'the signature is broken' : null, ledger.state === 'broken' ? 'the custody ledger is broken' : null].filter((x) => x !== null);
    cli.out(
      report.ok
        ? `verified: every quote is printed as its source gives it, and every source is as cited${signature.state === 'valid' ? '; the signature is valid' : ''}`
        : `NOT verified: ${[`${failed} of ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'} failed`, unlisted.length > 0 ? `${unlisted.length} printed but not listed` : null, ...broken].filter((x) => x !== null).join(', ')}`,
    );
  }
  return report.ok ? 0 : 1;
}

/** The row shape of `annotations --json`, a contract other tools rely on. */
async function exportAnnotations(argv: string[], cli: CliContext): Promise<void> {
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

async function importAnnotations(argv: string[], cli: CliContext): Promise<void> {
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

/** A snippet with its matches in bold on a terminal, else in [brackets]. */
function markSnippet(snippet: Snippet, color: boolean): string {
  const [open, close] = color ? ['\u001b[1m', '\u001b[0m'] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.matches) {
    out += snippet.text.slice(at, start) + open + snippet.text.slice(start, end) + close;
    at = end;
  }
  return out + snippet.text.slice(at);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

const COMMANDS: Record<string, (argv: string[], cli: CliContext) => Promise<void | number>> = {
  search,
  index,
  annotate,
  annotations,
  export: exportDossier,
  'export-annotations': exportAnnotations,
  'import-annotations': importAnnotations,
  verify,
};

/**
 * Runs one command line (`search "x" --json`, …) and resolves with its exit code: 0 done, 1 a check
 * failed (verify) or an unexpected failure, 2 a usage mistake or a refusal. Everything it prints goes
 * through `io`; every archive it opened is closed before it resolves. The CLI's entry (main.ts) runs
 * it with the process's streams, tests run it in-process.
 */
export async function runCommandLine(argv: string[], io: CliIo): Promise<number> {
  const opened: Workstation[] = [];
  const cli: CliContext = {
    ...io,
    open: async (values) => {
      const ws = await openWorkstation(values);
      opened.push(ws);
      return ws;
    },
  };
  try {
    return await dispatch(argv, cli);
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      io.err(`error: ${error.message} (at column ${error.span.start + 1})`);
      return 2;
    }
    if (error instanceof UsageError || error instanceof CasefileError) {
      io.err(`error: ${error.message}`);
      return error instanceof CasefileError && error.code === 'internal' ? 1 : 2;
    }
    io.err(`error: unexpected failure: ${errorMessage(error)}`);
    return 1;
  } finally {
    await Promise.all(opened.map((ws) => ws.close().catch(() => undefined)));
  }
}

async function dispatch(argv: string[], cli: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    cli.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}; commands: ${Object.keys(COMMANDS).join(', ')}`);
  return (await run(rest, cli)) ?? 0;
}
