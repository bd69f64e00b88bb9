import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Entries follow electron-vite's conventions: src/main, src/preload, src/renderer.
export default defineConfig({
  main: {},
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
