/**
 * What spreadsheets do to values behind an author's back: dates turned into day numbers
 * or local formats, figures grouped in lakhs and crores or written with words, UTF-8
 * read in a Windows code page. Each reader returns the value to put in the JSON and,
 * when a trap was found, the problem to report.
 */
import type { SheetRuleCode } from './issues'

export type InputCell = string | number | boolean | Date | null | undefined

export interface Trap {
  rule: SheetRuleCode
  severity: 'error' | 'warning'
  value: unknown
  suggestion?: string
}

export interface CellRead {
  value: unknown
  trap?: Trap
}

export function isEmptyCell(cell: InputCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

// Excel's day 0 (with its 1900 leap-year bug folded in for every date after February 1900).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const DAY = 86_400_000

/** Excel's day number as an ISO date, with the time when it has one. */
export function serialToIso(serial: number): string {
  const iso = new Date(EXCEL_EPOCH + Math.round(serial * DAY / 60_000) * 60_000).toISOString()
  return serial % 1 === 0 ? iso.slice(0, 10) : iso.slice(0, 16)
}

export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / DAY
}

const pad = (n: number) => String(n).padStart(2, '0')
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/
const NAMED_DATE = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ ,-]+(\d{4}|\d{2})$/

function fullYear(text: string): number {
  const year = Number(text)
  return text.length === 2 ? 2000 + year : year
}

/** 01/04/2021 → 2021-04-01: day first, as dates are written in India, unless only month first can be right. */
export function localeDateToIso(text: string): string | undefined {
  const numeric = NUMERIC_DATE.exec(text.trim())
  if (numeric) {
    let day = Number(numeric[1])
    let month = Number(numeric[2])
    if (month > 12 && day <= 12) [day, month] = [month, day]
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined
    const date = `${fullYear(numeric[3]!)}-${pad(month)}-${pad(day)}`
    return numeric[4] !== undefined ? `${date}T${pad(Number(numeric[4]))}:${numeric[5]}` : date
  }
  const named = NAMED_DATE.exec(text.trim())
  if (named) {
    const month = MONTHS.indexOf(named[2]!.slice(0, 3).toLowerCase()) + 1
    const day = Number(named[1])
    if (month === 0 || day < 1 || day > 31) return undefined
    return `${fullYear(named[3]!)}-${pad(month)}-${pad(day)}`
  }
  return undefined
}

/** A day number is a trap; a whole number such as 2021 is a year the author typed. */
function serialTrap(serial: number): CellRead {
  return { value: String(serial), trap: { rule: 'sheet-date-serial', severity: 'error', value: serial, suggestion: serialToIso(serial) } }
}

export function readDate(cell: InputCell): CellRead {
  if (cell instanceof Date) return serialTrap(dateToSerial(cell))
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1000 && cell <= 9999) return { value: String(cell) }
    return serialTrap(cell)
  }
  const text = String(cell)
  if (/^\d{5}(\.\d+)?$/.test(text.trim())) return serialTrap(Number(text))
  const iso = localeDateToIso(text)
  if (iso !== undefined) return { value: text, trap: { rule: 'sheet-date-locale', severity: 'error', value: text, suggestion: iso } }
  return { value: text }
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/
const INDIAN_GROUPING = /^\d{1,2}(,\d{2})*,\d{3}(\.\d+)?$/
const INTERNATIONAL_GROUPING = /^\d{1,3}(,\d{3})+(\.\d+)?$/
const SCALE: [RegExp, number][] = [
  [/^(crores?|cr|करोड़?|करोड़)$/i, 1e7],
  [/^(lakhs?|lacs?|लाख)$/i, 1e5],
  [/^(billions?|bn)$/i, 1e9],
  [/^(millions?|mn)$/i, 1e6],
  [/^(thousands?|k|हज़ार|हजार)$/i, 1e3],
]
const WITH_WORDS = /^(?:about|approx\.?|approximately|around|nearly|over|more than|~|लगभग|करीब|क़रीब)?\s*([\d,]+(?:\.\d+)?)\s*\+?\s*([^\d\s].*)$/i

function figure(text: string): number | undefined {
  const digits = text.replace(/,/g, '')
  return PLAIN_NUMBER.test(digits) ? Number(digits) : undefined
}

export function readNumber(cell: InputCell): CellRead {
  if (typeof cell === 'number') return { value: cell }
  if (cell instanceof Date) return { value: String(dateToSerial(cell)) }
  if (typeof cell !== 'string') return { value: cell }
  const text = cell.trim()
  if (PLAIN_NUMBER.test(text)) return { value: Number(text) }
  if (INDIAN_GROUPING.test(text) || INTERNATIONAL_GROUPING.test(text)) {
    const value = figure(text)!
    return { value, trap: { rule: 'sheet-number-grouped', severity: 'warning', value: cell, suggestion: String(value) } }
  }
  const words = WITH_WORDS.exec(text)
  if (words) {
    const base = figure(words[1]!)
    const word = words[2]!.trim().split(/\s+/)[0]!
    const scale = SCALE.find(([pattern]) => pattern.test(word))?.[1] ?? 1
    const value = base === undefined ? undefined : Math.round(base * scale * 1e6) / 1e6
    return { value: cell, trap: { rule: 'sheet-number-words', severity: 'error', value: cell, ...(value !== undefined && { suggestion: String(value) }) } }
  }
  return { value: cell }
}

export function readBoolean(cell: InputCell): CellRead {
  if (typeof cell === 'string' && /^(true|false)$/i.test(cell.trim())) return { value: cell.trim().toLowerCase() === 'true' }
  return { value: cell }
}

/** Windows-1252's characters for bytes 0x80-0x9F; bytes it leaves undefined read as the C1 control of that number. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

function cp1252Byte(char: string): number | undefined {
  const code = char.charCodeAt(0)
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
  const high = CP1252_HIGH.indexOf(char)
  return high >= 0 ? 0x80 + high : undefined
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The text as it was before UTF-8 bytes were read as Windows-1252 or Latin-1 ("à¤¹" → "ह"),
 * or undefined when it is not such text. Latin text such as "café" is not valid UTF-8 once
 * turned back into bytes, so it is never "repaired".
 */
export function repairMojibake(text: string): string | undefined {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122]/.test(text)) return undefined
  const bytes: number[] = []
  for (const char of text) {
    const byte = cp1252Byte(char)
    if (byte === undefined) return undefined
    bytes.push(byte)
  }
  try {
    const repaired = utf8.decode(new Uint8Array(bytes))
    return repaired !== text ? repaired : undefined
  } catch {
    return undefined
  }
}

/** Any text cell: a number or a truth value typed into a text column reads as its text. */
export function readText(cell: InputCell): CellRead {
  if (cell instanceof Date) return serialTrap(dateToSerial(cell))
  const text = typeof cell === 'string' ? cell : String(cell)
  const repaired = repairMojibake(text)
  if (repaired !== undefined) return { value: text, trap: { rule: 'sheet-mojibake', severity: 'error', value: text, suggestion: repaired } }
  return { value: text }
}
