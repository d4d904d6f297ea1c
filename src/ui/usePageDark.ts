import { onScopeDispose, ref, watch, type Ref } from 'vue'

type Rgba = [number, number, number, number]

/** rgb()/rgba() as computed styles give them; other colour syntaxes are skipped (undefined). */
function parseRgb(text: string): Rgba | undefined {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text.trim())
  if (!match) return undefined
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? Number.parseFloat(match[4]) / 100 : Number(match[4])
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha]
}

/** WCAG relative luminance; below 0.179 white text contrasts more than black, so the colour is dark. */
function isDarkColour([r, g, b]: Rgba): boolean {
  const linear = (channel: number) => {
    const c = channel / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) < 0.179
}

/** The element's parent, crossing out of a shadow root to its host. */
function parentOf(node: Element): Element | null {
  if (node.parentElement) return node.parentElement
  const root = node.getRootNode()
  return root instanceof ShadowRoot ? root.host : null
}

/**
 * Whether the page around `element` looks dark: the first mostly opaque background behind it decides;
 * where every background is transparent, the page's used `color-scheme` (which colours the canvas) does.
 * The element itself is skipped: a <ghatna-*> host resets its own styles.
 */
export function pageLooksDark(element: Element): boolean {
  const start = parentOf(element)
  for (let node = start; node; node = parentOf(node)) {
    const colour = parseRgb(getComputedStyle(node).backgroundColor)
    if (colour && colour[3] >= 0.5) return isDarkColour(colour)
  }
  const scheme = getComputedStyle(start ?? document.documentElement).colorScheme
  const dark = /\bdark\b/.test(scheme)
  const light = /\blight\b/.test(scheme)
  if (dark && !light) return true
  if (dark && light) return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
  return false
}

/**
 * `pageLooksDark`, kept up to date while `host()` gives an element: a page that switches its theme
 * changes a class, a style or a data attribute on <html> or <body>, or follows the device.
 */
export function usePageDark(host: () => Element | null | undefined): Ref<boolean> {
  const dark = ref(false)
  if (typeof window === 'undefined' || typeof MutationObserver === 'undefined') return dark
  let stop: (() => void) | undefined
  watch(host, (element) => {
    stop?.()
    stop = undefined
    if (!element) return
    const update = () => (dark.value = pageLooksDark(element))
    update()
    const observer = new MutationObserver(update)
    const watched = { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-bs-theme', 'data-color-scheme'] }
    observer.observe(document.documentElement, watched)
    if (document.body) observer.observe(document.body, watched)
    const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined
    query?.addEventListener('change', update)
    // A theme switch with a CSS transition on <html> or <body> settles after the mutation (other transitions are not the page's theme).
    const settled = (event: Event) => (event.target === document.documentElement || event.target === document.body) && update()
    document.addEventListener('transitionend', settled)
    stop = () => {
      observer.disconnect()
      query?.removeEventListener('change', update)
      document.removeEventListener('transitionend', settled)
    }
  }, { immediate: true })
  onScopeDispose(() => stop?.())
  return dark
}
