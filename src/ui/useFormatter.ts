import { computed } from 'vue'
import { useGhatnaI18n } from '../i18n'
import { createFormatter } from '../core/format'
import { isLang } from '../i18n'
import type { MaybeRefOrGetter } from 'vue'
import { toValue } from 'vue'

/** The formatter for the current UI language and the dataset's time zone. */
export function useFormatter(timeZone: MaybeRefOrGetter<string>) {
  const { locale } = useGhatnaI18n()
  return computed(() => createFormatter({ lang: isLang(locale.value) ? locale.value : 'en', timeZone: toValue(timeZone) }))
}
