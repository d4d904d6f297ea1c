/**
 * Validation issues and their human messages in English and Hindi. Messages live
 * here, not in vue-i18n, so the CLI, the console and the widgets say the same words.
 */

export type RuleCode =
  | 'empty-file' | 'not-json' | 'truncated' | 'html-page' | 'bom' | 'top-level' | 'schema-version' | 'incidents-array'
  | 'required' | 'type' | 'enum' | 'region' | 'region-legacy' | 'date' | 'timezone'
  | 'id-format' | 'duplicate-id' | 'duplicate-source' | 'duplicate-agency' | 'min-items' | 'empty-text' | 'local-text'
  | 'non-negative' | 'finite' | 'count' | 'range-order' | 'end-before-start'
  | 'source-ref' | 'unknown-source' | 'unknown-agency' | 'url-scheme' | 'lang-tag' | 'unit-label' | 'unknown-key'
  | 'measure-missing'

export interface ValidationIssue {
  severity: 'error' | 'warning'
  rule: RuleCode
  /** JSON path, e.g. `incidents[3].outages[0].end`; empty for the whole file. */
  path: string
  incidentId?: string
  /** The offending value, when there is one. */
  value?: unknown
  /** What was expected: a type, the allowed values, the start date, the parser's message. */
  expected?: string
  suggestion?: string
  /** For warnings given once for many places: how many places. */
  count?: number
  /** Where in the text a file stopped being JSON, counted from 1. */
  location?: { line: number; column: number }
}

export type MessageLang = 'en' | 'hi'

/** The value as it appears in the file, shortened: messages quote it, never render it as markup. */
export function quote(value: unknown): string {
  let text: string
  try {
    // JSON would print Infinity (from 1e400 in a file) as null.
    text = value === undefined ? 'nothing' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

type Template = (issue: ValidationIssue, value: string) => string

const EN: Record<RuleCode, Template> = {
  'empty-file': () => 'The file is empty: expected a JSON dataset.',
  'not-json': (i, v) => `The file is not valid JSON${i.location ? `: the error is at line ${i.location.line}, column ${i.location.column}, near ${v}` : ''}. Check it with a JSON linter or \`ghatna validate\`.`,
  truncated: () => 'The file ends before its JSON is complete: it was probably cut off while saving, uploading or downloading.',
  'html-page': () => 'The file is a web page (HTML), not a JSON dataset: check the dataset address; the server may have sent an error or login page.',
  bom: () => 'The file starts with a byte-order mark; it was ignored. Save the file as UTF-8 without BOM.',
  'top-level': (i) => `The top level must be a JSON object with "schemaVersion", "meta" and "incidents"; found ${describeType(String(i.value))}.`,
  'schema-version': (i, v) => `"schemaVersion" must be 1; found ${i.value === undefined ? 'no schemaVersion' : v}. This kit reads format version 1.`,
  'incidents-array': (i, v) => `"incidents" must be an array of incidents (it may be empty); found ${i.value === undefined ? 'no "incidents" key' : typeof i.value === 'object' && i.value !== null ? describeType(jsonType(i.value)) : v}.`,
  required: () => 'is required but missing.',
  type: (i, v) => `must be ${describeType(i.expected)}; found ${v}.`,
  enum: (i, v) => `${v} is not allowed; use one of: ${i.expected}.`,
  region: (_, v) => `${v} is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope).`,
  'region-legacy': (i, v) => `${v} is an old code; read as "${i.suggestion}". Update the file to the current code.`,
  date: (_, v) => `${v} is not a date of known precision: write 2021, 2021-04, 2021-04-01, 2021-04-01T13:00 or 2021-04-01T13:00+05:30.`,
  timezone: (_, v) => `${v} is not an IANA time zone name such as "Asia/Kolkata".`,
  'id-format': (_, v) => `${v} is not a valid id: use only lowercase letters a-z, digits and hyphens.`,
  'duplicate-id': (i, v) => `${v} is already the id of ${i.expected}; incident ids must be unique in the file.`,
  'duplicate-source': (_, v) => `${v} is used by two sources of this incident; source ids must be unique within an incident.`,
  'duplicate-agency': (_, v) => `${v} is used by two agencies; agency ids must be unique.`,
  'min-items': () => 'must list at least one entry.',
  'empty-text': () => 'must not be empty.',
  'local-text': (_, v) => `must be a string or an object of language to text, like {"en": "…", "hi": "…"}; found ${v}.`,
  'non-negative': (_, v) => `${v} is negative; counts and durations must be 0 or more.`,
  finite: (_, v) => `${v} is not a finite number.`,
  count: (_, v) => `must be a number of 0 or more, or a range {"min": n, "max": m}; found ${v}.`,
  'range-order': (i) => `the range is reversed: min ${(i.value as { min: number }).min} is greater than max ${(i.value as { max: number }).max}.`,
  'end-before-start': (i, v) => `${v} is before start "${i.expected}"; an outage cannot end before it begins.`,
  'source-ref': (_, v) => `must be a source id or a list of source ids; found ${v}.`,
  'unknown-source': (i, v) => `${v} is not the id of a source of this incident (its sources: ${i.expected}).`,
  'unknown-agency': (_, v) => `${v} is not the id of an agency in "agencies"; for a one-off agency write its name instead.`,
  'url-scheme': (_, v) => `${v} is not an http or https address; other links are refused.`,
  'lang-tag': (_, v) => `${v} is not a language tag such as "hi" or "en".`,
  'unit-label': () => 'is required when unit is "other": say what was counted.',
  'unknown-key': (i, v) => `unknown key ${v} is kept but not used by this kit${i.count && i.count > 1 ? ` (${i.count} places in the file)` : ''}.`,
  'measure-missing': (i, v) => `${i.expected} give different figures (${v}) of one unit with no "measure": is this one quantity or several? Add "measure" to each impact (e.g. "servers infected", "servers in the estate"); until then they are shown as sources that disagree.`,
}

const HI: Record<RuleCode, Template> = {
  'empty-file': () => 'फ़ाइल ख़ाली है: JSON डेटासेट अपेक्षित है।',
  'not-json': (i, v) => `फ़ाइल मान्य JSON नहीं है${i.location ? `: त्रुटि पंक्ति ${i.location.line}, स्तंभ ${i.location.column} पर, ${v} के पास है` : ''}। इसे JSON लिंटर या \`ghatna validate\` से जाँचें।`,
  truncated: () => 'फ़ाइल का JSON पूरा होने से पहले ही फ़ाइल ख़त्म हो जाती है: शायद सहेजते, अपलोड या डाउनलोड करते समय वह अधूरी रह गई।',
  'html-page': () => 'फ़ाइल JSON डेटासेट नहीं, वेब पेज (HTML) है: डेटासेट का पता जाँचें; हो सकता है सर्वर ने त्रुटि या लॉगिन पेज भेजा हो।',
  bom: () => 'फ़ाइल बाइट-ऑर्डर मार्क से शुरू होती है; उसे अनदेखा किया गया। फ़ाइल को बिना BOM के UTF-8 में सहेजें।',
  'top-level': (i) => `सबसे ऊपर "schemaVersion", "meta" और "incidents" वाला JSON ऑब्जेक्ट होना चाहिए; मिला ${describeTypeHi(String(i.value))}।`,
  'schema-version': (i, v) => `"schemaVersion" 1 होना चाहिए; मिला ${i.value === undefined ? 'कोई schemaVersion नहीं' : v}। यह किट फ़ॉर्मैट संस्करण 1 पढ़ती है।`,
  'incidents-array': (i, v) => `"incidents" घटनाओं की सूची (array) होनी चाहिए (ख़ाली भी चलेगी); मिला ${i.value === undefined ? 'कोई "incidents" नहीं' : typeof i.value === 'object' && i.value !== null ? describeTypeHi(jsonType(i.value)) : v}।`,
  required: () => 'आवश्यक है, पर नहीं दिया गया।',
  type: (i, v) => `${describeTypeHi(i.expected)} होना चाहिए; मिला ${v}।`,
  enum: (i, v) => `${v} मान्य नहीं है; इनमें से एक लिखें: ${i.expected}।`,
  region: (_, v) => `${v} किसी राज्य या केंद्रशासित प्रदेश का ISO 3166-2:IN कोड नहीं है (अखिल भारत के लिए IN लिखें)।`,
  'region-legacy': (i, v) => `${v} पुराना कोड है; इसे "${i.suggestion}" पढ़ा गया। फ़ाइल में नया कोड लिखें।`,
  date: (_, v) => `${v} ज्ञात सटीकता वाली तारीख़ नहीं है: 2021, 2021-04, 2021-04-01, 2021-04-01T13:00 या 2021-04-01T13:00+05:30 लिखें।`,
  timezone: (_, v) => `${v} "Asia/Kolkata" जैसा IANA समय-क्षेत्र नाम नहीं है।`,
  'id-format': (_, v) => `${v} मान्य id नहीं है: केवल छोटे अक्षर a-z, अंक और हाइफ़न लिखें।`,
  'duplicate-id': (i, v) => `${v} पहले से ${i.expected} की id है; हर घटना की id फ़ाइल में अलग होनी चाहिए।`,
  'duplicate-source': (_, v) => `${v} इस घटना के दो स्रोतों की id है; स्रोत id अलग-अलग होनी चाहिए।`,
  'duplicate-agency': (_, v) => `${v} दो एजेंसियों की id है; एजेंसी id अलग-अलग होनी चाहिए।`,
  'min-items': () => 'में कम से कम एक प्रविष्टि होनी चाहिए।',
  'empty-text': () => 'ख़ाली नहीं होना चाहिए।',
  'local-text': (_, v) => `पाठ या भाषा-से-पाठ वाला ऑब्जेक्ट होना चाहिए, जैसे {"en": "…", "hi": "…"}; मिला ${v}।`,
  'non-negative': (_, v) => `${v} ऋणात्मक है; गिनती और अवधि 0 या उससे अधिक होनी चाहिए।`,
  finite: (_, v) => `${v} सीमित संख्या नहीं है।`,
  count: (_, v) => `0 या उससे अधिक संख्या, या {"min": n, "max": m} सीमा होनी चाहिए; मिला ${v}।`,
  'range-order': (i) => `सीमा उलटी है: min ${(i.value as { min: number }).min}, max ${(i.value as { max: number }).max} से बड़ा है।`,
  'end-before-start': (i, v) => `${v} शुरुआत "${i.expected}" से पहले है; सेवा-बाधा शुरू होने से पहले ख़त्म नहीं हो सकती।`,
  'source-ref': (_, v) => `स्रोत id या स्रोत id की सूची होनी चाहिए; मिला ${v}।`,
  'unknown-source': (i, v) => `${v} इस घटना के किसी स्रोत की id नहीं है (इसके स्रोत: ${i.expected})।`,
  'unknown-agency': (_, v) => `${v} "agencies" में किसी एजेंसी की id नहीं है; एक बार आने वाली एजेंसी का नाम लिखें।`,
  'url-scheme': (_, v) => `${v} http या https पता नहीं है; दूसरे लिंक स्वीकार नहीं किए जाते।`,
  'lang-tag': (_, v) => `${v} "hi" या "en" जैसा भाषा टैग नहीं है।`,
  'unit-label': () => 'unit "other" होने पर आवश्यक है: बताएँ कि क्या गिना गया।',
  'unknown-key': (i, v) => `अज्ञात कुंजी ${v} रखी गई है पर यह किट उसका उपयोग नहीं करती${i.count && i.count > 1 ? ` (फ़ाइल में ${i.count} जगह)` : ''}।`,
  'measure-missing': (i, v) => `${i.expected} एक ही इकाई के अलग-अलग आँकड़े (${v}) देते हैं, पर "measure" नहीं है: यह एक ही मात्रा है या कई? हर impact में "measure" जोड़ें (जैसे "संक्रमित सर्वर", "कुल सर्वर"); तब तक इन्हें असहमत स्रोतों की तरह दिखाया जाता है।`,
}

/** A JSON value's kind, named as valibot names expected types. */
export function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'Array' : typeof value === 'object' ? 'Object' : typeof value
}

function describeType(expected: string | undefined): string {
  switch (expected) {
    case 'string': return 'a string'
    case 'number': return 'a number'
    case 'boolean': return 'true or false'
    case 'Array': return 'an array'
    case 'Object': return 'an object'
    case 'null': return 'null'
    default: return expected ?? 'a different type'
  }
}

function describeTypeHi(expected: string | undefined): string {
  switch (expected) {
    case 'string': return 'पाठ (string)'
    case 'number': return 'संख्या'
    case 'boolean': return 'true या false'
    case 'Array': return 'सूची (array)'
    case 'Object': return 'ऑब्जेक्ट'
    case 'null': return 'null'
    default: return expected ?? 'दूसरा प्रकार'
  }
}

/**
 * One line per issue: where (incident id and JSON path), what was found, the rule,
 * and the suggestion. Rules that describe a field (required, type…) read after the path.
 */
export function describeIssue(issue: ValidationIssue, lang: MessageLang = 'en'): string {
  const templates = lang === 'hi' ? HI : EN
  const body = templates[issue.rule](issue, quote(issue.value))
  const incident = issue.incidentId !== undefined ? (lang === 'hi' ? `घटना "${issue.incidentId}", ` : `incident "${issue.incidentId}", `) : ''
  const where = issue.path ? `${incident}${issue.path}: ` : ''
  const hint = issue.suggestion !== undefined && issue.rule !== 'region-legacy'
    ? lang === 'hi' ? ` क्या आपका आशय "${issue.suggestion}" था?` : ` Did you mean "${issue.suggestion}"?`
    : ''
  return `${where}${body}${hint}`
}
