/**
 * Writes the spreadsheet templates: templates/ghatna-template.xlsx and templates/csv/*.csv,
 * every column of the layout and one example row per sheet, taken from the default dataset
 * (the Bihar 102 ambulance incident). `--readme` prints the README's column tables instead.
 * Run: npx tsx scripts/sheet-templates.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import dataset from '../src/data/incidents.default.json' with { type: 'json' }
import { datasetToSheets, sheetsToDataset } from '../src/sheets'
import { writeCsv } from '../src/sheets/csv'
import { writeXlsx } from '../src/sheets/xlsx'
import { BASE_LANGS, COUNT_MAX, COUNT_MIN, INCIDENT_REF, SHEET_FIELDS, SHEET_NAMES, isChildSheet, languageColumn } from '../src/sheets/layout'

function exampleDataset() {
  const incident = dataset.incidents[0]!
  const response = incident.responses![0]!
  return {
    schemaVersion: 1,
    meta: dataset.meta,
    agencies: dataset.agencies.filter((agency) => agency.id === response.agency),
    incidents: [{
      ...incident,
      sources: incident.sources.slice(0, 1),
      outages: incident.outages!.slice(0, 1),
      impacts: incident.impacts!.slice(0, 1),
      responses: [response],
    }],
  }
}

function readmeTables(): string {
  const out: string[] = []
  for (const sheet of SHEET_NAMES) {
    out.push(`**${sheet}**${sheet === 'meta' ? ' (one row)' : ''}`, '', '| column | required | what goes in it |', '|---|---|---|')
    if (isChildSheet(sheet)) out.push(`| \`${INCIDENT_REF}\` | yes | the \`id\` of its incident in the incidents sheet |`)
    for (const field of SHEET_FIELDS[sheet]) {
      const columns = field.kind === 'local'
        ? `\`${BASE_LANGS.map((lang) => languageColumn(field.key, lang)).join('`, `')}\`, … or \`${field.key}\``
        : field.kind === 'agency'
          ? `\`${field.key}\` or \`${BASE_LANGS.map((lang) => languageColumn(field.key, lang)).join('`, `')}\`, …`
          : `\`${field.key}\``
      out.push(`| ${columns} | ${field.required ? 'yes' : ''} | ${field.doc} |`)
      if (sheet === 'impacts' && field.key === 'count') out.push(`| \`${COUNT_MIN}\`, \`${COUNT_MAX}\` | | a range, when reports give one ("1–1.5 lakh") |`)
    }
    out.push('')
  }
  return out.join('\n')
}

if (process.argv.includes('--readme')) console.log(readmeTables())
else {
  const example = exampleDataset()
  const { workbook, losses } = datasetToSheets(example)
  const back = sheetsToDataset(workbook.sheets.map((table) => ({ name: table.name, rows: [table.header, ...table.rows] })))
  const errors = back.issues.filter((issue) => issue.severity === 'error')
  if (losses.length || errors.length) throw new Error(`[ghatna] the template example does not convert cleanly: ${JSON.stringify({ losses, errors })}`)
  mkdirSync('templates/csv', { recursive: true })
  for (const table of workbook.sheets) writeFileSync(`templates/csv/${table.name}.csv`, writeCsv(table))
  writeFileSync('templates/ghatna-template.xlsx', await writeXlsx(workbook))
  console.log(`[ghatna] wrote templates/ghatna-template.xlsx and templates/csv/{${workbook.sheets.map((table) => table.name).join(',')}}.csv`)
}
