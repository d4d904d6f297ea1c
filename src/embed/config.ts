import { readSettings, settingNames, type ElementSettings, type SettingProblem } from '../core/settings'
import { parseSheetSet, sheetSetText, sheetsConfigSource } from '../core/sheetSource'

type ElementSettingName = keyof ElementSettings
/** Every attribute a <ghatna-*> element reads (and the iframe page passes on), as text: the element settings of src/core/settings.ts. */
export type EmbedAttributes = { [K in ElementSettingName]?: string }
export const EMBED_ATTRIBUTES = settingNames('element')

/** An embed's config file: the element settings except `config` and `group`, which attributes give. */
export type EmbedConfig = Omit<ElementSettings, 'config' | 'group'>

/** Says each invalid setting once, in the console, with its reason and what is used instead. */
export function reportSettingProblems(problems: readonly SettingProblem[], where = ''): void {
  for (const problem of problems) console.warn(`[ghatna] ${where}${problem.message}`)
}

/**
 * Reads a config file: one JSON object whose keys are the settings' names (the same as the
 * attributes), plus `"sheets": {"incidents": URL, …}`, another way to write a `src` of CSV files
 * one per sheet. Relative URLs in it resolve against the file's own address. Invalid values and
 * unknown keys are reported and left out.
 */
export async function readConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<{ config: EmbedConfig } | { error: string }> {
  try {
    const response = await fetchImpl(url, { credentials: 'omit' })
    if (!response.ok) return { error: `${url}: the server answered ${response.status}` }
    const raw = (await response.json()) as unknown
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: `${url}: a config file is one JSON object of settings` }
    const { config: _config, group: _group, sheets, ...rest } = raw as Record<string, unknown>
    const base = new URL(url, location.href).href
    const fromSheets = sheets === undefined ? undefined : sheetsConfigSource(sheets, base)
    if (sheets !== undefined && !fromSheets) console.warn(`[ghatna] config ${url}: "sheets" is not an object of sheet names and URLs; ignored`)
    if (fromSheets) rest.src = fromSheets
    const { values, problems, unknown } = readSettings(rest, 'element')
    reportSettingProblems(problems, `config ${url}: `)
    if (unknown.length) console.warn(`[ghatna] config ${url}: ${unknown.map((key) => `"${key}"`).join(', ')} ${unknown.length === 1 ? 'is not a setting' : 'are not settings'}; ignored`)
    const config: EmbedConfig = values
    if (config.src) {
      const set = parseSheetSet(config.src)
      config.src = set && 'files' in set ? sheetSetText(set.files, base) : set ? config.src : new URL(config.src, base).href
    }
    return { config }
  } catch (cause) {
    const message = `${url}: ${cause instanceof Error ? cause.message : String(cause)}`
    console.error(`[ghatna] config not used: ${message}`)
    return { error: message }
  }
}
