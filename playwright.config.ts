import { defineConfig } from '@playwright/test'

/** Browser tests run in Debian's Chromium (Playwright cannot download browsers here) against the production build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Overridable so a second checkout can run its browser tests beside another's servers.
const PORT = Number(process.env.GHATNA_TEST_PORT ?? 4173)
export const STORYBOOK_PORT = Number(process.env.GHATNA_STORYBOOK_PORT ?? 6007)

export default defineConfig({
  testDir: 'test/browser',
  outputDir: 'test-results',
  timeout: 30_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `npx vite build --logLevel warn && npx vite build --config vite.embed.config.ts --logLevel warn && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The built Storybook, so every story is checked in Chromium (test/browser/stories.spec.ts).
      command: `npm run build-storybook && npx vite preview --outDir storybook-static --port ${STORYBOOK_PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${STORYBOOK_PORT}/index.json`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
})
