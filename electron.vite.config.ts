import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * index.html carries the app's Content-Security-Policy (no inline script). Only the dev server drops
 * it, since React's hot reload injects an inline script; built pages always keep it.
 */
const devServerWithoutPageCsp: Plugin = {
  name: 'casefile-dev-server-without-page-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// Entries follow electron-vite's conventions: src/main, src/preload, src/renderer.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Each thread is its own entry: core/search/index-builder.ts starts ./index-worker.js, and
        // core/archive/extract-pool.ts ./extract-worker.js (core/worker-thread.ts).
        input: {
          index: 'src/main/index.ts',
          'index-worker': 'src/core/search/index-worker.ts',
          'extract-worker': 'src/core/archive/extract-worker.ts',
        },
        // Code shared by the entries goes beside them, not into chunks/: a thread is found beside
        // the module that starts it, which may be in a shared chunk (extract-pool.ts is).
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    plugins: [react(), devServerWithoutPageCsp],
  },
});
