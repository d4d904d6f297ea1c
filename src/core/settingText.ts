/**
 * A setting as attribute or URL text (lists comma-separated), the inverse of `readSettings`
 * (settings.ts). Apart from it, and importing nothing, so `mount()` can live in the embed script,
 * which must import nothing statically.
 */
export function settingText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false) return undefined
  if (Array.isArray(value)) return value.length ? value.join(',') : undefined
  return String(value)
}
