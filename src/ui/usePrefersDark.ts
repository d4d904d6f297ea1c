import { onScopeDispose, ref } from 'vue'

/** `prefers-color-scheme: dark`, live; false where matchMedia is missing (SSR, old browsers). */
export function usePrefersDark() {
  const dark = ref(false)
  if (typeof matchMedia !== 'function') return dark
  const query = matchMedia('(prefers-color-scheme: dark)')
  dark.value = query.matches
  const update = (event: MediaQueryListEvent) => (dark.value = event.matches)
  query.addEventListener('change', update)
  onScopeDispose(() => query.removeEventListener('change', update))
  return dark
}
