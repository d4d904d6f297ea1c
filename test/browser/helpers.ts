import { readFileSync } from 'node:fs'
import type { Page, ConsoleMessage } from '@playwright/test'

/** Serves a file from test/fixtures (or any body) at a URL the page will fetch, without a server. */
export async function serveJson(page: Page, path: string, body: unknown, status = 200): Promise<void> {
  // Match the pathname only: a glob would also match the page URL whose ?dataset= names this path.
  await page.route((url) => url.pathname === path, (route) =>
    route.fulfill({ status, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) }),
  )
}

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
}

/** Collects console errors and CSP violations for assertions. */
export function watchConsole(page: Page): { errors: string[]; violations: string[] } {
  const seen = { errors: [] as string[], violations: [] as string[] }
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') seen.errors.push(message.text())
  })
  page.on('pageerror', (error) => seen.errors.push(String(error)))
  return seen
}
