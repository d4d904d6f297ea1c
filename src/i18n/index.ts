/**
 * vue-i18n set-up: one instance per app or custom element, messages precompiled at build time.
 * The kit's instance is private: installing it provides it under the kit's own key and never
 * registers it as the app's vue-i18n, so an app with its own vue-i18n (any version) keeps it,
 * and the kit's messages need no merging. vue-i18n is bundled into the package, not installed.
 */
import { inject, type App, type InjectionKey } from 'vue'
import { createI18n, type Composer } from 'vue-i18n'
import en from './locales/en.json'
import hi from './locales/hi.json'
import type { Lang } from '../core/format'

export const LANGS: readonly Lang[] = ['en', 'hi']
export type MessageSchema = typeof en

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'hi'
}

/** "one | other" messages pick their form by each language's CLDR rule: Hindi's "one" covers 0 and 1, English's only 1. */
const pluralRule = (lang: Lang) => {
  // Made on first use: a page in one language never builds the other's rules.
  let rules: Intl.PluralRules | undefined
  return (count: number, forms: number) => (forms < 2 ? 0 : (rules ??= new Intl.PluralRules(lang)).select(count) === 'one' ? 0 : 1)
}

function createInstance(locale: Lang) {
  return createI18n<[MessageSchema], Lang, false>({
    legacy: false,
    locale,
    pluralRules: { en: pluralRule('en'), hi: pluralRule('hi') },
    fallbackLocale: 'en',
    messages: { en, hi },
    // A missing key is a bug caught by test/unit/i18n.test.ts, not a console message for readers.
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type GhatnaI18n = ReturnType<typeof createInstance>

const GHATNA_I18N: InjectionKey<GhatnaI18n> = Symbol('ghatna-i18n')

/** The kit's messages in en and hi; `app.use()` it to set the widgets' language (not the app's vue-i18n). */
export function createGhatnaI18n(locale: Lang = 'en'): GhatnaI18n {
  const i18n = createInstance(locale)
  i18n.install = (app: App) => void app.provide(GHATNA_I18N, i18n)
  return i18n
}

let fallback: GhatnaI18n | undefined

/** The kit's translator and locale: the app's createGhatna()/createGhatnaI18n() instance, else English. */
export function useGhatnaI18n(): Composer {
  const i18n = inject(GHATNA_I18N, null) ?? (fallback ??= createInstance('en'))
  return i18n.global as unknown as Composer
}
