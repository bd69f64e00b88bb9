import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SOURCE_FORMATS, type SourceFormat } from '../core/dossier/source-export';
import { LOCATION_OPTIONS, parseCommandLine, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';

/** `export-sources`: the sources cited, as CSL-JSON, BibTeX or RIS for a reference manager. */
export async function exportSources(argv: string[], cli: CliContext): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, out: { type: 'string' }, format: { type: 'string' }, dossier: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError('export-sources takes no positional arguments');
  if (!values.out) throw new UsageError('export-sources needs --out FILE');
  const format = values.format;
  if (!isSourceFormat(format)) throw new UsageError(`export-sources needs --format, one of ${SOURCE_FORMATS.join(', ')}`);
  const ws = await cli.open(values);
  const result = await call(ws, 'exportSources', { dossier: values.dossier ?? null, format });
  const out = path.resolve(values.out);
  await writeFile(out, Buffer.from(result.base64, 'base64'));
  for (const warning of result.warnings) cli.err(`warning: ${warning}`);
  cli.out(`wrote ${out} (${result.byteLength} bytes)`);
}

function isSourceFormat(format: string | undefined): format is SourceFormat {
  return (SOURCE_FORMATS as readonly (string | undefined)[]).includes(format);
}
