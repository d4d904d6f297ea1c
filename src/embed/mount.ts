import type { WidgetName } from './widgetNames'
import type { ElementSettings } from '../core/settings'
import { settingText } from '../core/settingText'

/** The widget and its settings, typed as src/core/settings.ts defines them (the same as the element's attributes). */
export type MountOptions = { widget: WidgetName } & ElementSettings

export interface MountedWidget {
  element: HTMLElement
  /** Settles true once the widget has drawn (its charts painted, or nothing to draw after filtering), false when loading or drawing failed (the reason is in a `ghatna-error` event). */
  ready: Promise<boolean>
  /** Removes the widget and everything it started (chart, observers, fetch). */
  dispose: () => void
}

/** Builds a widget in code: `mount(document.querySelector('#map'), { widget: 'map', src: '/incidents.json' })`. */
export function mount(container: Element, options: MountOptions): MountedWidget {
  const { widget, ...settings } = options
  const element = document.createElement(`ghatna-${widget}`)
  // The element checks its settings as it reads them (and reports any invalid one), whatever their source.
  for (const [key, value] of Object.entries(settings)) {
    const text = settingText(value)
    if (text !== undefined) element.setAttribute(key, text)
  }
  const ready = new Promise<boolean>((resolve) => {
    element.addEventListener('ghatna-ready', () => resolve(true), { once: true })
    element.addEventListener('ghatna-error', () => resolve(false), { once: true })
  })
  container.append(element)
  return { element, ready, dispose: () => element.remove() }
}
