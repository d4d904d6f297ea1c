/**
 * Network faults from a real local server (127.0.0.1 only): each gives a clear
 * error state with a retry, and a retry that succeeds renders normally.
 */
import { test, expect } from '@playwright/test'
import { createServer, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'

const dataset = readFileSync('src/data/incidents.default.json', 'utf8')
let server: Server
let base = ''
let flakyCalls = 0

test.beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*')
    const path = new URL(request.url ?? '/', 'http://x').pathname
    switch (path) {
      case '/ok.json':
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(dataset)
        return
      case '/404.json':
        response.writeHead(404).end('not found')
        return
      case '/500.json':
        response.writeHead(500).end('oops')
        return
      case '/slow.json':
        // Never answers; the kit's timeout must end the wait. Closed by the server's shutdown.
        return
      case '/drop.json':
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(dataset.length) })
        response.write(dataset.slice(0, 500))
        setTimeout(() => request.socket.destroy(), 50)
        return
      case '/page.json':
        response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><h1>Login</h1>')
        return
      case '/moved.json':
        response.writeHead(302, { Location: '/ok.json' }).end()
        return
      case '/huge.json': {
        // 50 MB announced; the kit must refuse without reading it all.
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024) })
        const chunk = Buffer.alloc(1024 * 1024, 0x20)
        let sent = 0
        const push = () => {
          while (sent < 50 && response.write(chunk)) sent++
          if (sent < 50) response.once('drain', push)
          else response.end()
        }
        push()
        response.on('error', () => {})
        return
      }
      case '/flaky.json':
        flakyCalls += 1
        if (flakyCalls === 1) response.writeHead(500).end('try later')
        else response.writeHead(200, { 'Content-Type': 'application/json' }).end(dataset)
        return
      default:
        response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
test.afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const cases: [string, string, string][] = [
  ['404', '/404.json', 'The server answered 404 for'],
  ['500', '/500.json', 'The server answered 500 for'],
  ['no answer', '/slow.json?timeout', 'did not answer within 2 seconds.'],
  ['dropped mid-body', '/drop.json', 'broke off while loading. Try again.'],
  ['wrong content type', '/page.json', 'The file is a web page (HTML), not a JSON dataset: check the dataset address'],
  ['50 MB', '/huge.json', 'is larger than 20 MB; the kit stops reading there.'],
]

for (const [name, path, message] of cases) {
  test(`${name}: a clear error with a retry`, async ({ page }) => {
    const url = `${base}${path.replace('?timeout', '')}`
    await page.goto(`/?dataset=${encodeURIComponent(url)}${path.endsWith('?timeout') ? '&timeout=2' : ''}`)
    const alert = page.getByRole('alert').first()
    await expect(alert).toContainText('The incidents could not be loaded', { timeout: 10_000 })
    await expect(alert).toContainText(message)
    await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
    await expect(page.locator('.ghatna-chart')).toHaveCount(0)
  })
}

test('a redirect is followed', async ({ page }) => {
  await page.goto(`/?dataset=${encodeURIComponent(`${base}/moved.json`)}`)
  await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
})

test('a retry that succeeds renders normally', async ({ page }) => {
  await page.goto(`/?dataset=${encodeURIComponent(`${base}/flaky.json`)}&lang=hi`)
  await expect(page.getByRole('alert').first()).toContainText('सर्वर ने 500 उत्तर दिया')
  await page.getByRole('button', { name: 'फिर से कोशिश करें' }).first().click()
  await expect(page.locator('.ghatna-chart[data-rendered]')).toHaveCount(4)
  await expect(page.getByRole('alert')).toHaveCount(0)
})
