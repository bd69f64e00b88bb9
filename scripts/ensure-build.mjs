// Builds main, preload and renderer with electron-vite when the build is missing or older than
// the sources, so `npm run web` and `npm run test:e2e` always serve the current UI.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(path.join(root, 'out', 'renderer', 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = Math.max(
  newestMtime(path.join(root, 'src')),
  statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs,
);
if (builtAt() < sources) {
  process.stderr.write('Building the app (electron-vite build)…\n');
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const result = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write('error: electron-vite build failed\n');
    process.exit(result.status ?? 1);
  }
}
