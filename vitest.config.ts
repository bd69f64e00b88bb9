import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    // Fixtures built once per file (an archive indexed, a dossier exported) take seconds on a busy
    // machine; the default 10 s failed whole files under load.
    hookTimeout: 120_000,
  },
});
