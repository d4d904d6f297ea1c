// @vitest-environment happy-dom
/** createGhatna() beside an app's own Pinia and vue-i18n, and in an app that has neither. */
import { describe, expect, it } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import { createI18n, useI18n } from 'vue-i18n'
import { createGhatna } from '../../src/index'
import { useGhatnaI18n } from '../../src/i18n'

function probe() {
  const seen: { app?: string; kit?: string } = {}
  const component = defineComponent({
    setup() {
      seen.app = useI18n().t('hello')
      seen.kit = useGhatnaI18n().t('filter.title')
      return () => h('p')
    },
  })
  return { seen, component }
}

describe('createGhatna', () => {
  it('uses the app’s own Pinia and leaves the app’s own vue-i18n alone', () => {
    const { seen, component } = probe()
    const pinia = createPinia()
    const appI18n = createI18n({ legacy: false, locale: 'en', messages: { en: { hello: 'Hello from the app' } } })
    const ghatna = createGhatna({ lang: 'hi' })
    const app = createApp(component).use(pinia).use(appI18n)
    const before = { symbol: (app as unknown as Record<string, unknown>).__VUE_I18N_SYMBOL__, $i18n: app.config.globalProperties.$i18n }
    app.use(ghatna).mount(document.createElement('div'))
    expect(app.config.globalProperties.$pinia).toBe(pinia)
    expect({ symbol: (app as unknown as Record<string, unknown>).__VUE_I18N_SYMBOL__, $i18n: app.config.globalProperties.$i18n }).toEqual(before)
    expect(seen.app).toBe('Hello from the app')
    expect(seen.kit).toBe('फ़िल्टर')
    expect(ghatna.lang).toBe('hi')
    ghatna.setLang('en')
    expect(ghatna.lang).toBe('en')
    app.unmount()
  })
  it('installs a Pinia in an app that has none, and never registers itself as the app’s vue-i18n', () => {
    const app = createApp({ render: () => h('p') }).use(createGhatna())
    expect(app.config.globalProperties.$pinia).toBeDefined()
    expect(app.config.globalProperties.$i18n).toBeUndefined()
    expect('__VUE_I18N_SYMBOL__' in app).toBe(false)
  })
})
