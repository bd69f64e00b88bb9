// The Node.js that the installed Electron asks for (its package's "engines"): Electron 45's installer
// and its first-start download of the runtime need Node.js 22.12, while Casefile's own code (the web
// shell, the CLI, the tests) runs on Node.js 20.19. `npm start` checks it before trying Electron.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The installed Electron's version and the lowest Node.js it states (">= 22.12.0" → "22.12.0"); null when it is not installed. */
export function electronRequirement(packageFile = path.join(root, 'node_modules', 'electron', 'package.json')) {
  try {
    const { version, engines } = JSON.parse(readFileSync(packageFile, 'utf8'));
    return { electron: version, needed: /^\s*>=\s*(\d+\.\d+\.\d+)\s*$/.exec(engines?.node ?? '')?.[1] ?? null };
  } catch {
    return null; // no Electron installed: the probe in start.mjs says so
  }
}

/** Why this Node.js cannot run Electron, in one plain sentence, or null when it can (or nothing is stated). */
export function electronNodeProblem({ node, electron, needed }) {
  if (needed === null || compareVersions(node, needed) >= 0) return null;
  return `Node.js ${node} is too old for Electron ${electron}, which needs Node.js ${needed} or newer. For the desktop app install Node.js ${needed} or newer; the web shell runs on this one`;
}

function compareVersions(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map((part) => Number.parseInt(part, 10) || 0));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
