/** How `src` names spreadsheet data, and how fetched bytes are told apart, before any sheet code loads. */
import { describe, expect, it } from 'vitest'
import { SHEET_NAMES } from '../../src/sheets/layout'
import { SHEET_NAMES_IN_SOURCE, isCsv, isWorkbook, parseSheetSet, sheetSetText, sheetsConfigSource } from '../../src/core/sheetSource'

const GID = (n: number) => `https://docs.google.com/spreadsheets/d/e/2PACX-x/pub?gid=${n}&single=true&output=csv`

describe('a src that names sheets', () => {
  it('knows the same sheets as the layout', () => {
    expect([...SHEET_NAMES_IN_SOURCE]).toEqual([...SHEET_NAMES])
  })
  it('a single address is not a set: JSON, or a workbook or CSV told by the answer', () => {
    expect(parseSheetSet('/data/incidents.json')).toBeUndefined()
    expect(parseSheetSet(GID(0))).toBeUndefined()
    expect(parseSheetSet('  tracker.xlsx ')).toBeUndefined()
  })
  it('reads sheet=URL pairs separated by any white space, published Google Sheets addresses and all', () => {
    expect(parseSheetSet(`incidents=${GID(0)}\n  Sources=${GID(1)} meta=${GID(2)}`)).toEqual({
      files: [{ sheet: 'incidents', url: GID(0) }, { sheet: 'sources', url: GID(1) }, { sheet: 'meta', url: GID(2) }],
    })
    expect(parseSheetSet('incidents=/s/a.csv /s/sources.csv')).toEqual({ files: [{ sheet: 'incidents', url: '/s/a.csv' }, { url: '/s/sources.csv' }] })
  })
  it('says what is wrong with a name that is no sheet, or a sheet named twice', () => {
    expect(parseSheetSet(`incident=${GID(0)} sources=${GID(1)}`)).toEqual({ error: '"incident=" does not name a sheet; use one of meta=, agencies=, incidents=, sources=, outages=, impacts=, responses=' })
    expect(parseSheetSet(`meta=${GID(0)} meta=${GID(1)}`)).toEqual({ error: 'the sheet "meta" is named twice' })
  })
  it('writes a set one way, with absolute addresses, so two spellings share one store', () => {
    expect(sheetSetText([{ sheet: 'incidents', url: 'csv/incidents.csv' }, { url: '/meta.csv' }], 'https://news.example/story/page.html'))
      .toBe('incidents=https://news.example/story/csv/incidents.csv https://news.example/meta.csv')
  })
  it('takes a config file\'s "sheets" object, resolved against the config file', () => {
    expect(sheetsConfigSource({ incidents: 'incidents.csv', meta: GID(3) }, 'https://news.example/cfg/live.json'))
      .toBe(`incidents=https://news.example/cfg/incidents.csv meta=${GID(3)}`)
    expect(sheetsConfigSource({ incidents: 3 }, 'https://news.example/')).toBeUndefined()
    expect(sheetsConfigSource(['a.csv'], 'https://news.example/')).toBeUndefined()
    expect(sheetsConfigSource({}, 'https://news.example/')).toBeUndefined()
  })
})

describe('telling a workbook and a CSV file from JSON', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])
  const json = new TextEncoder().encode('{"schemaVersion":1}')
  it('a workbook by its ZIP bytes whatever the server calls it, or by its Content-Type', () => {
    expect(isWorkbook(zip, 'application/octet-stream')).toBe(true)
    expect(isWorkbook(zip)).toBe(true)
    expect(isWorkbook(json, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe(true)
    expect(isWorkbook(json, 'application/json')).toBe(false)
    expect(isWorkbook(new Uint8Array([0x50, 0x4b]), '')).toBe(false)
  })
  it('a CSV file by its Content-Type, else by its address (a .csv file, or output=csv)', () => {
    expect(isCsv('/data/x', 'text/csv; charset=utf-8')).toBe(true)
    expect(isCsv(GID(0), 'application/octet-stream')).toBe(true)
    expect(isCsv('/data/incidents.csv')).toBe(true)
    expect(isCsv('/data/incidents.csv', 'application/json')).toBe(false)
    expect(isCsv('/data/incidents.json', '')).toBe(false)
  })
})
