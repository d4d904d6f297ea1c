/**
 * The spreadsheet code (and papaparse, read-excel-file, write-excel-file) must never reach the
 * first paint of a JSON embed or the Vue app entry: nothing outside src/sheets and the CLI
 * imports it statically. (npm run test:size measures the payloads themselves.)
 */
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return path === join('src', 'sheets') || path === join('src', 'cli') ? [] : sourceFiles(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

/** A static import or re-export; a dynamic import( ) loads on demand and is allowed. */
const STATIC_IMPORT = /^\s*(import|export)(?!\s*\()[^'"]*['"]([./]+sheets\/|papaparse|read-excel-file|write-excel-file)/m

describe('spreadsheet code stays out of the widgets\' payload', () => {
  it('no widget, store, embed or library file imports src/sheets or the spreadsheet libraries statically', () => {
    const offenders = sourceFiles('src').filter((file) => STATIC_IMPORT.test(readFileSync(file, 'utf8')))
    expect(offenders).toEqual([])
  })
  it('the check sees static imports and lets dynamic ones through', () => {
    expect(STATIC_IMPORT.test("import { datasetToSheets } from '../sheets/toSheets'")).toBe(true)
    expect(STATIC_IMPORT.test("export * from '../../sheets/index'")).toBe(true)
    expect(STATIC_IMPORT.test("import Papa from 'papaparse'")).toBe(true)
    expect(STATIC_IMPORT.test("  const { readXlsx } = await import('../sheets/xlsx')")).toBe(false)
  })
})
