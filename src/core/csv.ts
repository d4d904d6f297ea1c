/**
 * CSV of exactly what a widget shows. Cells that a spreadsheet would run as a
 * formula (=, +, -, @ at the start) are prefixed with an apostrophe: a dataset's
 * text must not become code on a reader's machine either.
 */
export interface CsvColumn {
  key: string
  label: string
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+([.,]\d+)?$/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** `preamble` lines (dataset, licence, sources, filters) come first as `# …` lines, then the table. */
export function toCsv(preamble: readonly string[], columns: readonly CsvColumn[], rows: readonly Record<string, string>[]): string {
  const lines = [
    ...preamble.map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`),
    columns.map((column) => cell(column.label)).join(','),
    ...rows.map((row) => columns.map((column) => cell(row[column.key] ?? '')).join(',')),
  ]
  return `${lines.join('\r\n')}\r\n`
}
