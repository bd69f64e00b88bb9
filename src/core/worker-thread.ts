import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is the module `name` beside `from` (the caller's
 * `import.meta.url`). From source (tests, CLI, web shell under tsx) the thread loads TypeScript
 * through tsx; in the Electron build it is the bundled `name.js` beside the main bundle (each thread
 * is an entry of electron.vite.config.ts, and chunks are kept beside the entries so that this holds
 * for code in a chunk too).
 */
export function startWorker(name: string, from: string, options: WorkerOptions = {}): Worker {
  if (from.endsWith('.ts')) {
    const entry = new URL(`./${name}.ts`, from).href;
    const bootstrap = `import(${JSON.stringify(tsxEsmApiUrl(from))}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(from)}));`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  return new Worker(new URL(`./${name}.js`, from), options);
}

/** tsx's ESM API as its own export map names it (require.resolve would give the CommonJS build). */
function tsxEsmApiUrl(from: string): string {
  const manifestPath = createRequire(from).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(manifestPath), manifest.exports['./esm/api'].import.default)).href;
}
