import { fileURLToPath } from 'node:url';
import { LOCATION_OPTIONS, parseCommandLine, parsePort, UsageError } from '../shell/args';
import { bundledArchiveDir, defaultDataDir } from '../core/locations';
import { ArchiveSession } from '../core/session';
import { CasefileError, errorMessage } from '../core/errors';
import { annotationIdFromLink, annotationRoute } from '../shared/annotation-link';
import { startWebShell } from './server';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine(process.argv.slice(2), { ...LOCATION_OPTIONS, port: { type: 'string' } });
  // One positional may be a link to an annotation: the printed URL then opens the page at it.
  const linked = positionals.length === 1 ? annotationIdFromLink(positionals[0]) : null;
  if (positionals.length > (linked === null ? 0 : 1)) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const port = parsePort(values.port);
  // Files added, changed or removed while the shell runs are picked up (and re-indexed).
  const session = await ArchiveSession.open({
    archiveDir: values.archive ?? bundledArchiveDir(),
    dataDir: values.data ?? defaultDataDir(),
    watch: true,
  });
  const info = session.current.info();
  const shell = await startWebShell({ workstation: session, rendererDir: RENDERER_DIR, port });
  process.stderr.write(
    `Casefile web shell: ${info.documentCount} documents from ${info.archiveRoot}; data in ${info.dataDir}. Ctrl+C stops it.\n`,
  );
  if (info.storeProblem) process.stderr.write(`warning: ${info.storeProblem.message}\n`);
  if (info.index.problem) process.stderr.write(`warning: ${info.index.problem}\n`);
  // The one line on stdout: tools (and `npm start`) read the URL from it.
  process.stdout.write(`${shell.url}${linked === null ? '' : annotationRoute(linked)}\n`);
  const stop = async () => {
    await shell.close();
    await session.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof CasefileError;
  const message = errorMessage(error);
  process.stderr.write(known ? `error: ${message}\n` : `error: unexpected failure: ${message}\n`);
  process.exit(known ? 2 : 1);
});
