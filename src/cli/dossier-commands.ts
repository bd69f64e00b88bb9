import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArgsOf } from '../core/api';
import { DOSSIER_FORMATS } from '../core/dossier/dossier-service';
import { dossierPdfOf, isBundleVerification, isZip, readZipEntries, verifyEvidenceBundle, type BundleVerification } from '../core/dossier/evidence-bundle';
import { readPdfSignature } from '../core/dossier/signature';
import { isListed, type DossierVerification } from '../core/dossier/verify';
import { LOCATION_OPTIONS, parseCommandLine, UsageError } from '../shell/args';
import { call, type CliContext } from './cli-context';

/** `--style` names for the citation styles of the export options. */
const CITATION_STYLE_OPTIONS: Partial<Record<string, ArgsOf<'exportDossier'>['citationStyle']>> = { chicago: 'chicago-author-date', apa: 'apa' };

export async function exportDossier(argv: string[], cli: CliContext): Promise<void> {
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
  if (format !== 'pdf' && format !== 'bundle') return;
  if (format === 'bundle') cli.out(`an evidence bundle: check it on any computer, with no archive, with: casefile verify ${values.out}`);
  const signed = await readPdfSignature(format === 'bundle' ? dossierPdfOf(readZipEntries(bytes)).bytes : bytes);
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
  if (format !== 'pdf' && format !== 'bundle') throw new UsageError('only a PDF is signed: --p12 goes with --format pdf or bundle');
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

export async function verify(argv: string[], cli: CliContext): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { ...LOCATION_OPTIONS, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError('verify takes one PDF or evidence bundle: verify FILE.pdf|FILE.zip [--archive DIR]');
  let bytes: Buffer;
  try {
    bytes = await readFile(positionals[0]);
  } catch (error) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(error as Error).message}`);
  }
  // A bundle carries its sources and ledger: no archive or data folder is opened for it.
  const report: DossierVerification | BundleVerification = isZip(bytes)
    ? await verifyEvidenceBundle(bytes)
    : await call(await cli.open(values), 'verifyDossier', { base64: bytes.toString('base64') });
  const bundle = isBundleVerification(report) ? report.bundle : null;
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
    if (bundle && bundle.problems.length === 0) {
      cli.out(`bundle: ${bundle.pdf}; the bundled manifest is the one attached; ${bundle.sources.length} ${bundle.sources.length === 1 ? 'source' : 'sources'} with the SHA-256 it records`);
    }
    for (const problem of bundle?.problems ?? []) cli.out(`bundle: ${problem}`);
    const failed = quotes.filter((q) => q.status === 'failed').length;
    const broken = [
      signature.state === 'broken' ? 'the signature is broken' : null,
      ledger.state === 'broken' ? 'the custody ledger is broken' : null,
      bundle && bundle.problems.length > 0 ? `the bundle has ${bundle.problems.length} ${bundle.problems.length === 1 ? 'problem' : 'problems'}` : null,
    ].filter((x) => x !== null);
    cli.out(
      report.ok
        ? `verified: every quote is printed as its source gives it, and every source is as cited${signature.state === 'valid' ? '; the signature is valid' : ''}`
        : `NOT verified: ${[`${failed} of ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'} failed`, unlisted.length > 0 ? `${unlisted.length} printed but not listed` : null, ...broken].filter((x) => x !== null).join(', ')}`,
    );
  }
  return report.ok ? 0 : 1;
}
