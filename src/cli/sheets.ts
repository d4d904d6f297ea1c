/**
 * `ghatna import` and `ghatna export`: a workbook, a folder of CSV files or CSV URLs (a
 * published Google Sheet gives one per sheet) to dataset JSON, and back. Problems go to
 * stderr in the spreadsheet's terms, as the checks in src/sheets say them.
 */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { validateDataset } from '../core/validate'
import { describeIssue, type MessageLang } from '../core/issues'
import { SHEET_NAMES } from '../sheets/layout'
import { sheetOfCsv } from '../sheets/naming'
import { datasetToSheets, type ExportLoss } from '../sheets/toSheets'
import { sheetsToDataset, type InputTable } from '../sheets/fromSheets'
import { describeSheetIssue, type SheetIssue } from '../sheets/issues'
import { readCsv, writeCsv } from '../sheets/csv'
import { readXlsx, writeXlsx } from '../sheets/xlsx'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface SheetsCliIo {
  fetch?: typeof fetch
  /** Standard input, for `export` without a file. */
  stdin?: () => Promise<string>
}

const IMPORT_USAGE = `Usage: ghatna import FILE.xlsx | DIR | FILE.csv… | CSV_URL… [--out dataset.json] [--lang en|hi]

Reads a workbook in the Ghatna layout (sheets meta, agencies, incidents, sources,
outages, impacts, responses), a folder of CSV files named after the sheets, or CSV
files or URLs (name one with sheet=URL, or let its header say which sheet it is),
and writes the dataset JSON to stdout or --out. Problems go to stderr.
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or unreadable input.`

const EXPORT_USAGE = `Usage: ghatna export --csv DIR | --xlsx FILE [dataset.json] [--lang en|hi]

Writes a dataset (a file, or standard input) as the Ghatna workbook: one CSV file per
sheet in DIR, or one .xlsx file. Exit status: 0 written, 1 the input is not a dataset,
2 usage or unwritable output.`

const usage = (text: string, problem?: string): CliResult => ({ code: 2, stdout: '', stderr: `${problem ? `[ghatna] ${problem}\n` : ''}${text}\n` })

function langOf(value: string | undefined): MessageLang | undefined {
  return value === undefined || value === 'en' ? 'en' : value === 'hi' ? 'hi' : undefined
}

const isUrl = (text: string) => /^https?:\/\//i.test(text)
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** Which sheet a CSV file is: named with `sheet=`, by its file name, or by the columns of its header (shared with the widgets). */
export { sheetOfCsv }

interface Loaded {
  tables: InputTable[]
  issues: SheetIssue[]
  /** Where each sheet came from, for the problem lines. */
  origin: Map<string, string>
}

async function loadBytes(source: string, io: SheetsCliIo): Promise<Uint8Array> {
  if (!isUrl(source)) return new Uint8Array(await readFile(source))
  const response = await (io.fetch ?? globalThis.fetch)(source)
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

async function loadInputs(inputs: readonly string[], io: SheetsCliIo): Promise<Loaded> {
  const loaded: Loaded = { tables: [], issues: [], origin: new Map() }
  const addCsv = (label: string, bytes: Uint8Array, named?: string) => {
    const { table, issues } = readCsv(label, bytes)
    const name = named ?? sheetOfCsv(label, table.rows)
    loaded.tables.push({ name, rows: table.rows })
    loaded.issues.push(...issues.map((issue) => ({ ...issue, sheet: name })))
    loaded.origin.set(name, label)
  }
  for (const input of inputs) {
    const named = /^([a-z]+)=(.+)$/i.exec(input)
    const [sheet, source] = named && (SHEET_NAMES as readonly string[]).includes(named[1]!.toLowerCase()) ? [named[1]!.toLowerCase(), named[2]!] : [undefined, input]
    if (!isUrl(source) && (await stat(source)).isDirectory()) {
      const files = (await readdir(source)).filter((file) => file.toLowerCase().endsWith('.csv')).sort()
      if (files.length === 0) throw new Error(`${source} holds no .csv file`)
      for (const file of files) addCsv(join(source, file), new Uint8Array(await readFile(join(source, file))))
      continue
    }
    const bytes = await loadBytes(source, io)
    if (isZip(bytes)) {
      const { tables, issues } = await readXlsx(bytes)
      loaded.tables.push(...tables)
      loaded.issues.push(...issues)
      for (const table of tables) loaded.origin.set(table.name, source)
    } else addCsv(source, bytes, sheet)
  }
  return loaded
}

function reason(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return 'no such file or folder'
  return cause instanceof Error ? cause.message : String(cause)
}

export async function runImport(args: readonly string[], io: SheetsCliIo = {}): Promise<CliResult> {
  let parsed
  try {
    parsed = parseArgs({ args: [...args], options: { out: { type: 'string', short: 'o' }, lang: { type: 'string' } }, allowPositionals: true, strict: true })
  } catch (cause) {
    return usage(IMPORT_USAGE, reason(cause))
  }
  const lang = langOf(parsed.values.lang)
  if (!lang) return usage(IMPORT_USAGE, `--lang must be en or hi, not "${parsed.values.lang}"`)
  if (parsed.positionals.length === 0) return usage(IMPORT_USAGE)
  let loaded: Loaded
  try {
    loaded = await loadInputs(parsed.positionals, io)
  } catch (cause) {
    return { code: 2, stdout: '', stderr: `[ghatna] cannot read ${parsed.positionals.join(' ')}: ${reason(cause)}\n` }
  }
  const fallback = parsed.positionals.join(' ')
  const unreadable = loaded.issues.filter((issue) => issue.rule === 'sheet-unreadable')
  const result = unreadable.length ? undefined : sheetsToDataset(loaded.tables)
  const issues = [...loaded.issues, ...(result?.issues ?? [])]
  const lines = issues.map((issue) => `${loaded.origin.get(issue.sheet ?? '') ?? fallback}: ${issue.severity}: ${describeSheetIssue(issue, lang)}`)
  const errors = issues.filter((issue) => issue.severity === 'error').length
  const warnings = issues.length - errors
  const incidents = Array.isArray(result?.data.incidents) ? result.data.incidents.length : 0
  const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  const summary = lang === 'hi'
    ? `${fallback}: ${counted(incidents, 'घटना', 'घटनाएँ')}, ${counted(errors, 'त्रुटि', 'त्रुटियाँ')}, ${counted(warnings, 'चेतावनी', 'चेतावनियाँ')}।`
    : `${fallback}: ${counted(incidents, 'incident', 'incidents')}, ${counted(errors, 'error', 'errors')}, ${counted(warnings, 'warning', 'warnings')}.`
  const stderr = `${[...lines, summary].join('\n')}\n`
  if (!result) return { code: 1, stdout: '', stderr }
  const json = `${JSON.stringify(result.data, null, 2)}\n`
  if (parsed.values.out === undefined) return { code: errors ? 1 : 0, stdout: json, stderr }
  try {
    await writeFile(parsed.values.out, json)
  } catch (cause) {
    return { code: 2, stdout: '', stderr: `${stderr}[ghatna] cannot write ${parsed.values.out}: ${reason(cause)}\n` }
  }
  return { code: errors ? 1 : 0, stdout: '', stderr }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function runExport(args: readonly string[], io: SheetsCliIo = {}): Promise<CliResult> {
  let parsed
  try {
    parsed = parseArgs({ args: [...args], options: { csv: { type: 'string' }, xlsx: { type: 'string' }, lang: { type: 'string' } }, allowPositionals: true, strict: true })
  } catch (cause) {
    return usage(EXPORT_USAGE, reason(cause))
  }
  const { csv, xlsx } = parsed.values
  const lang = langOf(parsed.values.lang)
  if (!lang) return usage(EXPORT_USAGE, `--lang must be en or hi, not "${parsed.values.lang}"`)
  if ((csv === undefined) === (xlsx === undefined) || parsed.positionals.length > 1) return usage(EXPORT_USAGE)
  const file = parsed.positionals[0]
  const label = file ?? 'stdin'
  let text: string
  try {
    text = file === undefined || file === '-' ? await (io.stdin ?? readStdin)() : await readFile(file, 'utf8')
  } catch (cause) {
    return { code: 2, stdout: '', stderr: `[ghatna] cannot read ${label}: ${reason(cause)}\n` }
  }
  const report = validateDataset(text)
  // An invalid dataset is written all the same: fixing it in a spreadsheet is one reason to export it.
  const problems = [...report.errors, ...report.warnings].map((issue) => `${label}: ${issue.severity}: ${describeIssue(issue, lang)}`)
  if (report.fatal) return { code: 1, stdout: '', stderr: `${problems.join('\n')}\n` }
  const { workbook, losses } = datasetToSheets(JSON.parse(text.replace(/^\uFEFF/, '')))
  const lossLines = losses.map((loss) => `${label}: warning: ${loss.path}: ${LOSS_TEXT[lang][loss.reason]}`)
  const stderr = [...problems, ...lossLines].map((line) => `${line}\n`).join('')
  try {
    if (csv !== undefined) {
      await mkdir(csv, { recursive: true })
      for (const table of workbook.sheets) await writeFile(join(csv, `${table.name}.csv`), writeCsv(table))
      return { code: 0, stdout: `[ghatna] wrote ${workbook.sheets.map((table) => join(csv, `${table.name}.csv`)).join(', ')}\n`, stderr }
    }
    await writeFile(xlsx!, await writeXlsx(workbook))
    return { code: 0, stdout: `[ghatna] wrote ${xlsx}\n`, stderr }
  } catch (cause) {
    return { code: 2, stdout: '', stderr: `${stderr}[ghatna] cannot write ${csv ?? xlsx}: ${reason(cause)}\n` }
  }
}

const LOSS_TEXT: Record<MessageLang, Record<ExportLoss['reason'], string>> = {
  en: {
    'empty-text': 'an empty text has no cell of its own; it reads back as absent.',
    'list-separator': 'a list item that holds ";", is empty or has spaces at its ends cannot be written as it is.',
    'one-item-list': 'a list of one source reads back as that one source id (the same meaning).',
    'empty-list': 'an empty list has no rows; it reads back as absent.',
    'nested-key': 'a key inside a count range has no column; it is not written.',
    'top-level-key': 'a key at the top of the file has no sheet; it is not written.',
    'not-text': 'a value of an unexpected type is written as text.',
  },
  hi: {
    'empty-text': 'ख़ाली पाठ का अपना कोई सेल नहीं होता; वापस पढ़ने पर वह नहीं मिलेगा।',
    'list-separator': 'सूची की जिस प्रविष्टि में ";" हो, जो ख़ाली हो या जिसके सिरों पर खाली जगह हो, वह जैसी है वैसी नहीं लिखी जा सकती।',
    'one-item-list': 'एक स्रोत वाली सूची वापस उसी एक स्रोत id के रूप में पढ़ी जाएगी (अर्थ वही)।',
    'empty-list': 'ख़ाली सूची की कोई पंक्ति नहीं होती; वापस पढ़ने पर वह नहीं मिलेगी।',
    'nested-key': 'गिनती की सीमा के भीतर की कुंजी का कोई स्तंभ नहीं है; वह नहीं लिखी गई।',
    'top-level-key': 'फ़ाइल के सबसे ऊपर की कुंजी की कोई शीट नहीं है; वह नहीं लिखी गई।',
    'not-text': 'अनपेक्षित प्रकार का मान पाठ के रूप में लिखा गया।',
  },
}

/** `ghatna import …` and `ghatna export …`; `args` start with the command. */
export function runSheetsCommand(args: readonly string[], io: SheetsCliIo = {}): Promise<CliResult> {
  return args[0] === 'import' ? runImport(args.slice(1), io) : runExport(args.slice(1), io)
}
