/** vue-i18n set-up: one instance per app or custom element, messages precompiled at build time. */
import { createI18n } from 'vue-i18n'
import en from './locales/en.json'
import hi from './locales/hi.json'
import type { Lang } from '../core/format'

export const LANGS: readonly Lang[] = ['en', 'hi']
export type MessageSchema = typeof en

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'hi'
}

export function createGhatnaI18n(locale: Lang = 'en') {
  return createI18n<[MessageSchema], Lang, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, hi },
    // A missing key is a bug caught by test/unit/i18n.test.ts, not a console message for readers.
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type GhatnaI18n = ReturnType<typeof createGhatnaI18n>
