// The screenshots of the README's Admin app section (docs/screenshots/*.png):
// `make screenshots` runs this config against a fresh roster dev, whose demo
// data (Acme Hosting) the pictures show.
import { defineConfig } from '@playwright/test';
import base, { launchOptions } from './playwright.config';

export default defineConfig({
  ...base,
  testDir: './screenshots',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    ...base.use,
    launchOptions,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
  },
});
