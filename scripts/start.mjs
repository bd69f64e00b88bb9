// `npm start`: the Electron app when it can run here, otherwise the same UI from the web shell.
// Extra arguments (--archive DIR, --data DIR, --port N) are passed through.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronNodeProblem, electronRequirement } from './electron-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** Why Electron cannot start here, or null when it can. */
function electronUnavailable() {
  if (process.env.CASEFILE_WEB === '1') return 'CASEFILE_WEB=1 asks for the web shell';
  // Checked first: on an older Node.js, Electron's download fails in ways that do not say why.
  const requirement = electronRequirement();
  const tooOld = requirement && electronNodeProblem({ node: process.versions.node, ...requirement });
  if (tooOld) return tooOld;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display (DISPLAY is not set)';
  // Requiring the package resolves the runtime's path; electron downloads it on first use when missing.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (probe.status !== 0) return 'the Electron runtime is not installed and could not be downloaded';
  return null;
}

function startWeb(reason) {
  process.stderr.write(`Electron cannot start: ${reason}.\nServing Casefile in your browser instead.\n`);
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const web = spawn(bin('tsx'), [path.join(root, 'src', 'web', 'main.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: process.platform === 'win32',
  });
  web.stdout.on('data', (chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) process.stdout.write(`Open ${line}\n`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code) => process.exit(code ?? 0));
}

const reason = electronUnavailable();
if (reason) {
  startWeb(reason);
} else {
  const startedAt = Date.now();
  const app = spawn(bin('electron-vite'), ['preview', '--', ...args], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
  app.on('exit', (code) => {
    // A crash within seconds of launch means Electron itself could not run (missing libraries, no GPU…).
    if (code !== 0 && Date.now() - startedAt < 15_000) startWeb(`Electron exited with code ${code} at launch`);
    else process.exit(code ?? 0);
  });
}
