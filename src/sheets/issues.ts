/**
 * Problems in a workbook, said in the spreadsheet's terms: sheet, the row number a person
 * sees (the header is row 1), column header, value, rule and suggestion, in English and
 * Hindi. Rules of the JSON validator keep their codes and messages (core/issues.ts);
 * traps only a spreadsheet sets have their own.
 */
import { describeIssue, quote, type MessageLang, type RuleCode, type ValidationIssue } from '../core/issues'

export type SheetRuleCode =
  | 'sheet-unreadable' | 'sheet-missing' | 'sheet-unknown' | 'sheet-column-missing' | 'sheet-duplicate-column'
  | 'sheet-empty-row' | 'sheet-meta-rows' | 'sheet-orphan-row' | 'sheet-no-sources' | 'sheet-text-both' | 'sheet-count-both'
  | 'sheet-date-serial' | 'sheet-date-locale' | 'sheet-number-grouped' | 'sheet-number-words' | 'sheet-mojibake' | 'sheet-encoding'
  | 'sheet-csv-quotes'

export interface RowRef {
  sheet: string
  row: number
}

export interface SheetIssue {
  severity: 'error' | 'warning'
  rule: RuleCode | SheetRuleCode
  sheet?: string
  /** The row number the spreadsheet shows: the header is row 1. */
  row?: number
  /** The column header. */
  column?: string
  value?: unknown
  expected?: string
  /** Rows the message points to (a duplicate's first row; figures that disagree), said in the reader's language. */
  expectedRows?: RowRef[]
  suggestion?: string
  incidentId?: string
  /** The JSON path, for rules that come from the validator. */
  path?: string
  count?: number
}

type Template = (issue: SheetIssue, value: string) => string

const SHEETS = 'meta, agencies, incidents, sources, outages, impacts, responses'

const EN: Record<SheetRuleCode, Template> = {
  'sheet-unreadable': (i) => `The file cannot be read as a workbook (.xlsx, Excel 2007 or later)${i.expected ? `: ${i.expected}` : ''}. Save it as .xlsx, or export each sheet as CSV.`,
  'sheet-missing': (i) => `The workbook has no sheet named "${i.sheet}", and it is required. Start from templates/ghatna-template.xlsx, which has every sheet and column.`,
  'sheet-unknown': (_, v) => `the sheet ${v} is not part of the layout (${SHEETS}) and was not read.`,
  'sheet-column-missing': (_, v) => `the sheet has no column ${v}, which every row needs.`,
  'sheet-duplicate-column': (_, v) => `the column ${v} appears twice; only the first one is read.`,
  'sheet-empty-row': () => 'the row is empty and was skipped; the rows after it are read.',
  'sheet-meta-rows': () => 'the meta sheet holds one row (row 2); this row was not read.',
  'sheet-orphan-row': (_, v) => `${v} is not the id of an incident in the incidents sheet; this row was not read.`,
  'sheet-no-sources': (_, v) => `incident ${v} has no row in the sources sheet; every incident cites at least one source: add a row with incident_id ${v}.`,
  'sheet-text-both': (i) => `both "${i.expected}" and per-language columns are filled: write one text the same in every language in "${i.expected}", or one text per language in "${i.expected}_en", "${i.expected}_hi", not both.`,
  'sheet-count-both': () => 'both "count" and "count_min"/"count_max" are filled: write one figure in "count", or a range in "count_min" and "count_max".',
  'sheet-date-serial': (_, v) => `${v} is a date the spreadsheet turned into its own day number: format the column as plain text and write the date with only the precision known (2021-04-01, 2021-04 or 2021).`,
  'sheet-date-locale': (_, v) => `${v} is written day/month/year (or month/day/year), which software reads differently: write dates as year-month-day, e.g. 2021-04-01 (read here day first, as usual in India).`,
  'sheet-number-grouped': (i, v) => `${v} is written with digit grouping and was read as ${i.suggestion}; write digits only (${i.suggestion}) so every program reads the same number.`,
  'sheet-number-words': (_, v) => `${v} is a number written with words: write the figure in digits only (15 crore is 150000000; for "about", set approximate or status estimated).`,
  'sheet-mojibake': (_, v) => `${v} looks like UTF-8 text read in another encoding (Windows-1252 or Latin-1): open or import the CSV as UTF-8, or save it as "CSV UTF-8".`,
  'sheet-encoding': () => 'the file is not UTF-8 text (probably saved as plain "CSV", in Windows-1252, which turns Hindi into "?"): save it as "CSV UTF-8 (Comma delimited)" in Excel, or download it as CSV from Google Sheets.',
  'sheet-csv-quotes': () => 'a quoted cell is not closed, or a quote is out of place, so the cells from here on may have run together: a cell that holds a comma, a line break or a quote is written in quotes, with each quote inside doubled ("").',
}

const HI: Record<SheetRuleCode, Template> = {
  'sheet-unreadable': (i) => `फ़ाइल वर्कबुक (.xlsx, Excel 2007 या बाद का) के रूप में पढ़ी नहीं जा सकी${i.expected ? `: ${i.expected}` : ''}। इसे .xlsx में सहेजें, या हर शीट को CSV में निर्यात करें।`,
  'sheet-missing': (i) => `वर्कबुक में "${i.sheet}" नाम की शीट नहीं है, जो आवश्यक है। templates/ghatna-template.xlsx से शुरू करें, उसमें हर शीट और स्तंभ है।`,
  'sheet-unknown': (_, v) => `शीट ${v} लेआउट (${SHEETS}) का हिस्सा नहीं है, इसलिए पढ़ी नहीं गई।`,
  'sheet-column-missing': (_, v) => `शीट में ${v} स्तंभ नहीं है, जो हर पंक्ति के लिए आवश्यक है।`,
  'sheet-duplicate-column': (_, v) => `स्तंभ ${v} दो बार है; केवल पहला पढ़ा गया।`,
  'sheet-empty-row': () => 'पंक्ति ख़ाली है, उसे छोड़ दिया गया; उसके बाद की पंक्तियाँ पढ़ी गईं।',
  'sheet-meta-rows': () => 'meta शीट में एक ही पंक्ति (पंक्ति 2) होती है; यह पंक्ति पढ़ी नहीं गई।',
  'sheet-orphan-row': (_, v) => `${v} incidents शीट में किसी घटना की id नहीं है; यह पंक्ति पढ़ी नहीं गई।`,
  'sheet-no-sources': (_, v) => `घटना ${v} की sources शीट में कोई पंक्ति नहीं है; हर घटना का कम से कम एक स्रोत होना चाहिए: incident_id ${v} वाली पंक्ति जोड़ें।`,
  'sheet-text-both': (i) => `"${i.expected}" और भाषा-वार स्तंभ, दोनों भरे हैं: हर भाषा में एक जैसा पाठ "${i.expected}" में लिखें, या हर भाषा का पाठ "${i.expected}_en", "${i.expected}_hi" में, दोनों नहीं।`,
  'sheet-count-both': () => '"count" और "count_min"/"count_max", दोनों भरे हैं: एक आँकड़ा "count" में लिखें, या सीमा "count_min" और "count_max" में।',
  'sheet-date-serial': (_, v) => `${v} एक तारीख़ है जिसे स्प्रेडशीट ने अपनी दिन-संख्या में बदल दिया: स्तंभ को सादा पाठ (plain text) बनाएँ और तारीख़ उतनी ही सटीक लिखें जितनी ज्ञात है (2021-04-01, 2021-04 या 2021)।`,
  'sheet-date-locale': (_, v) => `${v} दिन/महीना/वर्ष (या महीना/दिन/वर्ष) में लिखी है, जिसे सॉफ़्टवेयर अलग-अलग पढ़ते हैं: तारीख़ वर्ष-महीना-दिन में लिखें, जैसे 2021-04-01 (यहाँ पहले दिन पढ़ा गया, जैसा भारत में चलन है)।`,
  'sheet-number-grouped': (i, v) => `${v} अंकों के समूह-चिह्नों के साथ लिखा है और ${i.suggestion} पढ़ा गया; केवल अंक (${i.suggestion}) लिखें ताकि हर प्रोग्राम वही संख्या पढ़े।`,
  'sheet-number-words': (_, v) => `${v} शब्दों के साथ लिखी संख्या है: आँकड़ा केवल अंकों में लिखें (15 करोड़ = 150000000; "लगभग" के लिए approximate या status estimated लिखें)।`,
  'sheet-mojibake': (_, v) => `${v} किसी दूसरी एन्कोडिंग (Windows-1252 या Latin-1) में पढ़ा गया UTF-8 पाठ लगता है: CSV को UTF-8 के रूप में खोलें या आयात करें, या "CSV UTF-8" में सहेजें।`,
  'sheet-encoding': () => 'फ़ाइल UTF-8 पाठ नहीं है (शायद सादे "CSV" में, Windows-1252 में सहेजी गई, जिससे हिंदी "?" बन जाती है): Excel में "CSV UTF-8 (Comma delimited)" में सहेजें, या Google Sheets से CSV डाउनलोड करें।',
  'sheet-csv-quotes': () => 'उद्धरण-चिह्न में शुरू हुआ सेल बंद नहीं हुआ, या कोई उद्धरण-चिह्न ग़लत जगह है, इसलिए यहाँ से आगे के सेल आपस में मिल गए हो सकते हैं: जिस सेल में अल्पविराम, नई पंक्ति या उद्धरण-चिह्न हो, उसे उद्धरण-चिह्नों में लिखें, और भीतर के हर उद्धरण-चिह्न को दोहरा ("") करें।',
}

/** Sheet rules whose suggestion is already in the message, or was applied. */
const NO_HINT = new Set<string>(['sheet-number-grouped'])

export function isSheetRule(rule: string): rule is SheetRuleCode {
  return rule in EN
}

function rowsText(rows: readonly RowRef[], lang: MessageLang): string {
  const sheet = rows[0]?.sheet ?? ''
  const numbers = rows.map((ref) => ref.row).join(', ')
  if (lang === 'hi') return `${sheet} शीट की ${rows.length > 1 ? 'पंक्तियाँ' : 'पंक्ति'} ${numbers}`
  return `${sheet} ${rows.length > 1 ? 'rows' : 'row'} ${numbers}`
}

function whereText(issue: SheetIssue, lang: MessageLang): string {
  const parts: string[] = []
  if (issue.sheet !== undefined) parts.push(lang === 'hi' ? `शीट ${issue.sheet}` : `${issue.sheet} sheet`)
  if (issue.row !== undefined) parts.push(lang === 'hi' ? `पंक्ति ${issue.row}` : `row ${issue.row}`)
  if (issue.column !== undefined) parts.push(lang === 'hi' ? `स्तंभ "${issue.column}"` : `column "${issue.column}"`)
  return parts.length ? `${parts.join(', ')}: ` : ''
}

/** One line per problem: where in the workbook, what was found, the rule and the suggestion. */
export function describeSheetIssue(issue: SheetIssue, lang: MessageLang = 'en'): string {
  // The sheet-wide 'sheet-missing' names its sheet in the message itself.
  const where = issue.rule === 'sheet-missing' ? '' : whereText(issue, lang)
  if (!isSheetRule(issue.rule)) {
    const expected = issue.expectedRows ? rowsText(issue.expectedRows, lang) : issue.expected
    const { sheet: _sheet, row: _row, column: _column, expectedRows: _rows, path: _path, incidentId: _id, ...rest } = issue
    const validation: ValidationIssue = { ...rest, rule: issue.rule, path: '', ...(expected !== undefined && { expected }) }
    return `${where}${describeIssue(validation, lang)}`
  }
  const body = (lang === 'hi' ? HI : EN)[issue.rule](issue, quote(issue.value))
  const hint = issue.suggestion !== undefined && !NO_HINT.has(issue.rule)
    ? lang === 'hi' ? ` क्या आपका आशय "${issue.suggestion}" था?` : ` Did you mean "${issue.suggestion}"?`
    : ''
  return `${where}${body}${hint}`
}
