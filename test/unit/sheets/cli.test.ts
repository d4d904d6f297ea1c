import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, cpSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../src/cli/ghatna'
import { runExport, runImport } from '../../../src/cli/sheets'
import { SHEET_NAMES, sheetsToDataset } from '../../../src/sheets'
import { readCsv } from '../../../src/sheets/csv'

const tmp = () => mkdtempSync(join(tmpdir(), 'ghatna-sheets-'))
/** The template's dataset, read through the conversion code rather than the CLI. */
const templateData = () => sheetsToDataset(SHEET_NAMES.map((name) => readCsv(name, readFileSync(`templates/csv/${name}.csv`)).table)).data

describe('ghatna import', () => {
  it('a folder of CSV files: the dataset on stdout, the summary on stderr, exit 0', async () => {
    const result = await main(['import', 'templates/csv'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('templates/csv: 1 incident, 0 errors, 0 warnings.\n')
    expect(JSON.parse(result.stdout)).toStrictEqual(templateData())
  })
  it('a workbook gives the same dataset; --out writes it to a file and leaves stdout empty', async () => {
    const out = join(tmp(), 'dataset.json')
    const result = await runImport(['templates/ghatna-template.xlsx', '--out', out])
    expect(result).toEqual({ code: 0, stdout: '', stderr: 'templates/ghatna-template.xlsx: 1 incident, 0 errors, 0 warnings.\n' })
    expect(JSON.parse(readFileSync(out, 'utf8'))).toStrictEqual(templateData())
  })
  it('errors: each on stderr with the file, sheet, row and column, in the language asked; exit 1, the dataset still on stdout', async () => {
    const dir = tmp()
    cpSync('templates/csv', dir, { recursive: true })
    const incidents = readFileSync(join(dir, 'incidents.csv'), 'utf8').replace(',2021-04-01,', ',01/04/2021,')
    writeFileSync(join(dir, 'incidents.csv'), incidents)
    const result = await runImport([dir, '--lang', 'hi'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe([
      `${join(dir, 'incidents.csv')}: error: शीट incidents, पंक्ति 2, स्तंभ "started": "01/04/2021" दिन/महीना/वर्ष (या महीना/दिन/वर्ष) में लिखी है, जिसे सॉफ़्टवेयर अलग-अलग पढ़ते हैं: तारीख़ वर्ष-महीना-दिन में लिखें, जैसे 2021-04-01 (यहाँ पहले दिन पढ़ा गया, जैसा भारत में चलन है)। क्या आपका आशय "2021-04-01" था?`,
      `${dir}: 1 घटना, 1 त्रुटि, 0 चेतावनियाँ।`,
      '',
    ].join('\n'))
    expect(JSON.parse(result.stdout).incidents[0].started).toBe('01/04/2021')
  })
  it('CSV URLs, as a published Google Sheet gives them: each sheet known by its header, or named with sheet=', async () => {
    const files = readdirSync('templates/csv')
    const urls = files.map((_, i) => `https://docs.google.com/spreadsheets/d/e/KEY/pub?gid=${i}&single=true&output=csv`)
    const fetch = (async (url: string) => {
      const index = urls.indexOf(url)
      return new Response(readFileSync(`templates/csv/${files[index]}`))
    }) as typeof globalThis.fetch
    const named = urls.map((url, i) => (files[i] === 'meta.csv' ? `meta=${url}` : url))
    const result = await runImport(named, { fetch })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toStrictEqual(templateData())
  })
  it('an address that fails, a missing file, an unknown option: exit 2 with the reason', async () => {
    const fetch = (async () => new Response('no', { status: 404 })) as typeof globalThis.fetch
    expect(await runImport(['https://example.org/sheet.csv'], { fetch })).toEqual({ code: 2, stdout: '', stderr: '[ghatna] cannot read https://example.org/sheet.csv: HTTP 404\n' })
    expect(await runImport(['no-such.xlsx'])).toEqual({ code: 2, stdout: '', stderr: '[ghatna] cannot read no-such.xlsx: no such file or folder\n' })
    const unknown = await runImport(['templates/csv', '--strict'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^\[ghatna\] Unknown option '--strict'.*\nUsage: ghatna import /s)
    expect((await runImport([])).code).toBe(2)
    expect((await runImport(['templates/csv', '--lang', 'fr'])).stderr).toMatch(/^\[ghatna\] --lang must be en or hi, not "fr"\n/)
  })
  it('a file that looks like a workbook but is not one: exit 1, said in the spreadsheet\'s terms', async () => {
    const file = join(tmp(), 'broken.xlsx')
    writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))
    const result = await runImport([file])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(new RegExp(`^${file}: error: The file cannot be read as a workbook \\(\\.xlsx, Excel 2007 or later\\)`))
  })
})

describe('ghatna export', () => {
  it('--csv DIR writes one file per sheet, and they read back to the dataset', async () => {
    const dir = join(tmp(), 'out')
    const result = await main(['export', '--csv', dir, 'src/data/incidents.default.json'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(`[ghatna] wrote ${['meta', 'agencies', 'incidents', 'sources', 'outages', 'impacts', 'responses'].map((name) => join(dir, `${name}.csv`)).join(', ')}\n`)
    const back = await runImport([dir])
    expect(JSON.parse(back.stdout)).toStrictEqual(JSON.parse(readFileSync('src/data/incidents.default.json', 'utf8')))
  })
  it('--xlsx FILE from standard input', async () => {
    const file = join(tmp(), 'data.xlsx')
    const text = readFileSync('src/data/incidents.real.json', 'utf8')
    const result = await runExport(['--xlsx', file], { stdin: async () => text })
    expect(result).toEqual({ code: 0, stdout: `[ghatna] wrote ${file}\n`, stderr: '' })
    const back = await runImport([file])
    expect(back.code).toBe(0)
    expect(JSON.parse(back.stdout)).toStrictEqual(JSON.parse(text))
  })
  it('a dataset with errors is written all the same, its problems on stderr; what sheets cannot hold is said', async () => {
    const dir = tmp()
    const file = join(dir, 'data.json')
    const data = JSON.parse(readFileSync('test/fixtures/malformed/files/sector-typo.json', 'utf8'))
    data.extra = true
    writeFileSync(file, JSON.stringify(data))
    const result = await runExport(['--csv', join(dir, 'csv'), file])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe([
      `${file}: error: incident "second-portal", incidents[1].sector: "muncipal" is not allowed; use one of: health, emergency-services, municipal, governance, identity, finance, energy, transport, telecom, education, law-enforcement, defence, other. Did you mean "municipal"?`,
      `${file}: warning: extra: unknown key "extra" is kept but not used by this kit.`,
      `${file}: warning: extra: a key at the top of the file has no sheet; it is not written.`,
      '',
    ].join('\n'))
    expect(existsSync(join(dir, 'csv', 'incidents.csv'))).toBe(true)
  })
  it('not a dataset: exit 1; no --csv or --xlsx, or both: exit 2', async () => {
    const file = join(tmp(), 'page.json')
    writeFileSync(file, '<!doctype html><p>login</p>')
    expect(await runExport(['--csv', tmp(), file])).toEqual({ code: 1, stdout: '', stderr: `${file}: error: The file is a web page (HTML), not a JSON dataset: check the dataset address; the server may have sent an error or login page.\n` })
    expect((await runExport(['src/data/incidents.default.json'])).code).toBe(2)
    expect((await runExport(['--csv', 'a', '--xlsx', 'b.xlsx', 'src/data/incidents.default.json'])).code).toBe(2)
    const unknown = await runExport(['--json', 'x'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^\[ghatna\] Unknown option '--json'.*\nUsage: ghatna export /s)
  })
})
