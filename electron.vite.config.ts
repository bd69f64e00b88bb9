import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Entries follow electron-vite's conventions: src/main, src/preload, src/renderer.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The indexing thread is its own entry: core/search/index-builder.ts starts ./index-worker.js.
        input: { index: 'src/main/index.ts', 'index-worker': 'src/core/search/index-worker.ts' },
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
    plugins: [react()],
  },
});
