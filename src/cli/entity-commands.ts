import { ENTITY_TYPES, type EntityType } from '../core/entities/types';
import { LOCATION_OPTIONS, parseCommandLine, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';

function isEntityType(name: string): name is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(name);
}

/** `entities [--type person|organization|place] [--json]`: the people, organisations and places of the documents, most mentioned first. */
export async function entities(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, type: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError('entities takes no positional arguments');
  const type = values.type;
  if (type !== undefined && !isEntityType(type)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
  const ws = await cli.open(values);
  const list = await call(ws, 'entities', { type });
  if (values.json) {
    cli.out(JSON.stringify(list, null, 2));
    return;
  }
  if (list.length === 0) cli.out('no entities found');
  for (const e of list) {
    const counts = `${e.mentions} ${e.mentions === 1 ? 'mention' : 'mentions'} in ${e.documents} ${e.documents === 1 ? 'document' : 'documents'}`;
    const others = e.variants.filter((v) => v !== e.name);
    cli.out(`${e.type.padEnd(12)}  ${e.name}  (${counts})  ${e.id}${others.length > 0 ? `\n${' '.repeat(14)}also written: ${others.join(', ')}` : ''}`);
  }
}
