/**
 * `refresh="SECONDS"`: how often a widget re-reads its data, and the timer that does it.
 * The timer waits while the page is hidden (a background tab asks nothing of the server)
 * and catches up as soon as the page is shown again.
 */

/** Sheets and data servers are not asked more often than this. */
export const MIN_REFRESH_SECONDS = 60

/** The interval an attribute asks for, and the console line when it cannot be used as written. */
export function parseRefresh(value: string | number | undefined | null): { seconds?: number; warning?: string } {
  if (value === undefined || value === null || value === '') return {}
  const text = String(value).trim()
  if (!/^\d+$/.test(text) || Number(text) === 0) {
    return { warning: `[ghatna] refresh="${value}" is not a whole number of seconds; not refreshing. Write refresh="300" to re-read the data every 5 minutes (at least ${MIN_REFRESH_SECONDS}).` }
  }
  const seconds = Number(text)
  if (seconds < MIN_REFRESH_SECONDS) return { seconds: MIN_REFRESH_SECONDS, warning: `[ghatna] refresh="${value}" is below ${MIN_REFRESH_SECONDS} seconds; using ${MIN_REFRESH_SECONDS}.` }
  return { seconds }
}

export interface RefreshEnvironment {
  document?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>
  setTimeout: (run: () => void, ms: number) => unknown
  clearTimeout: (timer: unknown) => void
}

const browser = (): RefreshEnvironment => ({
  ...(typeof document !== 'undefined' && { document }),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
})

/**
 * Runs `task` every `seconds` (counted from the end of the last run, so slow answers do not
 * pile up). Returns the function that stops it.
 */
export function scheduleRefresh(task: () => Promise<void>, seconds: number, env: RefreshEnvironment = browser()): () => void {
  let timer: unknown
  let stopped = false
  let due = false
  const hidden = () => env.document?.visibilityState === 'hidden'
  const wait = () => {
    if (!stopped) timer = env.setTimeout(tick, seconds * 1000)
  }
  async function tick() {
    timer = undefined
    if (stopped) return
    if (hidden()) {
      due = true
      return
    }
    try {
      await task()
    } finally {
      wait()
    }
  }
  const onVisibility = () => {
    if (!due || hidden() || stopped) return
    due = false
    void tick()
  }
  env.document?.addEventListener('visibilitychange', onVisibility)
  wait()
  return () => {
    stopped = true
    if (timer !== undefined) env.clearTimeout(timer)
    env.document?.removeEventListener('visibilitychange', onVisibility)
  }
}
