import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 60_000,
  // Fixtures built once per file (an archive indexed, a dossier exported) take seconds on a busy
  // machine; the default 10 s failed whole files under load.
  hookTimeout: 120_000,
  // A stubbed variable never outlives its test, even when files share a process.
  unstubEnvs: true,
};

export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default on 2 cores is one worker; two ran the suite in 3 min 35 s instead of 5 min 10 s
    // here, with every test passing (docs/testing.md). Timeouts above leave room for a busy machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/renderer/**', 'tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          ...shared,
          // The core's module graph (pdf-lib, fontkit, zod, linkedom, mammoth) takes seconds to import
          // on a loaded machine; importing it once per worker instead of once per file was most of the
          // suite's saving (docs/testing.md). No test here relies on fresh module state: workstations,
          // temporary folders, stubbed variables and fake timers are closed or restored by each test.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          ...shared,
        },
      },
    ],
  },
});
