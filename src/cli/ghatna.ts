#!/usr/bin/env node
/**
 * `ghatna validate FILE [--lang hi] [--json]`: the same validator and messages as
 * the widgets, for dataset authors and their CI. Exits 1 when the file has errors.
 * `ghatna render …` draws a widget as SVG (src/cli/render.ts).
 */
import { version } from '../../package.json'
import { validateDataset } from '../core/validate'
import { describeIssue, type MessageLang } from '../core/issues'
import { readSettings } from '../core/settings'
import { helpText, isResult, parseCommand, readInput, readUtf8, usageError, type CliResult, type ReadFile } from './args'

export type { CliResult } from './args'

export const USAGE = `Usage: ghatna validate FILE [--lang en|hi] [--json]
       ghatna render --widget map|downtime|impact|timeline --dataset FILE [options] > widget.svg
       ghatna import WORKBOOK.xlsx | CSV_DIR | CSV_FILE_OR_URL… [--out FILE]
       ghatna export --csv DIR | --xlsx FILE [DATASET.json]
       ghatna --help | --version

Commands:
  validate   check a Ghatna incident dataset (format version 1)
  render     draw one widget as a static SVG
  import     a spreadsheet (workbook or CSV files) → dataset JSON
  export     a dataset → CSV files or a workbook

Run ghatna validate --help or ghatna render --help for a command's options.
Exit status: 0 done, 1 the dataset has errors, 2 usage error or unreadable file.`

export const VALIDATE_USAGE = `Usage: ghatna validate FILE [--lang en|hi] [--json]

Checks a Ghatna incident dataset (format version 1) and prints every problem
with the incident id, the JSON path, the value and the rule broken (on stderr),
then a summary (on stdout).

Options:
  --lang en|hi   language of the messages (default en)
  --json         one JSON report on stdout instead
  -h, --help     this help

Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage error or unreadable file.`

export function runCli(args: readonly string[], readFile: ReadFile = readUtf8): CliResult {
  const [command, ...rest] = args
  if (command === undefined) return usageError('no command given: use ghatna validate FILE or ghatna render. See ghatna --help.')
  if (command === '--help' || command === '-h' || command === 'help') return helpText(USAGE)
  if (command === '--version') return { code: 0, stdout: `${version}\n`, stderr: '' }
  if (command !== 'validate') return usageError(`unknown command "${command}": use validate or render. See ghatna --help.`)

  const parsed = parseCommand('validate', rest, { lang: { type: 'string' }, json: { type: 'boolean' } }, true)
  if (isResult(parsed)) return parsed
  if (parsed.values.help) return helpText(VALIDATE_USAGE)
  const [badLang] = readSettings({ lang: parsed.values.lang }, 'cli').problems
  if (badLang) return usageError(`validate: --lang must be ${badLang.rule}; found "${badLang.given}". See ghatna validate --help.`)
  if (parsed.positionals.length !== 1) return usageError(`validate: give exactly one FILE${parsed.positionals.length ? `, not ${parsed.positionals.length}` : ''}. See ghatna validate --help.`)
  const lang: MessageLang = parsed.values.lang === 'hi' ? 'hi' : 'en'
  const file = parsed.positionals[0]!

  const text = readInput(file, readFile)
  if (isResult(text)) return text
  const report = validateDataset(text)
  const hasErrors = report.errors.length > 0
  if (parsed.values.json) {
    const issues = [...report.errors, ...report.warnings].map((issue) => ({ ...issue, message: describeIssue(issue, lang) }))
    const valid = report.dataset?.incidents.length ?? 0
    return { code: hasErrors ? 1 : 0, stdout: JSON.stringify({ file, valid, rejected: report.rejected, issues }, null, 2) + '\n', stderr: '' }
  }
  const lines = [
    ...report.errors.map((issue) => `${file}: error: ${describeIssue(issue, lang)}`),
    ...report.warnings.map((issue) => `${file}: warning: ${describeIssue(issue, lang)}`),
  ]
  const valid = report.dataset?.incidents.length ?? 0
  const summary = report.fatal
    ? lang === 'hi' ? `${file}: फ़ाइल पढ़ी नहीं जा सकी।` : `${file}: the file cannot be used.`
    : lang === 'hi'
      ? `${file}: ${report.incidentCount} में से ${valid} घटनाएँ मान्य, ${report.rejected.length} छोड़ी गईं, ${report.warnings.length} चेतावनियाँ।`
      : `${file}: ${valid} of ${report.incidentCount} incidents valid, ${report.rejected.length} left out, ${report.warnings.length} warnings.`
  return { code: hasErrors ? 1 : 0, stdout: `${summary}\n`, stderr: lines.length ? `${lines.join('\n')}\n` : '' }
}

/** `render` draws a chart and so is async; `validate` is not. */
export async function main(args: readonly string[], readFile: ReadFile = readUtf8): Promise<CliResult> {
  if (args[0] === 'import' || args[0] === 'export') return (await import('./sheets')).runSheetsCommand(args)
  if (args[0] !== 'render') return runCli(args, readFile)
  const { parseRenderArgs, renderWidget, RENDER_USAGE } = await import('./render')
  const options = parseRenderArgs(args.slice(1))
  if (isResult(options)) return options
  if (options === 'help') return helpText(RENDER_USAGE)
  const text = readInput(options.dataset, readFile)
  if (isResult(text)) return text
  try {
    const result = await renderWidget(options, () => text)
    const problems = result.problems.map((line) => `[ghatna] ${options.dataset}: ${line}\n`).join('')
    if (result.svg === undefined) return { code: 1, stdout: '', stderr: `${problems}[ghatna] ${options.dataset}: ${result.error}\n` }
    return { code: 0, stdout: `${result.svg}\n`, stderr: problems }
  } catch (cause) {
    return { code: 2, stdout: '', stderr: `[ghatna] cannot render ${options.dataset}: ${cause instanceof Error ? cause.message : String(cause)}\n` }
  }
}

// Run only when executed, not when imported by tests.
const invoked = process.argv[1] ?? ''
if (/ghatna(\.ts|\.js)?$/.test(invoked)) {
  void main(process.argv.slice(2)).then((result) => {
    // Problems first, the summary last: in a terminal the last line is the verdict.
    process.stderr.write(result.stderr)
    process.stdout.write(result.stdout)
    process.exitCode = result.code
  })
}
