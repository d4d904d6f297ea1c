/**
 * Every rule of the JSON validator that a spreadsheet can break, and every spreadsheet trap,
 * with its exact message in English and Hindi: sheet, row as the spreadsheet numbers it
 * (header = row 1), column header, value, rule and suggestion.
 */
import { describe, expect, it } from 'vitest'
import { describeSheetIssue, sheetsToDataset } from '../../../src/sheets'
import { addColumn, addRow, insertEmptyRow, removeColumn, removeRows, removeSheet, setCell, templateTables, type Edit } from '../../fixtures/sheets/template'

/** One broken cell or row of the template per rule and trap. */
const CASES: [string, Edit[]][] = [
  ['required', [setCell('incidents', 2, 'sector', '')]],
  ['type', [setCell('outages', 2, 'durationMinutes', 'twenty')]],
  ['region: a list separated by commas', [setCell('incidents', 2, 'regions', 'IN-BR, IN-MP')]],
  ['enum: a list separated by commas', [setCell('incidents', 2, 'kinds', 'ransomware,extortion')]],
  ['type: yes for TRUE', [setCell('outages', 2, 'approximate', 'yes')]],
  ['type: नहीं for FALSE', [setCell('outages', 2, 'ongoing', 'नहीं')]],
  ['enum', [setCell('incidents', 2, 'sector', 'helth')]],
  ['region', [setCell('incidents', 2, 'regions', 'IN-BR; Bihar')]],
  ['region-legacy', [setCell('incidents', 2, 'regions', 'IN-OR')]],
  ['date', [setCell('incidents', 2, 'started', '2021-02-30')]],
  ['timezone', [setCell('meta', 2, 'timezone', 'IST')]],
  ['id-format', [setCell('sources', 2, 'id', 'Patna Report')]],
  ['duplicate-id', [addRow('incidents', {})]],
  ['duplicate-source', [addRow('sources', {})]],
  ['duplicate-agency', [addRow('agencies', {})]],
  ['non-negative', [setCell('impacts', 2, 'count', '-5')]],
  ['finite', [setCell('impacts', 2, 'count', '1e400')]],
  ['count', [setCell('impacts', 2, 'count', 'many')]],
  ['range-order', [setCell('impacts', 2, 'count', ''), setCell('impacts', 2, 'count_min', '500'), setCell('impacts', 2, 'count_max', '100')]],
  ['end-before-start', [setCell('outages', 2, 'end', '2021-03-31')]],
  ['unknown-source', [setCell('outages', 2, 'source', 'patna-report-2021-04-02')]],
  ['unknown-agency', [setCell('responses', 2, 'agency', 'bihar-102-operater')]],
  ['url-scheme', [setCell('sources', 2, 'url', 'javascript:alert(1)')]],
  ['lang-tag', [setCell('sources', 2, 'lang', 'Hindi')]],
  ['unit-label', [setCell('impacts', 2, 'unit', 'other')]],
  ['unknown-key', [addColumn('incidents', 'severty', 'high')]],
  ['measure-missing', [setCell('impacts', 2, 'measure_en', ''), setCell('impacts', 2, 'measure_hi', ''), setCell('impacts', 2, 'count', '10'), addRow('impacts', { count: '12' })]],
  ['schema-version', [setCell('meta', 2, 'schemaVersion', '2')]],
  ['sheet-missing', [removeSheet('meta')]],
  ['sheet-unknown', [(tables) => void tables.push({ name: 'incident', rows: [['id']] })]],
  ['sheet-column-missing', [removeColumn('incidents', 'started')]],
  ['sheet-duplicate-column', [addColumn('incidents', 'sector', 'health')]],
  ['sheet-empty-row', [insertEmptyRow('responses', 2)]],
  ['sheet-meta-rows', [addRow('meta', {})]],
  ['sheet-orphan-row', [addRow('outages', { incident_id: 'bihar-102-ambulance-ransomware-2012' })]],
  ['sheet-no-sources', [removeRows('sources')]],
  ['sheet-text-both', [setCell('incidents', 2, 'place', 'Patna')]],
  ['sheet-count-both', [setCell('impacts', 2, 'count', '10'), setCell('impacts', 2, 'count_min', '1')]],
  ['required: one end of a range', [setCell('impacts', 2, 'count_min', '1')]],
  ['sheet-date-serial', [setCell('incidents', 2, 'started', 44287)]],
  ['sheet-date-serial, with a time, as CSV text', [setCell('incidents', 2, 'started', '44287.5416666667')]],
  ['sheet-date-serial, as a date cell of an .xlsx file', [setCell('incidents', 2, 'started', new Date(Date.UTC(2021, 3, 1)))]],
  ['sheet-date-locale', [setCell('incidents', 2, 'started', '01/04/2021')]],
  ['sheet-number-grouped', [setCell('impacts', 2, 'count', '15,00,00,000')]],
  ['sheet-number-words', [setCell('impacts', 2, 'count', '15 crore')]],
  ['sheet-mojibake', [setCell('incidents', 2, 'place_hi', 'à¤ªà¤Ÿà¤¨à¤¾')]],
  ['required: a row without incident_id', [addRow('outages', { incident_id: '' })]],
]

type Expected = [severity: 'error' | 'warning', rule: string, en: string, hi: string]

const EXPECTED: Record<string, Expected[]> = {
  "region: a list separated by commas": [
    ["error", "region",
      "incidents sheet, row 2, column \"regions\": \"IN-BR, IN-MP\" is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope). Did you mean \"IN-BR; IN-MP\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"regions\": \"IN-BR, IN-MP\" किसी राज्य या केंद्रशासित प्रदेश का ISO 3166-2:IN कोड नहीं है (अखिल भारत के लिए IN लिखें)। क्या आपका आशय \"IN-BR; IN-MP\" था?"],
  ],
  "enum: a list separated by commas": [
    ["error", "enum",
      "incidents sheet, row 2, column \"kinds\": \"ransomware,extortion\" is not allowed; use one of: ransomware, extortion, data-leak, data-destruction, ddos, defacement, malware, unauthorised-access, phishing, other. Did you mean \"ransomware; extortion\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"kinds\": \"ransomware,extortion\" मान्य नहीं है; इनमें से एक लिखें: ransomware, extortion, data-leak, data-destruction, ddos, defacement, malware, unauthorised-access, phishing, other। क्या आपका आशय \"ransomware; extortion\" था?"],
  ],
  "type: yes for TRUE": [
    ["error", "type",
      "outages sheet, row 2, column \"approximate\": must be true or false; found \"yes\". Did you mean \"TRUE\"?",
      "शीट outages, पंक्ति 2, स्तंभ \"approximate\": true या false होना चाहिए; मिला \"yes\"। क्या आपका आशय \"TRUE\" था?"],
  ],
  "type: नहीं for FALSE": [
    ["error", "type",
      "outages sheet, row 2, column \"ongoing\": must be true or false; found \"नहीं\". Did you mean \"FALSE\"?",
      "शीट outages, पंक्ति 2, स्तंभ \"ongoing\": true या false होना चाहिए; मिला \"नहीं\"। क्या आपका आशय \"FALSE\" था?"],
  ],
  "required": [
    ["error", "required",
      "incidents sheet, row 2, column \"sector\": is required but missing.",
      "शीट incidents, पंक्ति 2, स्तंभ \"sector\": आवश्यक है, पर नहीं दिया गया।"],
  ],
  "type": [
    ["error", "type",
      "outages sheet, row 2, column \"durationMinutes\": must be a number; found \"twenty\".",
      "शीट outages, पंक्ति 2, स्तंभ \"durationMinutes\": संख्या होना चाहिए; मिला \"twenty\"।"],
  ],
  "enum": [
    ["error", "enum",
      "incidents sheet, row 2, column \"sector\": \"helth\" is not allowed; use one of: health, emergency-services, municipal, governance, identity, finance, energy, transport, telecom, education, law-enforcement, defence, other. Did you mean \"health\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"sector\": \"helth\" मान्य नहीं है; इनमें से एक लिखें: health, emergency-services, municipal, governance, identity, finance, energy, transport, telecom, education, law-enforcement, defence, other। क्या आपका आशय \"health\" था?"],
  ],
  "region": [
    ["error", "region",
      "incidents sheet, row 2, column \"regions\": \"Bihar\" is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope). Did you mean \"IN-BR\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"regions\": \"Bihar\" किसी राज्य या केंद्रशासित प्रदेश का ISO 3166-2:IN कोड नहीं है (अखिल भारत के लिए IN लिखें)। क्या आपका आशय \"IN-BR\" था?"],
  ],
  "region-legacy": [
    ["warning", "region-legacy",
      "incidents sheet, row 2, column \"regions\": \"IN-OR\" is an old code; read as \"IN-OD\". Update the file to the current code.",
      "शीट incidents, पंक्ति 2, स्तंभ \"regions\": \"IN-OR\" पुराना कोड है; इसे \"IN-OD\" पढ़ा गया। फ़ाइल में नया कोड लिखें।"],
  ],
  "date": [
    ["error", "date",
      "incidents sheet, row 2, column \"started\": \"2021-02-30\" is not a date of known precision: write 2021, 2021-04, 2021-04-01, 2021-04-01T13:00 or 2021-04-01T13:00+05:30.",
      "शीट incidents, पंक्ति 2, स्तंभ \"started\": \"2021-02-30\" ज्ञात सटीकता वाली तारीख़ नहीं है: 2021, 2021-04, 2021-04-01, 2021-04-01T13:00 या 2021-04-01T13:00+05:30 लिखें।"],
  ],
  "timezone": [
    ["error", "timezone",
      "meta sheet, row 2, column \"timezone\": \"IST\" is not an IANA time zone name such as \"Asia/Kolkata\". Did you mean \"Asia/Kolkata\"?",
      "शीट meta, पंक्ति 2, स्तंभ \"timezone\": \"IST\" \"Asia/Kolkata\" जैसा IANA समय-क्षेत्र नाम नहीं है। क्या आपका आशय \"Asia/Kolkata\" था?"],
  ],
  "id-format": [
    ["error", "id-format",
      "sources sheet, row 2, column \"id\": \"Patna Report\" is not a valid id: use only lowercase letters a-z, digits and hyphens.",
      "शीट sources, पंक्ति 2, स्तंभ \"id\": \"Patna Report\" मान्य id नहीं है: केवल छोटे अक्षर a-z, अंक और हाइफ़न लिखें।"],
  ],
  "duplicate-id": [
    ["error", "duplicate-id",
      "incidents sheet, row 3, column \"id\": \"bihar-102-ambulance-ransomware-2021\" is already the id of incidents row 2; incident ids must be unique in the file.",
      "शीट incidents, पंक्ति 3, स्तंभ \"id\": \"bihar-102-ambulance-ransomware-2021\" पहले से incidents शीट की पंक्ति 2 की id है; हर घटना की id फ़ाइल में अलग होनी चाहिए।"],
  ],
  "duplicate-source": [
    ["error", "duplicate-source",
      "sources sheet, row 3, column \"id\": \"patna-report-2021-04-01\" is used by two sources of this incident; source ids must be unique within an incident.",
      "शीट sources, पंक्ति 3, स्तंभ \"id\": \"patna-report-2021-04-01\" इस घटना के दो स्रोतों की id है; स्रोत id अलग-अलग होनी चाहिए।"],
  ],
  "duplicate-agency": [
    ["error", "duplicate-agency",
      "agencies sheet, row 3, column \"id\": \"bihar-102-operator\" is used by two agencies; agency ids must be unique.",
      "शीट agencies, पंक्ति 3, स्तंभ \"id\": \"bihar-102-operator\" दो एजेंसियों की id है; एजेंसी id अलग-अलग होनी चाहिए।"],
  ],
  "non-negative": [
    ["error", "non-negative",
      "impacts sheet, row 2, column \"count\": -5 is negative; counts and durations must be 0 or more.",
      "शीट impacts, पंक्ति 2, स्तंभ \"count\": -5 ऋणात्मक है; गिनती और अवधि 0 या उससे अधिक होनी चाहिए।"],
  ],
  "finite": [
    ["error", "finite",
      "impacts sheet, row 2, column \"count\": Infinity is not a finite number.",
      "शीट impacts, पंक्ति 2, स्तंभ \"count\": Infinity सीमित संख्या नहीं है।"],
  ],
  "count": [
    ["error", "count",
      "impacts sheet, row 2, column \"count\": must be a number of 0 or more, or a range {\"min\": n, \"max\": m}; found \"many\".",
      "शीट impacts, पंक्ति 2, स्तंभ \"count\": 0 या उससे अधिक संख्या, या {\"min\": n, \"max\": m} सीमा होनी चाहिए; मिला \"many\"।"],
  ],
  "range-order": [
    ["error", "range-order",
      "impacts sheet, row 2, column \"count_min\": the range is reversed: min 500 is greater than max 100.",
      "शीट impacts, पंक्ति 2, स्तंभ \"count_min\": सीमा उलटी है: min 500, max 100 से बड़ा है।"],
  ],
  "end-before-start": [
    ["error", "end-before-start",
      "outages sheet, row 2, column \"end\": \"2021-03-31\" is before start \"2021-04-01\"; an outage cannot end before it begins.",
      "शीट outages, पंक्ति 2, स्तंभ \"end\": \"2021-03-31\" शुरुआत \"2021-04-01\" से पहले है; सेवा-बाधा शुरू होने से पहले ख़त्म नहीं हो सकती।"],
  ],
  "unknown-source": [
    ["error", "unknown-source",
      "outages sheet, row 2, column \"source\": \"patna-report-2021-04-02\" is not the id of a source of this incident (its sources: patna-report-2021-04-01). Did you mean \"patna-report-2021-04-01\"?",
      "शीट outages, पंक्ति 2, स्तंभ \"source\": \"patna-report-2021-04-02\" इस घटना के किसी स्रोत की id नहीं है (इसके स्रोत: patna-report-2021-04-01)। क्या आपका आशय \"patna-report-2021-04-01\" था?"],
  ],
  "unknown-agency": [
    ["error", "unknown-agency",
      "responses sheet, row 2, column \"agency\": \"bihar-102-operater\" is not the id of an agency in \"agencies\"; for a one-off agency write its name instead. Did you mean \"bihar-102-operator\"?",
      "शीट responses, पंक्ति 2, स्तंभ \"agency\": \"bihar-102-operater\" \"agencies\" में किसी एजेंसी की id नहीं है; एक बार आने वाली एजेंसी का नाम लिखें। क्या आपका आशय \"bihar-102-operator\" था?"],
  ],
  "url-scheme": [
    ["error", "url-scheme",
      "sources sheet, row 2, column \"url\": \"javascript:alert(1)\" is not an http or https address; other links are refused.",
      "शीट sources, पंक्ति 2, स्तंभ \"url\": \"javascript:alert(1)\" http या https पता नहीं है; दूसरे लिंक स्वीकार नहीं किए जाते।"],
  ],
  "lang-tag": [
    ["error", "lang-tag",
      "sources sheet, row 2, column \"lang\": \"Hindi\" is not a language tag such as \"hi\" or \"en\".",
      "शीट sources, पंक्ति 2, स्तंभ \"lang\": \"Hindi\" \"hi\" या \"en\" जैसा भाषा टैग नहीं है।"],
  ],
  "unit-label": [
    ["error", "unit-label",
      "impacts sheet, row 2, column \"unitLabel_en\": is required when unit is \"other\": say what was counted.",
      "शीट impacts, पंक्ति 2, स्तंभ \"unitLabel_en\": unit \"other\" होने पर आवश्यक है: बताएँ कि क्या गिना गया।"],
  ],
  "unknown-key": [
    ["warning", "unknown-key",
      "incidents sheet, row 2, column \"severty\": unknown key \"severty\" is kept but not used by this kit.",
      "शीट incidents, पंक्ति 2, स्तंभ \"severty\": अज्ञात कुंजी \"severty\" रखी गई है पर यह किट उसका उपयोग नहीं करती।"],
  ],
  "measure-missing": [
    ["warning", "measure-missing",
      "impacts sheet, row 2, column \"measure_en\": impacts rows 2, 3 give different figures ([10,12]) of one unit with no \"measure\": is this one quantity or several? Add \"measure\" to each impact (e.g. \"servers infected\", \"servers in the estate\"); until then they are shown as sources that disagree.",
      "शीट impacts, पंक्ति 2, स्तंभ \"measure_en\": impacts शीट की पंक्तियाँ 2, 3 एक ही इकाई के अलग-अलग आँकड़े ([10,12]) देते हैं, पर \"measure\" नहीं है: यह एक ही मात्रा है या कई? हर impact में \"measure\" जोड़ें (जैसे \"संक्रमित सर्वर\", \"कुल सर्वर\"); तब तक इन्हें असहमत स्रोतों की तरह दिखाया जाता है।"],
  ],
  "schema-version": [
    ["error", "schema-version",
      "meta sheet, row 2, column \"schemaVersion\": \"schemaVersion\" must be 1; found 2. This kit reads format version 1.",
      "शीट meta, पंक्ति 2, स्तंभ \"schemaVersion\": \"schemaVersion\" 1 होना चाहिए; मिला 2। यह किट फ़ॉर्मैट संस्करण 1 पढ़ती है।"],
  ],
  "sheet-missing": [
    ["error", "sheet-missing",
      "The workbook has no sheet named \"meta\", and it is required. Start from templates/ghatna-template.xlsx, which has every sheet and column.",
      "वर्कबुक में \"meta\" नाम की शीट नहीं है, जो आवश्यक है। templates/ghatna-template.xlsx से शुरू करें, उसमें हर शीट और स्तंभ है।"],
  ],
  "sheet-unknown": [
    ["warning", "sheet-unknown",
      "incident sheet: the sheet \"incident\" is not part of the layout (meta, agencies, incidents, sources, outages, impacts, responses) and was not read. Did you mean \"incidents\"?",
      "शीट incident: शीट \"incident\" लेआउट (meta, agencies, incidents, sources, outages, impacts, responses) का हिस्सा नहीं है, इसलिए पढ़ी नहीं गई। क्या आपका आशय \"incidents\" था?"],
  ],
  "sheet-column-missing": [
    ["error", "sheet-column-missing",
      "incidents sheet, column \"started\": the sheet has no column \"started\", which every row needs.",
      "शीट incidents, स्तंभ \"started\": शीट में \"started\" स्तंभ नहीं है, जो हर पंक्ति के लिए आवश्यक है।"],
  ],
  "sheet-duplicate-column": [
    ["error", "sheet-duplicate-column",
      "incidents sheet, row 1, column \"sector\": the column \"sector\" appears twice; only the first one is read.",
      "शीट incidents, पंक्ति 1, स्तंभ \"sector\": स्तंभ \"sector\" दो बार है; केवल पहला पढ़ा गया।"],
  ],
  "sheet-empty-row": [
    ["warning", "sheet-empty-row",
      "responses sheet, row 2: the row is empty and was skipped; the rows after it are read.",
      "शीट responses, पंक्ति 2: पंक्ति ख़ाली है, उसे छोड़ दिया गया; उसके बाद की पंक्तियाँ पढ़ी गईं।"],
  ],
  "sheet-meta-rows": [
    ["warning", "sheet-meta-rows",
      "meta sheet, row 3: the meta sheet holds one row (row 2); this row was not read.",
      "शीट meta, पंक्ति 3: meta शीट में एक ही पंक्ति (पंक्ति 2) होती है; यह पंक्ति पढ़ी नहीं गई।"],
  ],
  "sheet-orphan-row": [
    ["error", "sheet-orphan-row",
      "outages sheet, row 3, column \"incident_id\": \"bihar-102-ambulance-ransomware-2012\" is not the id of an incident in the incidents sheet; this row was not read. Did you mean \"bihar-102-ambulance-ransomware-2021\"?",
      "शीट outages, पंक्ति 3, स्तंभ \"incident_id\": \"bihar-102-ambulance-ransomware-2012\" incidents शीट में किसी घटना की id नहीं है; यह पंक्ति पढ़ी नहीं गई। क्या आपका आशय \"bihar-102-ambulance-ransomware-2021\" था?"],
  ],
  "sheet-no-sources": [
    ["error", "sheet-no-sources",
      "incidents sheet, row 2, column \"id\": incident \"bihar-102-ambulance-ransomware-2021\" has no row in the sources sheet; every incident cites at least one source: add a row with incident_id \"bihar-102-ambulance-ransomware-2021\".",
      "शीट incidents, पंक्ति 2, स्तंभ \"id\": घटना \"bihar-102-ambulance-ransomware-2021\" की sources शीट में कोई पंक्ति नहीं है; हर घटना का कम से कम एक स्रोत होना चाहिए: incident_id \"bihar-102-ambulance-ransomware-2021\" वाली पंक्ति जोड़ें।"],
  ],
  "sheet-text-both": [
    ["error", "sheet-text-both",
      "incidents sheet, row 2, column \"place\": both \"place\" and per-language columns are filled: write one text the same in every language in \"place\", or one text per language in \"place_en\", \"place_hi\", not both.",
      "शीट incidents, पंक्ति 2, स्तंभ \"place\": \"place\" और भाषा-वार स्तंभ, दोनों भरे हैं: हर भाषा में एक जैसा पाठ \"place\" में लिखें, या हर भाषा का पाठ \"place_en\", \"place_hi\" में, दोनों नहीं।"],
  ],
  "sheet-count-both": [
    ["error", "sheet-count-both",
      "impacts sheet, row 2, column \"count\": both \"count\" and \"count_min\"/\"count_max\" are filled: write one figure in \"count\", or a range in \"count_min\" and \"count_max\".",
      "शीट impacts, पंक्ति 2, स्तंभ \"count\": \"count\" और \"count_min\"/\"count_max\", दोनों भरे हैं: एक आँकड़ा \"count\" में लिखें, या सीमा \"count_min\" और \"count_max\" में।"],
  ],
  "required: one end of a range": [
    ["error", "required",
      "impacts sheet, row 2, column \"count_max\": is required but missing.",
      "शीट impacts, पंक्ति 2, स्तंभ \"count_max\": आवश्यक है, पर नहीं दिया गया।"],
  ],
  "sheet-date-serial": [
    ["error", "sheet-date-serial",
      "incidents sheet, row 2, column \"started\": 44287 is a date the spreadsheet turned into its own day number: format the column as plain text and write the date with only the precision known (2021-04-01, 2021-04 or 2021). Did you mean \"2021-04-01\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"started\": 44287 एक तारीख़ है जिसे स्प्रेडशीट ने अपनी दिन-संख्या में बदल दिया: स्तंभ को सादा पाठ (plain text) बनाएँ और तारीख़ उतनी ही सटीक लिखें जितनी ज्ञात है (2021-04-01, 2021-04 या 2021)। क्या आपका आशय \"2021-04-01\" था?"],
  ],
  "sheet-date-serial, with a time, as CSV text": [
    ["error", "sheet-date-serial",
      "incidents sheet, row 2, column \"started\": 44287.5416666667 is a date the spreadsheet turned into its own day number: format the column as plain text and write the date with only the precision known (2021-04-01, 2021-04 or 2021). Did you mean \"2021-04-01T13:00\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"started\": 44287.5416666667 एक तारीख़ है जिसे स्प्रेडशीट ने अपनी दिन-संख्या में बदल दिया: स्तंभ को सादा पाठ (plain text) बनाएँ और तारीख़ उतनी ही सटीक लिखें जितनी ज्ञात है (2021-04-01, 2021-04 या 2021)। क्या आपका आशय \"2021-04-01T13:00\" था?"],
  ],
  "sheet-date-serial, as a date cell of an .xlsx file": [
    ["error", "sheet-date-serial",
      "incidents sheet, row 2, column \"started\": 44287 is a date the spreadsheet turned into its own day number: format the column as plain text and write the date with only the precision known (2021-04-01, 2021-04 or 2021). Did you mean \"2021-04-01\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"started\": 44287 एक तारीख़ है जिसे स्प्रेडशीट ने अपनी दिन-संख्या में बदल दिया: स्तंभ को सादा पाठ (plain text) बनाएँ और तारीख़ उतनी ही सटीक लिखें जितनी ज्ञात है (2021-04-01, 2021-04 या 2021)। क्या आपका आशय \"2021-04-01\" था?"],
  ],
  "sheet-date-locale": [
    ["error", "sheet-date-locale",
      "incidents sheet, row 2, column \"started\": \"01/04/2021\" is written day/month/year (or month/day/year), which software reads differently: write dates as year-month-day, e.g. 2021-04-01 (read here day first, as usual in India). Did you mean \"2021-04-01\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"started\": \"01/04/2021\" दिन/महीना/वर्ष (या महीना/दिन/वर्ष) में लिखी है, जिसे सॉफ़्टवेयर अलग-अलग पढ़ते हैं: तारीख़ वर्ष-महीना-दिन में लिखें, जैसे 2021-04-01 (यहाँ पहले दिन पढ़ा गया, जैसा भारत में चलन है)। क्या आपका आशय \"2021-04-01\" था?"],
  ],
  "sheet-number-grouped": [
    ["warning", "sheet-number-grouped",
      "impacts sheet, row 2, column \"count\": \"15,00,00,000\" is written with digit grouping and was read as 150000000; write digits only (150000000) so every program reads the same number.",
      "शीट impacts, पंक्ति 2, स्तंभ \"count\": \"15,00,00,000\" अंकों के समूह-चिह्नों के साथ लिखा है और 150000000 पढ़ा गया; केवल अंक (150000000) लिखें ताकि हर प्रोग्राम वही संख्या पढ़े।"],
  ],
  "sheet-number-words": [
    ["error", "sheet-number-words",
      "impacts sheet, row 2, column \"count\": \"15 crore\" is a number written with words: write the figure in digits only (15 crore is 150000000; for \"about\", set approximate or status estimated). Did you mean \"150000000\"?",
      "शीट impacts, पंक्ति 2, स्तंभ \"count\": \"15 crore\" शब्दों के साथ लिखी संख्या है: आँकड़ा केवल अंकों में लिखें (15 करोड़ = 150000000; \"लगभग\" के लिए approximate या status estimated लिखें)। क्या आपका आशय \"150000000\" था?"],
  ],
  "sheet-mojibake": [
    ["error", "sheet-mojibake",
      "incidents sheet, row 2, column \"place_hi\": \"à¤ªà¤Ÿà¤¨à¤¾\" looks like UTF-8 text read in another encoding (Windows-1252 or Latin-1): open or import the CSV as UTF-8, or save it as \"CSV UTF-8\". Did you mean \"पटना\"?",
      "शीट incidents, पंक्ति 2, स्तंभ \"place_hi\": \"à¤ªà¤Ÿà¤¨à¤¾\" किसी दूसरी एन्कोडिंग (Windows-1252 या Latin-1) में पढ़ा गया UTF-8 पाठ लगता है: CSV को UTF-8 के रूप में खोलें या आयात करें, या \"CSV UTF-8\" में सहेजें। क्या आपका आशय \"पटना\" था?"],
  ],
  "required: a row without incident_id": [
    ["error", "required",
      "outages sheet, row 3, column \"incident_id\": is required but missing.",
      "शीट outages, पंक्ति 3, स्तंभ \"incident_id\": आवश्यक है, पर नहीं दिया गया।"],
  ],
}

describe('checks in the spreadsheet\'s terms', () => {
  it('the template itself has no problem', () => {
    expect(sheetsToDataset(templateTables()).issues).toEqual([])
  })
  it.each(CASES)('%s', (name, edits) => {
    const tables = templateTables()
    edits.forEach((edit) => edit(tables))
    const { issues } = sheetsToDataset(tables)
    expect(issues.map((issue) => [issue.severity, issue.rule, describeSheetIssue(issue, 'en'), describeSheetIssue(issue, 'hi')])).toEqual(EXPECTED[name])
  })
})
