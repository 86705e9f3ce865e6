import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.ts';

// Another port or build folder lets two runs share a machine; `npm test` uses the defaults.
const port = Number(process.env.E2E_PORT ?? 4321);
const dist = process.env.BROADSIDE_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'] },
      // Checks of files and servers, not of what a screen shows: once is enough.
      testIgnore: ['**/site.spec.ts', '**/deploy.spec.ts', '**/budgets.spec.ts', '**/search-parts.spec.ts'],
    },
  ],
  webServer: {
    // Serves the built site as a static host would: `npm test` builds it first.
    command: `node scripts/serve.ts ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
