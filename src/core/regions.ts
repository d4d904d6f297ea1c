/**
 * India's 36 states and union territories (28 + 8) under current ISO 3166-2:IN
 * codes (2023 revision), with names in English and Hindi.
 */

export type RegionKind = 'state' | 'union-territory'

export interface Region {
  /** ISO 3166-2:IN code, e.g. `IN-BR`. */
  code: string
  en: string
  hi: string
  kind: RegionKind
  /** Too small to find or tap on an all-India map; listed and zoomable instead. */
  small: boolean
}

/** The code for all-India (national-scope) incidents, such as a central platform. */
export const NATIONAL = 'IN'

const state = (code: string, en: string, hi: string, small = false): Region => ({ code, en, hi, kind: 'state', small })
const ut = (code: string, en: string, hi: string, small = false): Region => ({ code, en, hi, kind: 'union-territory', small })

export const REGIONS: readonly Region[] = [
  state('IN-AP', 'Andhra Pradesh', 'आंध्र प्रदेश'),
  state('IN-AR', 'Arunachal Pradesh', 'अरुणाचल प्रदेश'),
  state('IN-AS', 'Assam', 'असम'),
  state('IN-BR', 'Bihar', 'बिहार'),
  state('IN-CG', 'Chhattisgarh', 'छत्तीसगढ़'),
  state('IN-GA', 'Goa', 'गोवा', true),
  state('IN-GJ', 'Gujarat', 'गुजरात'),
  state('IN-HR', 'Haryana', 'हरियाणा'),
  state('IN-HP', 'Himachal Pradesh', 'हिमाचल प्रदेश'),
  state('IN-JH', 'Jharkhand', 'झारखंड'),
  state('IN-KA', 'Karnataka', 'कर्नाटक'),
  state('IN-KL', 'Kerala', 'केरल'),
  state('IN-MP', 'Madhya Pradesh', 'मध्य प्रदेश'),
  state('IN-MH', 'Maharashtra', 'महाराष्ट्र'),
  state('IN-MN', 'Manipur', 'मणिपुर'),
  state('IN-ML', 'Meghalaya', 'मेघालय'),
  state('IN-MZ', 'Mizoram', 'मिज़ोरम'),
  state('IN-NL', 'Nagaland', 'नागालैंड'),
  state('IN-OD', 'Odisha', 'ओडिशा'),
  state('IN-PB', 'Punjab', 'पंजाब'),
  state('IN-RJ', 'Rajasthan', 'राजस्थान'),
  state('IN-SK', 'Sikkim', 'सिक्किम'),
  state('IN-TN', 'Tamil Nadu', 'तमिलनाडु'),
  state('IN-TS', 'Telangana', 'तेलंगाना'),
  state('IN-TR', 'Tripura', 'त्रिपुरा'),
  state('IN-UP', 'Uttar Pradesh', 'उत्तर प्रदेश'),
  state('IN-UK', 'Uttarakhand', 'उत्तराखंड'),
  state('IN-WB', 'West Bengal', 'पश्चिम बंगाल'),
  ut('IN-AN', 'Andaman and Nicobar Islands', 'अंडमान और निकोबार द्वीपसमूह', true),
  ut('IN-CH', 'Chandigarh', 'चंडीगढ़', true),
  ut('IN-DH', 'Dadra and Nagar Haveli and Daman and Diu', 'दादरा और नगर हवेली और दमन और दीव', true),
  ut('IN-DL', 'Delhi', 'दिल्ली', true),
  ut('IN-JK', 'Jammu and Kashmir', 'जम्मू और कश्मीर'),
  ut('IN-LA', 'Ladakh', 'लद्दाख'),
  ut('IN-LD', 'Lakshadweep', 'लक्षद्वीप', true),
  ut('IN-PY', 'Puducherry', 'पुडुचेरी', true),
]

export const NATIONAL_NAME = { en: 'All India', hi: 'अखिल भारत' } as const

/**
 * Codes withdrawn in the 2023 ISO revision, and the pre-2020 codes of the two
 * UTs that merged into IN-DH: still accepted, read as the current code, warned about.
 */
export const LEGACY_REGION_CODES: Readonly<Record<string, string>> = {
  'IN-OR': 'IN-OD',
  'IN-TG': 'IN-TS',
  'IN-CT': 'IN-CG',
  'IN-UT': 'IN-UK',
  'IN-DN': 'IN-DH',
  'IN-DD': 'IN-DH',
}

const byCode = new Map(REGIONS.map((region) => [region.code, region]))

export const REGION_CODES: readonly string[] = REGIONS.map((region) => region.code)
/** Every code a dataset may use: current, national and legacy. */
export const ACCEPTED_REGION_CODES: readonly string[] = [...REGION_CODES, NATIONAL, ...Object.keys(LEGACY_REGION_CODES)]

export function regionByCode(code: string): Region | undefined {
  return byCode.get(code)
}

export type RegionLookup =
  | { kind: 'current'; code: string }
  | { kind: 'legacy'; code: string; legacy: string }
  | { kind: 'unknown' }

export function lookupRegionCode(value: string): RegionLookup {
  if (value === NATIONAL || byCode.has(value)) return { kind: 'current', code: value }
  const renamed = LEGACY_REGION_CODES[value]
  if (renamed) return { kind: 'legacy', code: renamed, legacy: value }
  return { kind: 'unknown' }
}

export function regionName(code: string, lang: string): string {
  const names = code === NATIONAL ? NATIONAL_NAME : byCode.get(code)
  if (!names) return code
  return lang === 'hi' ? names.hi : names.en
}
