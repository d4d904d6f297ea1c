import { test, expect } from '@playwright/test'
import { serveJson, watchConsole } from './helpers'
import { datasetWith, minimalIncident } from '../fixtures/minimal'

test.describe('demo dashboard on the bundled dataset', () => {
  test('lists the four seed incidents with their sources, under a strict CSP', async ({ page }) => {
    const seen = watchConsole(page)
    const violations: string[] = []
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`))
    })
    await page.goto('/')
    await expect(page.locator('.ghatna-incident')).toHaveCount(4)
    const bihar = page.locator('[data-incident="bihar-102-ambulance-ransomware-2021"]')
    await expect(bihar.locator('.ghatna-incident__title')).toHaveText("Hackers halt Bihar's 102 emergency ambulance dispatch and demand dollars")
    await expect(bihar.locator('summary .ghatna-incident__facts')).toContainText('1 Apr 2021')
    await expect(bihar.locator('summary .ghatna-incident__facts')).toContainText('Bihar')
    await expect(page.locator('[data-incident="mp-e-nagar-palika-attack-2023"] summary .ghatna-incident__facts')).toContainText('Dec 2023')
    await expect(page.locator('[data-incident="cowin-150-million-claim-2021"] .ghatna-badge')).toHaveText('Denied')
    expect(seen.errors).toEqual([])
    expect(violations).toEqual([])
  })

  test('switches to Hindi and keeps the choice in the URL', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: 'हिंदी' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
    await expect(page.locator('[data-incident="bihar-102-ambulance-ransomware-2021"] .ghatna-incident__title')).toHaveText('हैकरों ने बिहार की 102 आपातकालीन एंबुलेंस सेवा ठप की, डॉलर मांगे')
    await expect(page.locator('[data-incident="bihar-102-ambulance-ransomware-2021"] summary .ghatna-incident__facts')).toContainText('1 अप्रैल 2021')
    expect(new URL(page.url()).search).toBe('?lang=hi')
    await page.reload()
    await expect(page.locator('h1')).toHaveText('घटना: भारतीय सार्वजनिक सेवाओं पर साइबर हमले')
  })
})

test.describe('?dataset= loads another file', () => {
  test('shows the other dataset, with the invalid incident left out and explained', async ({ page }) => {
    await serveJson(page, '/fixtures/other.json', datasetWith([
      minimalIncident({ id: 'other-one', title: { en: 'Other dataset incident', hi: 'दूसरे डेटासेट की घटना' }, summary: { hi: 'केवल हिंदी में सार' } }),
      minimalIncident({ id: 'broken', regions: ['IN-XX'] }),
    ]))
    await page.goto('/?dataset=/fixtures/other.json')
    await expect(page.locator('.ghatna-incident')).toHaveCount(1)
    await expect(page.locator('.ghatna-incident__title')).toHaveText('Other dataset incident')
    // A text that exists only in Hindi falls back to Hindi and says so with lang="hi".
    await expect(page.locator('.ghatna-incident p[lang="hi"]')).toHaveText('केवल हिंदी में सार')
    await expect(page.locator('.ghatna-status--partial')).toHaveCount(1)
    await expect(page.locator('.ghatna-status--partial')).toContainText('1 of 2 incidents shown; 1 left out because of errors in the dataset.')
    await page.getByText('Show the problems').click()
    await expect(page.locator('.ghatna-status--partial li')).toHaveText('incident "broken", incidents[1].regions[0]: "IN-XX" is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope).')
  })

  test('decodes and validates the file in a worker, and on the page when a CSP forbids workers', async ({ page }) => {
    const where = () => page.evaluate(() => performance.getEntriesByName('ghatna:validated').map((mark) => (mark as PerformanceMark).detail))
    // A rejected incident first (the worker names kept incidents by index), then one kept as parsed,
    // then one the validator copies to normalise a withdrawn code (the worker sends that one whole).
    const dataset = datasetWith([
      minimalIncident({ id: 'broken', regions: ['IN-XX'] }),
      minimalIncident({ id: 'one', title: 'Worker incident' }),
      minimalIncident({ id: 'legacy', title: 'Legacy code incident', regions: ['IN-OR'] }),
    ])
    const expectShown = async () => {
      await expect(page.locator('.ghatna-incident__title')).toHaveText(['Worker incident', 'Legacy code incident'])
      await expect(page.locator('[data-incident="legacy"]')).toContainText('Odisha')
      await expect(page.locator('.ghatna-status--partial')).toContainText('2 of 3 incidents shown; 1 left out')
    }
    await serveJson(page, '/fixtures/other.json', dataset)
    await page.goto('/?dataset=/fixtures/other.json')
    await expectShown()
    expect(await where()).toEqual([{ url: '/fixtures/other.json', where: 'worker', incidents: 2 }])

    // The same page under a CSP without workers: nothing is lost, it is only done on the page.
    await page.route((url) => url.pathname === '/', async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" } })
    })
    await page.goto('/?dataset=/fixtures/other.json')
    await expectShown()
    expect(await where()).toEqual([{ url: '/fixtures/other.json', where: 'main', incidents: 2 }])
  })

  test('a missing file gives a readable error with a retry that works', async ({ page }) => {
    let attempts = 0
    await page.route((url) => url.pathname === '/fixtures/flaky.json', (route) =>
      ++attempts === 1 ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(datasetWith([minimalIncident()])) }),
    )
    await page.goto('/?dataset=/fixtures/flaky.json&lang=hi')
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('घटनाएँ लोड नहीं हो सकीं')
    await expect(alert).toContainText('के लिए सर्वर ने 404 उत्तर दिया।')
    await alert.getByRole('button', { name: 'फिर से कोशिश करें' }).click()
    await expect(page.locator('.ghatna-incident')).toHaveCount(1)
  })

  test('a file that is not JSON names the problem', async ({ page }) => {
    await serveJson(page, '/fixtures/not-json.json', '{"schemaVersion": 1,\n  "meta": {}}}')
    await page.goto('/?dataset=/fixtures/not-json.json')
    await expect(page.getByRole('alert')).toContainText('The file is not valid JSON: the error is at line 2, column 14, near "}".')
  })
})
