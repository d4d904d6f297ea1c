// @vitest-environment happy-dom
/**
 * ghatna/style.css is loaded into a host app's page: every selector must match only
 * the kit's own elements (a bare :focus-visible once removed every host button's
 * focus ring), and each component carries its theme and font on its own root.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import postcss from 'postcss'
import selectorParser, { type Selector } from 'postcss-selector-parser'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createGhatnaI18n } from '../../src/i18n'
import { useDatasetStore } from '../../src/store/dataset'
import WidgetFrame from '../../src/ui/WidgetFrame.vue'
import FilterBar from '../../src/widgets/FilterBar/FilterBar.vue'
import IncidentList from '../../src/widgets/IncidentList/IncidentList.vue'

const css = readFileSync('src/ui/ghatna.css', 'utf8')

/** A selector is the kit's when its subject is, or sits inside (descendant or child), an element with a .ghatna-* class. */
function isScoped(selector: Selector): boolean {
  let scoped = false
  let sibling = false
  for (const node of selector.nodes) {
    if (node.type === 'combinator' && (node.value.trim() === '+' || node.value.trim() === '~')) sibling = true
    if (node.type === 'class' && node.value.startsWith('ghatna-')) scoped = true
    // :is(.a, .b) and :where(…) count when every alternative is the kit's.
    if (node.type === 'pseudo' && (node.value === ':is' || node.value === ':where') && node.nodes.length > 0 && node.nodes.every(isScoped)) scoped = true
  }
  return scoped && !sibling
}

describe('ghatna/style.css', () => {
  it('matches only the kit’s elements: every selector is scoped to a .ghatna-* element', () => {
    const unscoped: string[] = []
    postcss.parse(css).walkRules((rule) => {
      selectorParser((root) => root.each((selector) => void (isScoped(selector) || unscoped.push(selector.toString().trim())))).processSync(rule.selector)
    })
    expect(unscoped).toEqual([])
  })
  it('would catch a bare focus rule', () => {
    const bad: string[] = []
    selectorParser((root) => root.each((selector) => void (isScoped(selector) || bad.push(selector.toString().trim())))).processSync(':focus-visible, .ghatna-a + button, :is(.ghatna-a, div) span, :where(.ghatna-a) :focus-visible')
    expect(bad).toEqual([':focus-visible', '.ghatna-a + button', ':is(.ghatna-a, div) span'])
  })
  it('defines the theme, in light and dark, and the font on the components’ own root class', () => {
    const declarations = (selector: string) => {
      const found: Record<string, string> = {}
      postcss.parse(css).walkRules((rule) => {
        if (rule.parent?.type === 'root' && rule.selectors.includes(selector)) rule.walkDecls((decl) => void (found[decl.prop] = decl.value))
      })
      return found
    }
    const light = declarations('.ghatna-theme')
    expect(light['--ghatna-fg']).toBe('#1a1a1a')
    expect(light['--ghatna-accent']).toBe('#0b5cad')
    expect(light['font-family']).toMatch(/^system-ui, .*"Noto Sans Devanagari"/)
    expect(declarations('.ghatna-theme[data-theme="dark"]')['--ghatna-bg']).toBe('#161616')
  })
})

describe('components carry their theme', () => {
  const plugins = (lang: 'en' | 'hi' = 'en') => [createPinia(), createGhatnaI18n(lang)]
  const store = (pinia: ReturnType<typeof createPinia>) => useDatasetStore({ id: 'empty', data: { schemaVersion: 1, meta: { title: 'Empty' }, incidents: [] } }, {}, pinia)

  it('each widget root has .ghatna-theme, its data-theme (light unless told) and the UI language', () => {
    const [pinia, i18n] = plugins('hi')
    const frame = (theme?: 'light' | 'dark') => mount(WidgetFrame, {
      props: { store: store(pinia as ReturnType<typeof createPinia>), title: 'T', summary: '', columns: [], rows: () => [], exportName: 'x', ...(theme && { theme }) },
      global: { plugins: [pinia!, i18n!] },
    }).element as HTMLElement
    expect(frame().className).toBe('ghatna-widget ghatna-theme')
    expect(frame().dataset.theme).toBe('light')
    expect(frame('dark').dataset.theme).toBe('dark')
    expect(frame().lang).toBe('hi')
    for (const component of [FilterBar, IncidentList]) {
      const root = mount(component, { props: { store: store(pinia as ReturnType<typeof createPinia>), theme: 'dark' }, global: { plugins: [pinia!, i18n!] } }).element as HTMLElement
      expect(root.classList.contains('ghatna-theme')).toBe(true)
      expect(root.dataset.theme).toBe('dark')
      expect(root.lang).toBe('hi')
    }
  })
})
