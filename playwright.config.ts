import { defineConfig } from '@playwright/test';

// Drives the web shell in the system's Chromium (Debian package `chromium`); Playwright never
// downloads a browser of its own here.
export default defineConfig({
  testDir: 'tests/e2e',
  // Generous: CI runs on 2 shared cores, where one PDF export took 1.5 min in a run that passed everything else.
  timeout: 150_000,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CASEFILE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
    trace: 'retain-on-failure',
  },
});
