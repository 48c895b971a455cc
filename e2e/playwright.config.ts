import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(__dirname, '..');
const baseURL = process.env.PLAYWRIGHT_BASE_URL ?? 'http://localhost:3000';

/**
 * End-to-end tests of the suite in the demo portal. Playwright starts the
 * portal with the README's start command (`npm start`) unless one is already
 * running, and stops it afterwards. Uses Debian's Chromium; Playwright's own
 * browsers are never downloaded.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: 'results',
  globalSetup: './waitForDemo.ts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { outputFolder: 'report', open: 'never' }]],
  webServer: {
    // The portal's log goes to a file: it logs every request.
    command: 'npm start > e2e/portal.log 2>&1',
    cwd: root,
    url: baseURL,
    // A developer's running portal is used as it is; CI always starts one.
    reuseExistingServer: !process.env.CI,
    // The first start compiles the app; on two cores that takes minutes.
    timeout: 600_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
  use: {
    baseURL,
    viewport: { width: 1440, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
