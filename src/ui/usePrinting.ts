import { ref, type Ref } from 'vue'

/**
 * Whether the page is being printed (or shown as print, e.g. a test's emulated media): one flag
 * and one set of listeners for the whole page. What only paper shows — each widget's list of
 * sources — is built while this is true, not on every render: those lines format dates, and a
 * first paint that builds none never sets up Intl's date data (~25 ms at 4× CPU).
 */
let printing: Ref<boolean> | undefined

export function usePrinting(): Ref<boolean> {
  if (printing) return printing
  const flag = ref(false)
  printing = flag
  if (typeof window === 'undefined') return flag
  const query = typeof matchMedia === 'function' ? matchMedia('print') : undefined
  flag.value = query?.matches ?? false
  query?.addEventListener?.('change', (event) => (flag.value = event.matches))
  window.addEventListener('beforeprint', () => (flag.value = true))
  window.addEventListener('afterprint', () => (flag.value = query?.matches ?? false))
  return flag
}
