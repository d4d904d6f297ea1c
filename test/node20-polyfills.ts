/**
 * Vitest 5's reporter calls Map.groupBy (Node 21+) when it prints failures; on
 * Node 20 the failure report itself crashes. Loaded by vite.config.ts, in the
 * process that reports. Remove when the project requires Node 22.
 */
const mapWithGroupBy = Map as MapConstructor & { groupBy?: unknown }
if (typeof mapWithGroupBy.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>()
      let index = 0
      for (const item of items) {
        const k = key(item, index++)
        const group = groups.get(k)
        if (group) group.push(item)
        else groups.set(k, [item])
      }
      return groups
    },
  })
}
export {}
