import { visibleName } from '../shared/visible-name';
import { LOCATION_OPTIONS, parseCommandLine, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * `duplicates [--of ID] [--json]`: the groups of documents that are copies or light edits of one
 * another (a wire story reprinted by several outlets), or the copies of one document.
 */
export async function duplicates(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, of: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError('duplicates takes no positional arguments (use --of ID for one document)');
  const ws = await cli.open(values);
  if (values.of !== undefined) {
    const copies = await call(ws, 'nearDuplicates', { id: values.of });
    if (values.json) {
    cli.out(JSON.stringify(copies, null, 2));
    return;
  }
    if (copies.length === 0) cli.out(`no copies of ${visibleName(values.of)} in the archive`);
    for (const copy of copies) cli.out(`${percent(copy.similarity)}  ${visibleName(copy.id)}  ${copy.title}${copy.date ? `, ${copy.date}` : ''}`);
    return;
  }
  const groups = await call(ws, 'duplicateGroups', {});
  if (values.json) {
    cli.out(JSON.stringify(groups, null, 2));
    return;
  }
  if (groups.length === 0) cli.out('no near-duplicate documents in the archive');
  groups.forEach((group, i) => {
    if (i > 0) cli.out('');
    cli.out(`${group.length} copies of “${group[0].title}”`);
    for (const copy of group) cli.out(`  ${percent(copy.similarity)}  ${visibleName(copy.id)}${copy.date ? `, ${copy.date}` : ''}`);
  });
}

/** `compare ID ID [--json]`: two documents side by side, the words only one of them has marked [-removed-] {+added+}. */
export async function compare(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, json: { type: 'boolean' } });
  if (positionals.length !== 2) throw new UsageError('compare takes two document ids');
  const ws = await cli.open(values);
  const comparison = await call(ws, 'compareDocuments', { a: positionals[0], b: positionals[1] });
  if (values.json) {
    cli.out(JSON.stringify(comparison, null, 2));
    return;
  }
  cli.out(`${visibleName(comparison.a.id)} ↔ ${visibleName(comparison.b.id)}: ${percent(comparison.similarity)} of their word runs in common`);
  if (!comparison.parts) {
    cli.out('too different to compare word by word');
    return;
  }
  // wdiff's marks, which reviewers know from `git diff --word-diff`.
  cli.out(comparison.parts.map((part) => (part.kind === 'same' ? part.text : part.kind === 'removed' ? `[-${part.text}-]` : `{+${part.text}+}`)).join(''));
}
