import type { WidgetName } from './widgets'

export interface MountOptions {
  widget: WidgetName
  src?: string
  config?: string
  lang?: 'en' | 'hi'
  theme?: 'light' | 'dark' | 'auto'
  metric?: 'incidents' | 'downtime' | 'affected'
  region?: string
  from?: string
  to?: string
  group?: string
  /** Re-read the data every this many seconds (at least 60); the reader's selection and filters stay. */
  refresh?: number | string
}

export interface MountedWidget {
  element: HTMLElement
  /** Settles true once the widget has drawn (its charts painted, or nothing to draw after filtering), false when loading or drawing failed (the reason is in a `ghatna-error` event). */
  ready: Promise<boolean>
  /** Removes the widget and everything it started (chart, observers, fetch). */
  dispose: () => void
}

/** Builds a widget in code: `mount(document.querySelector('#map'), { widget: 'map', src: '/incidents.json' })`. */
export function mount(container: Element, options: MountOptions): MountedWidget {
  const element = document.createElement(`ghatna-${options.widget}`)
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'widget' && (typeof value === 'string' || typeof value === 'number')) element.setAttribute(key, String(value))
  }
  const ready = new Promise<boolean>((resolve) => {
    element.addEventListener('ghatna-ready', () => resolve(true), { once: true })
    element.addEventListener('ghatna-error', () => resolve(false), { once: true })
  })
  container.append(element)
  return { element, ready, dispose: () => element.remove() }
}
