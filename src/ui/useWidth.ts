import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue'

/**
 * The width of an element, kept up to date by a ResizeObserver (0 while there is no element): for
 * layouts that depend on the widget's own box, not on the viewport (a 300 px aside on a wide page).
 * The element may appear later (a widget renders its chart once the data is ready): it is watched.
 */
export function useWidth(el: Ref<HTMLElement | null | undefined>): Ref<number> {
  const width = shallowRef(0)
  let observer: ResizeObserver | undefined
  const stop = watch(el, (element) => {
    observer?.disconnect()
    observer = undefined
    if (!element) return
    width.value = Math.round(element.clientWidth)
    if (typeof ResizeObserver === 'undefined') return
    observer = new ResizeObserver(([entry]) => {
      const next = Math.round(entry?.contentRect.width ?? 0)
      if (next > 0 && next !== width.value) width.value = next
    })
    observer.observe(element)
  }, { immediate: true, flush: 'post' })
  onBeforeUnmount(() => {
    stop()
    observer?.disconnect()
  })
  return width
}

let context: CanvasRenderingContext2D | null | undefined

/** Text width as the chart's canvas will draw it (the same font string); an estimate where there is no canvas. */
export function measureWithCanvas(fallback: (value: string, fontSize: number, bold?: boolean) => number) {
  return (value: string, fontSize: number, bold = false): number => {
    if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
    if (!context) return fallback(value, fontSize, bold)
    context.font = `${bold ? 'bold ' : ''}${fontSize}px sans-serif`
    return context.measureText(value).width
  }
}
