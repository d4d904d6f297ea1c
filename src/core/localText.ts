import type { LocalText } from './schema'
export type { LocalText }

export interface ResolvedText {
  text: string
  /** The language the text is actually in, for the `lang` attribute; undefined when it is language-neutral. */
  lang: string | undefined
}

const FALLBACK_ORDER = ['en', 'hi']

/** Resolves per the contract: requested language, then `en`, then `hi`, then any. */
export function resolveText(value: LocalText | undefined, lang: string): ResolvedText {
  if (value === undefined) return { text: '', lang: undefined }
  if (typeof value === 'string') return { text: value, lang: undefined }
  const base = lang.split('-')[0]!
  for (const tag of [lang, base, ...FALLBACK_ORDER]) {
    const text = value[tag]
    if (text !== undefined) return { text, lang: tag }
  }
  const first = Object.entries(value)[0]
  return first ? { text: first[1], lang: first[0] } : { text: '', lang: undefined }
}

export function localText(value: LocalText | undefined, lang: string): string {
  return resolveText(value, lang).text
}
