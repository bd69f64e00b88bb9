import { visibleName } from '../shared/visible-name';
import { LOCATION_OPTIONS, parseCommandLine, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';

/** `timeline [--json]`: publication dates and the dates written in the documents, in date order. */
export async function timeline(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError('timeline takes no positional arguments');
  const ws = await cli.open(values);
  const entries = await call(ws, 'timeline', {});
  if (values.json) {
    cli.out(JSON.stringify(entries, null, 2));
    return;
  }
  if (entries.length === 0) cli.out('no dates found');
  for (const e of entries) {
    const how = e.kind === 'publication' ? 'published' : e.basis === 'assumed' ? `${e.precision}, year assumed` : e.precision;
    cli.out(`${e.date.padEnd(10)}  ${how.padEnd(17)}  “${e.text}”  ${visibleName(e.doc)} [${e.start}–${e.end}]`);
  }
}
