/** Levenshtein distance, case-insensitive: enough to catch typos in codes and enum values. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const current = [i]
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[t.length]!
}

/**
 * The closest candidate to a mistyped value, or undefined when nothing is close
 * enough to be a useful hint (more than a third of the value would have to change).
 */
export function nearest(value: string, candidates: readonly string[], extraMatch?: (candidate: string) => boolean): string | undefined {
  if (extraMatch) {
    const named = candidates.find(extraMatch)
    if (named) return named
  }
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(value, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return bestDistance <= Math.max(1, Math.floor(value.length / 3)) ? best : undefined
}
