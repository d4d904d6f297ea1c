import { parseSheetSet, sheetSetText, sheetsConfigSource } from '../core/sheetSource'

/** Every attribute a <ghatna-*> element reads (and `mount()` and the iframe page pass on). */
export interface EmbedAttributes {
  /** A dataset URL (JSON or .xlsx), or CSV files one per sheet: `incidents=URL sources=URL …`. */
  src?: string
  config?: string
  lang?: string
  theme?: string
  metric?: string
  region?: string
  from?: string
  to?: string
  group?: string
  /** Largest dataset to read, in MB (1-500; default 20). */
  maxmb?: string
  /** Re-read the data every this many seconds (at least 60), keeping the reader's selection. */
  refresh?: string
}
// A Record over the interface's keys: adding an attribute to one without the other does not compile.
const ATTRIBUTE_SET: Record<keyof EmbedAttributes, true> = { src: true, config: true, lang: true, theme: true, metric: true, region: true, from: true, to: true, group: true, maxmb: true, refresh: true }
export const EMBED_ATTRIBUTES = Object.keys(ATTRIBUTE_SET) as (keyof EmbedAttributes)[]

/** An embed's config file: the same settings as its attributes, which take precedence. */
export type EmbedConfig = Omit<EmbedAttributes, 'config' | 'group'>

const KEYS = EMBED_ATTRIBUTES.filter((key): key is keyof EmbedConfig & string => key !== 'config' && key !== 'group')

export async function readConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<{ config: EmbedConfig } | { error: string }> {
  try {
    const response = await fetchImpl(url, { credentials: 'omit' })
    if (!response.ok) return { error: `${url}: the server answered ${response.status}` }
    const raw = (await response.json()) as Record<string, unknown>
    const config: EmbedConfig = {}
    // `dataset` is the dashboard's name for `src`.
    const source = raw.src ?? raw.dataset
    const base = new URL(url, location.href).href
    // `"sheets": {"incidents": URL, …}` names CSV files one per sheet, as `src="incidents=URL …"` does.
    const sheets = sheetsConfigSource(raw.sheets, base)
    const set = typeof source === 'string' ? parseSheetSet(source) : undefined
    if (sheets) config.src = sheets
    else if (set && 'files' in set) config.src = sheetSetText(set.files, base)
    else if (typeof source === 'string') config.src = new URL(source, base).href
    for (const key of KEYS) if (key !== 'src' && typeof raw[key] === 'string') config[key] = raw[key] as string
    if (typeof raw.refresh === 'number') config.refresh = String(raw.refresh)
    return { config }
  } catch (cause) {
    const message = `${url}: ${cause instanceof Error ? cause.message : String(cause)}`
    console.error(`[ghatna] config not used: ${message}`)
    return { error: message }
  }
}
