/**
 * The elements: registers <ghatna-map>, <ghatna-downtime>, <ghatna-impact>,
 * <ghatna-timeline> and <ghatna-dashboard> once. Imported by the embed script
 * (index.ts) after it has named the chunks the page needs; adds nothing to
 * `window`, the only global effect is the custom-element registry.
 */
import { defineCustomElement, h, useHost, useShadowRoot } from 'vue'
import { adoptStyles } from './styles'
import { createPinia } from 'pinia'
import { createGhatnaI18n } from '../i18n'
import GhatnaElement from './GhatnaElement.vue'
import { WIDGET_NAMES, type WidgetName } from './widgetNames'
import { EMBED_ATTRIBUTES } from './config'
import { adoptEarlyFetches, type EarlyFetch } from './earlyFetch'

/** One Pinia for every element on the page: elements on one source share a store. */
const pinia = createPinia()


function elementFor(widget: WidgetName) {
  return defineCustomElement(
    {
      // The host's own attributes (id, class, style) stay on the host, not copied inside the shadow root.
      inheritAttrs: false,
      props: EMBED_ATTRIBUTES.reduce<Record<string, { type: StringConstructor }>>((all, name) => ({ ...all, [name]: { type: String } }), {}),
      setup(props) {
        // Only the element's own root component can reach its host and shadow root.
        const host = useHost()
        adoptStyles(useShadowRoot())
        return () => h(GhatnaElement, { attributes: props, widget, host })
      },
    },
    {
      // Each element gets its own i18n (its own lang attribute) and the page's shared Pinia.
      configureApp(app) {
        app.use(pinia).use(createGhatnaI18n('en'))
      },
    },
  )
}

/** Defines the elements (once), after taking over the datasets the embed script already started fetching. */
export function defineGhatnaElements(earlyFetches: ReadonlyMap<string, EarlyFetch> = new Map()): void {
  adoptEarlyFetches(earlyFetches)
  if (typeof customElements === 'undefined') return
  for (const widget of WIDGET_NAMES) {
    const tag = `ghatna-${widget}`
    if (!customElements.get(tag)) customElements.define(tag, elementFor(widget))
  }
}

