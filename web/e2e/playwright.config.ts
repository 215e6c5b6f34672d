// Playwright runs the admin app's end-to-end tests against a real roster.
// `make e2e` (go run ./cmd/e2e) starts `roster dev` from this tree with a
// private PostgreSQL and mail capture and sets ROSTER_URL and CHROMIUM_PATH;
// to run against a roster you started yourself (for example `make run`):
//   ROSTER_URL=http://127.0.0.1:8080 npx playwright test
// Every test makes its own account, so tests run in parallel and never see
// each other's data.
import { defineConfig } from '@playwright/test';

const baseURL = process.env.ROSTER_URL;
if (!baseURL) {
  throw new Error(
    'ROSTER_URL is not set: run `make e2e` from the repository root (it starts roster), ' +
      'or point ROSTER_URL at a running `roster dev`, e.g. ROSTER_URL=http://127.0.0.1:8080 npx playwright test',
  );
}

// Playwright's own browser download is not reachable everywhere: drive the
// system's chromium (Debian's package), without its sandbox (root in CI).
export const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox'],
};

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    launchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
  },
});
