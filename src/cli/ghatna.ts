#!/usr/bin/env node
/**
 * `ghatna validate FILE [--lang hi] [--json]`: the same validator and messages as
 * the widgets, for dataset authors and their CI. Exits 1 when the file has errors.
 */
import { readFileSync } from 'node:fs'
import { validateDataset } from '../core/validate'
import { describeIssue, type MessageLang } from '../core/issues'

const USAGE = `Usage: ghatna validate FILE [--lang en|hi] [--json]
       ghatna render --widget map|downtime|impact|timeline --dataset FILE [--lang hi] [--theme dark] [--metric downtime] [--width 800] [--strict] > widget.svg

Checks a Ghatna incident dataset (format version 1) and prints every problem
with the incident id, the JSON path, the value and the rule broken.
Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage or unreadable file.`

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function runCli(args: readonly string[], readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): CliResult {
  const [command, ...rest] = args
  const json = rest.includes('--json')
  const langIndex = rest.indexOf('--lang')
  const lang: MessageLang = langIndex >= 0 && rest[langIndex + 1] === 'hi' ? 'hi' : 'en'
  const files = rest.filter((arg, i) => !arg.startsWith('--') && rest[i - 1] !== '--lang')
  if (command !== 'validate' || files.length !== 1) return { code: 2, stdout: '', stderr: `${USAGE}\n` }
  const file = files[0]!

  let text: string
  try {
    text = readFile(file)
  } catch (cause) {
    const reason = cause instanceof Error && 'code' in cause && cause.code === 'ENOENT' ? 'no such file' : String(cause)
    return { code: 2, stdout: '', stderr: `[ghatna] cannot read ${file}: ${reason}\n` }
  }
  const report = validateDataset(text)
  const hasErrors = report.errors.length > 0
  if (json) {
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
export async function main(args: readonly string[]): Promise<CliResult> {
  if (args[0] === 'import' || args[0] === 'export') return (await import('./sheets')).runSheetsCommand(args)
  if (args[0] !== 'render') return runCli(args)
  const { parseRenderArgs, renderWidget } = await import('./render')
  const options = parseRenderArgs(args.slice(1))
  if (typeof options === 'string') return { code: 2, stdout: '', stderr: `${options}\n` }
  try {
    const result = await renderWidget(options)
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
    process.stdout.write(result.stdout)
    process.stderr.write(result.stderr)
    process.exitCode = result.code
  })
}
