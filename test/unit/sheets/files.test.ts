/** What reading a CSV or .xlsx file adds to the checks: encodings, empty rows, separators, formulas. */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { describeSheetIssue, sheetsToDataset } from '../../../src/sheets'
import { readCsv, writeCsv } from '../../../src/sheets/csv'
import { readXlsx } from '../../../src/sheets/xlsx'
import { localeDateToIso, readNumber, repairMojibake, serialToIso } from '../../../src/sheets/traps'
import { addColumn, templateTables } from '../../fixtures/sheets/template'

const template = (name: string) => readFileSync(`templates/csv/${name}.csv`)

/** The template's CSV files, with one sheet's bytes replaced. */
function importWith(name: string, bytes: Uint8Array) {
  const read = ['meta', 'agencies', 'incidents', 'sources', 'outages', 'impacts', 'responses'].map((sheet) => readCsv(sheet, sheet === name ? bytes : template(sheet)))
  const result = sheetsToDataset(read.map((file) => file.table))
  return { ...result, issues: [...read.flatMap((file) => file.issues), ...result.issues] }
}

describe('reading CSV files', () => {
  it('a file that is not UTF-8 (Windows-1252) is said once, in both languages', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,name,level\n'), ...[0x63, 0x61, 0x66, 0xe9], ...new TextEncoder().encode(',Caf\u00e9,central\n')])
    const { issues } = readCsv('agencies', bytes)
    expect(issues.map((issue) => [describeSheetIssue(issue, 'en'), describeSheetIssue(issue, 'hi')])).toEqual([[
      'agencies sheet: the file is not UTF-8 text (probably saved as plain "CSV", in Windows-1252, which turns Hindi into "?"): save it as "CSV UTF-8 (Comma delimited)" in Excel, or download it as CSV from Google Sheets.',
      'शीट agencies: फ़ाइल UTF-8 पाठ नहीं है (शायद सादे "CSV" में, Windows-1252 में सहेजी गई, जिससे हिंदी "?" बन जाती है): Excel में "CSV UTF-8 (Comma delimited)" में सहेजें, या Google Sheets से CSV डाउनलोड करें।',
    ]])
  })
  it('a quote left open is said at its row, in both languages', () => {
    const { issues } = readCsv('outages', 'incident_id,start,note\nx,2021,"about\ny,2022,z\n')
    expect(issues.map((issue) => [describeSheetIssue(issue, 'en'), describeSheetIssue(issue, 'hi')])).toEqual([[
      'outages sheet, row 2: a quoted cell is not closed, or a quote is out of place, so the cells from here on may have run together: a cell that holds a comma, a line break or a quote is written in quotes, with each quote inside doubled ("").',
      'शीट outages, पंक्ति 2: उद्धरण-चिह्न में शुरू हुआ सेल बंद नहीं हुआ, या कोई उद्धरण-चिह्न ग़लत जगह है, इसलिए यहाँ से आगे के सेल आपस में मिल गए हो सकते हैं: जिस सेल में अल्पविराम, नई पंक्ति या उद्धरण-चिह्न हो, उसे उद्धरण-चिह्नों में लिखें, और भीतर के हर उद्धरण-चिह्न को दोहरा ("") करें।',
    ]])
  })
  it('empty rows at the end (a last line end, rows of empty cells as Excel leaves them) are ignored silently', () => {
    const text = new TextDecoder().decode(template('outages')).replace(/^\uFEFF/, '')
    const { issues, data } = importWith('outages', new TextEncoder().encode(`${text},,,,,,,,,,,,,,\r\n,,,\r\n\r\n`))
    expect(issues).toEqual([])
    expect((data.incidents as { outages: unknown[] }[])[0]!.outages).toHaveLength(1)
  })
  it('reads UTF-8 without a byte-order mark, UTF-16 with one, and files separated by ; or tabs', () => {
    const text = new TextDecoder().decode(template('incidents')).replace(/^\uFEFF/, '')
    const expected = importWith('incidents', template('incidents')).data
    expect(importWith('incidents', new TextEncoder().encode(text)).data).toStrictEqual(expected)
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].flatMap((char) => [...Array(char.length).keys()].map((i) => char.charCodeAt(i)))).buffer)])
    expect(importWith('incidents', utf16).data).toStrictEqual(expected)
    const tables = templateTables()
    const incidents = tables.find((table) => table.name === 'incidents')!
    for (const separator of [';', '\t']) {
      const csv = incidents.rows.map((row) => row.map((cell) => (String(cell).includes(separator) || String(cell).includes('"') ? `"${String(cell).replace(/"/g, '""')}"` : cell)).join(separator)).join('\n')
      expect(importWith('incidents', new TextEncoder().encode(csv)).data).toStrictEqual(expected)
    }
  })
  it('text a spreadsheet would run as a formula is written with an apostrophe and read back without it', () => {
    const table = { name: 'sources', header: ['note'], rows: [['=HYPERLINK("x")'], ['-a'], ["'=b"], ['-5']] }
    const csv = writeCsv(table)
    expect(csv).toBe('\uFEFFnote\r\n"\'=HYPERLINK(""x"")"\r\n\'-a\r\n\'\'=b\r\n\'-5\r\n')
    expect(readCsv('sources', csv).table.rows).toEqual([['note'], ['=HYPERLINK("x")'], ['-a'], ["'=b"], ['-5'], ['']])
  })
})

describe('reading .xlsx files', () => {
  it('a file that is not a workbook is said, in both languages', async () => {
    const { issues } = await readXlsx(new TextEncoder().encode('id,title\n'))
    expect(issues).toHaveLength(1)
    expect(describeSheetIssue(issues[0]!, 'en')).toMatch(/^The file cannot be read as a workbook \(\.xlsx, Excel 2007 or later\): .+\. Save it as \.xlsx, or export each sheet as CSV\.$/)
    expect(describeSheetIssue(issues[0]!, 'hi')).toMatch(/^फ़ाइल वर्कबुक \(\.xlsx, Excel 2007 या बाद का\) के रूप में पढ़ी नहीं जा सकी: .+। इसे \.xlsx में सहेजें, या हर शीट को CSV में निर्यात करें।$/)
  })
})

describe('traps', () => {
  it('day numbers become the dates they stand for', () => {
    expect(serialToIso(44287)).toBe('2021-04-01')
    expect(serialToIso(45292)).toBe('2024-01-01')
    expect(serialToIso(44287.5416666667)).toBe('2021-04-01T13:00')
  })
  it('local dates are read day first unless only month first can be right', () => {
    expect(localeDateToIso('01/04/2021')).toBe('2021-04-01')
    expect(localeDateToIso('1.4.21')).toBe('2021-04-01')
    expect(localeDateToIso('04/13/2021')).toBe('2021-04-13')
    expect(localeDateToIso('01-04-2021 13:05')).toBe('2021-04-01T13:05')
    expect(localeDateToIso('1-Apr-2021')).toBe('2021-04-01')
    expect(localeDateToIso('13/13/2021')).toBeUndefined()
    expect(localeDateToIso('2021-04-01')).toBeUndefined()
  })
  it('figures with grouping or words', () => {
    expect(readNumber('1,500,000')).toEqual({ value: 1500000, trap: { rule: 'sheet-number-grouped', severity: 'warning', value: '1,500,000', suggestion: '1500000' } })
    expect(readNumber(' 412 ')).toEqual({ value: 412 })
    expect(readNumber('about 1.5 lakh').trap?.suggestion).toBe('150000')
    expect(readNumber('15 करोड़').trap?.suggestion).toBe('150000000')
    expect(readNumber('412 towns').trap).toEqual({ rule: 'sheet-number-words', severity: 'error', value: '412 towns', suggestion: '412' })
    expect(readNumber('lakhs').trap).toBeUndefined()
  })
  it('mojibake is repaired only when it is UTF-8 read as Windows-1252 or Latin-1', () => {
    expect(repairMojibake('à¤¹à¤¿à¤‚à¤¦à¥€')).toBe('हिंदी')
    expect(repairMojibake('Itâ€™s')).toBe('It’s')
    expect(repairMojibake('café')).toBeUndefined()
    expect(repairMojibake('हिंदी')).toBeUndefined()
    expect(repairMojibake('Ã')).toBeUndefined()
  })
})

describe('hostile headers', () => {
  it('a column named __proto__ becomes an own key of its row, never the prototype', () => {
    const tables = templateTables()
    addColumn('incidents', '__proto__:json', '{"polluted": true}')(tables)
    addColumn('incidents', 'outages', 'not a list')(tables)
    const { data } = sheetsToDataset(tables)
    const incident = (data.incidents as Record<string, unknown>[])[0]!
    expect(Object.getPrototypeOf(incident)).toBe(Object.prototype)
    expect(Object.hasOwn(incident, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(incident.outages).toHaveLength(1)
  })
})
