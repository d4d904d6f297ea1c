import { test, expect } from '@playwright/test'
import { STORYBOOK_PORT } from '../../playwright.config'

const BASE = `http://127.0.0.1:${STORYBOOK_PORT}`

test('every widget story renders the state it names, without script errors', async ({ page, request }) => {
  test.setTimeout(120_000)
  const index = (await (await request.get(`${BASE}/index.json`)).json()) as { entries: Record<string, { id: string; type: string; name: string }> }
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story')
  expect(stories.length).toBeGreaterThanOrEqual(36)
  const problems: string[] = []
  // Storybook's iframe asks for a favicon the static build does not have.
  await page.route((url) => url.pathname.startsWith('/favicon'), (route) => route.fulfill({ status: 204 }))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.url()}: ${response.status()}`)
  })
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`))
  page.on('console', (message) => {
    // The error story logs the 404 on purpose, prefixed; anything else is a problem.
    if (message.type() === 'error' && !message.text().startsWith('[ghatna]') && !message.text().startsWith('Failed to load resource')) problems.push(`${page.url()}: ${message.text()}`)
  })
  for (const story of stories) {
    await page.goto(`${BASE}/iframe.html?id=${story.id}&viewMode=story`)
    const root = page.locator('.ghatna-root')
    switch (story.name) {
      case 'Loading':
        await expect(root.getByRole('status').first(), story.id).toHaveText('Loading incidents…')
        break
      case 'Error':
        await expect(root.getByRole('alert'), story.id).toContainText('घटनाएँ लोड नहीं हो सकीं')
        break
      case 'Empty':
        await expect(root.locator('.ghatna-status').last(), story.id).toHaveText('This dataset has no incidents yet.')
        break
      case 'Partly Invalid':
        await expect(root.locator('.ghatna-status--partial'), story.id).toContainText('4 of 5 incidents shown; 1 left out')
        await expect(root.locator('.ghatna-chart[data-rendered]'), story.id).toHaveCount(1)
        break
      default:
        await expect(root.locator('.ghatna-chart[data-rendered]'), story.id).toHaveCount(1)
        if (story.name === 'Phone320') {
          expect(await root.evaluate((el) => el.scrollWidth - el.clientWidth), story.id).toBeLessThanOrEqual(0)
        }
    }
  }
  expect(problems).toEqual([])
})
