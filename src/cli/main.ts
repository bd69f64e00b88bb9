/** The `casefile` command line: runs one command with this process's streams (see commands.ts). */
import { runCommandLine } from './commands';

// `casefile search x | head -1` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCommandLine(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  color: process.stdout.isTTY === true,
});
