// Runs @doyensec/electronegativity over the project and fails on any finding above informational
// that security/electronegativity-justified.json does not justify (by check and file).
// Usage: node scripts/electronegativity.mjs [--input DIR] [--justified FILE] [--offline]
// --offline skips the one check that downloads Electron's release list (it needs the network).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    input: { type: 'string', default: root },
    justified: { type: 'string', default: path.join(root, 'security', 'electronegativity-justified.json') },
    offline: { type: 'boolean', default: false },
  },
});

// The version actually installed, so that no check has to guess it (or look it up online).
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const bin = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
const csv = path.join(outDir, 'findings.csv');
const args = [bin, '--input', path.resolve(values.input), '--electron-version', electronVersion, '--relative', '--output', csv];
if (values.offline) args.push('--exclude-checks', 'AvailableSecurityFixesGlobalCheck');
const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 300_000 });
if (/No connectivity/.test(run.stdout)) console.log("electronegativity: Electron's release list is not reachable (offline); the check for newer security releases was skipped.");
let text;
try {
  text = readFileSync(csv, 'utf8');
} catch {
  console.error(`electronegativity did not run (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  process.exit(1);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

// Rows start `CHECK_ID,"SEVERITY","CONFIDENCE","file","line:column",`; samples may span lines.
const ROW = /^([A-Z0-9_]+_CHECK),"([A-Z]+)","([A-Z]+)","([^"]*)","(\d+:\d+)"/;
const findings = text
  .split('\n')
  .slice(1)
  .filter((line) => /^[A-Z0-9_]+_CHECK,/.test(line))
  .map((line) => {
    const match = ROW.exec(line);
    if (!match) {
      console.error(`electronegativity: cannot read this row of its report: ${line}`);
      process.exit(1);
    }
    const [, check, severity, confidence, file, location] = match;
    return { check, severity, confidence, file, location };
  });

/** @type {Array<{check: string, files: string[], why: string}>} */
const justified = JSON.parse(readFileSync(values.justified, 'utf8')).justified;
const justification = (f) => justified.find((j) => j.check === f.check && j.files.includes(f.file));

let refused = 0;
for (const f of findings) {
  const where = `${f.check} (${f.severity}, ${f.confidence}) at ${f.file}:${f.location}`;
  const why = justification(f);
  if (f.severity === 'INFORMATIONAL') console.log(`informational: ${where}`);
  else if (why) console.log(`justified: ${where}: ${why.why}`);
  else {
    console.error(`NOT JUSTIFIED: ${where}`);
    refused++;
  }
}
console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${refused} not justified.`);
process.exit(refused > 0 ? 1 : 0);
