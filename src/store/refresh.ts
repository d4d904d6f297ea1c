/**
 * `refresh="SECONDS"` (read and checked by the settings contract, src/core/settings.ts): the timer that re-reads a widget's data.
 * The timer waits while the page is hidden (a background tab asks nothing of the server)
 * and catches up as soon as the page is shown again.
 */

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
