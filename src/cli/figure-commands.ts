import { MEASURES, type Measure } from '../core/figures/claims';
import { visibleName } from '../shared/visible-name';
import { LOCATION_OPTIONS, parseCommandLine, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';

function isMeasure(name: string): name is Measure {
  return (MEASURES as readonly string[]).includes(name);
}

/** `figures [--measure NAME] [--json]`: the numbers the sources give for each measure, disagreements marked. */
export async function figures(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, measure: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError('figures takes no positional arguments');
  const measure = values.measure;
  if (measure !== undefined && !isMeasure(measure)) throw new UsageError(`--measure must be one of ${MEASURES.join(', ')}`);
  const ws = await cli.open(values);
  const groups = await call(ws, 'figures', { measure });
  if (values.json) {
    cli.out(JSON.stringify(groups, null, 2));
    return;
  }
  if (groups.length === 0) cli.out('no figures found');
  groups.forEach((group, i) => {
    if (i > 0) cli.out('');
    cli.out(`${group.measure} — ${group.conflict ? 'sources disagree' : 'sources agree'}`);
    for (const claim of group.claims) {
      const figure = `${claim.qualifier ? `${claim.qualifier} ` : ''}${claim.value.toLocaleString('en-US')}${claim.high === null ? '' : `–${claim.high.toLocaleString('en-US')}`}`;
      cli.out(`  ${figure}  “${claim.text}”  ${visibleName(claim.doc)}${claim.date ? `, ${claim.date}` : ''} [${claim.start}–${claim.end}]`);
    }
  });
}
