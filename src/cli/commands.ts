import { CasefileError, errorMessage } from '../core/errors';
import { QuerySyntaxError } from '../core/search/query-parser';
import type { Workstation } from '../core/workstation';
import { openWorkstation, UsageError } from '../shell/args';
import { annotate, annotations, exportAnnotations, importAnnotations } from './annotation-commands';
import type { CliContext, CliIo } from './cli-context';
import { exportDossier, verify } from './dossier-commands';
import { index, search } from './search-commands';
import { exportSources } from './source-commands';
import { figures } from './figure-commands';
import { timeline } from './timeline-commands';
import { entities } from './entity-commands';
import { batch } from './batch-commands';
import { compare, duplicates } from './duplicate-commands';
import { marks, saved } from './saved-commands';

export type { CliIo } from './cli-context';

const USAGE = `Usage: casefile <command> [options]

Commands:
  search "<query>" [--json] [--limit N] [--exact] [--sort relevance|newest|oldest]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--include-undated] [--source TEXT]
         [--entity ID]
                                                search the archive (query language: see README)
  index [--report] [--json]                     index the archive (cached); --report lists every file
                                                with its outcome: indexed, skipped or failed, and why
  annotate --doc ID --quote "TEXT" [--occurrence N] [--note T] [--tags a,b] [--color C] [--json]
                                                highlight a passage by its exact words
  annotations [--json]                          list annotations, re-anchored against the archive
  export --out FILE [--format pdf|md|json|bundle|docx] [--dossier NAME] [--title T] [--author A]
         [--style chicago|apa] [--no-sign | --p12 FILE --passphrase-env VAR]
                                                a dossier (without --dossier: all annotations);
                                                a PDF is signed with the local signing identity
                                                (made in the data folder on first use), or with
                                                your certificate (PKCS#12, its passphrase in the
                                                environment variable VAR), or not (--no-sign);
                                                citations in Chicago author-date (default) or APA;
                                                bundle: a zip of the signed PDF, the quoted sources,
                                                the manifest, the custody ledger, the annotations
                                                (JSON-LD) and HOW-TO-VERIFY.txt
                                                docx: an editable Word document, citations as
                                                footnotes (not signed: verify the PDF)
  verify FILE.pdf|FILE.zip [--json]             check every quote of an exported dossier: printed on
                                                its pages as the attached manifest lists it, and as
                                                its source in the archive gives it (exit 0 only if all ok);
                                                a bundle (.zip) is checked against its own sources,
                                                with no archive or data folder
  export-sources --format csl-json|bibtex|ris --out FILE [--dossier NAME]
                                                the sources cited, for Zotero or another reference
                                                manager (without --dossier: every source an
                                                annotation cites); each with a note naming its
                                                Casefile file and SHA-256
  export-annotations --format jsonld|md|csv --out FILE [--group-by document|tag|color]
                                                annotations as W3C JSON-LD, Markdown or CSV
  import-annotations FILE                       merge annotations from W3C JSON-LD (by id)
  figures [--measure deaths|detentions|injuries|missing] [--json]
                                                the numbers the sources give for each measure ("227
                                                people died"), side by side; disagreements marked
  entities [--type person|organization|place] [--json]
                                                the people, organisations and places the documents
                                                name, each grouped across spellings and scripts
                                                (Tokayev = Tokajev = Токаев), most mentioned first
  timeline [--json]                             publication dates and the dates written in the
                                                documents ("January 5", "last week"), in date order
  batch --queries FILE [--json|--csv] [--column NAME|N] [--phrases] [--limit N] [--exact]
         [--sort …] [--from …] [--to …] [--include-undated] [--source TEXT]
                                                every query of a list (one a line, or a CSV column
                                                by header name or number) searched alike: documents,
                                                matches, other spellings, first passages; --phrases
                                                searches a line of plain words as one phrase
  duplicates [--of ID] [--json]                 documents that are copies or light edits of one
                                                another (a wire story reprinted), with the share of
                                                text they have in common; --of: one document's copies
  compare ID ID [--json]                        two documents word by word: [-only in the first-]
                                                {+only in the second+}
  saved list|save|run|seen|rename|delete [--json]
         save NAME "<query>" [search options] [--entity ID] [--starred] [--tags a,b]
         run NAME [--limit N] [--seen]    searches kept by name; each says how many matching
                                                documents are new or changed since it was last
                                                seen; run lists them first, marked [new] [changed]
  marks [--starred] [--tag T] [--json]          the documents starred or tagged
  marks star|unstar ID | tag|untag ID TAG,TAG   star a whole document, or tag it

Every command takes --archive DIR (default: the bundled archive) and --data DIR (default: the
platform's application data folder).`;

const COMMANDS: Record<string, (argv: string[], cli: CliContext) => Promise<void | number>> = {
  search,
  index,
  annotate,
  annotations,
  export: exportDossier,
  'export-sources': exportSources,
  'export-annotations': exportAnnotations,
  'import-annotations': importAnnotations,
  verify,
  figures,
  timeline,
  entities,
  batch,
  duplicates,
  compare,
  saved,
  marks,
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
