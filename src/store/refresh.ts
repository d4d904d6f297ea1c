/**
 * Loaded only by pages that refresh: the re-read of a source, and the timer of `refresh="SECONDS"` (read and checked by the settings contract, src/core/settings.ts) that re-reads a widget's data.
 * The timer waits while the page is hidden (a background tab asks nothing of the server)
 * and catches up as soon as the page is shown again.
 */

import type { DatasetLoadOptions, Loaded, LoadOutcome, SharedSource, SourceState } from './source'

/**
 * What the re-read needs of source.ts, handed in rather than imported: a lazy chunk that imports
 * the shared chunk's modules makes the bundler split it (more bytes before the embed's first paint).
 */
export interface SourceParts {
  readSource: (source: string, options: DatasetLoadOptions, controller: AbortController, conditional: boolean) => Promise<LoadOutcome | 'unchanged'>
  update: (shared: SharedSource, change: Partial<SourceState>) => void
  accept: (shared: SharedSource, loaded: Loaded) => void
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

/**
 * Reads a URL source again with conditional requests (source.ts). Unchanged: nothing changes. New
 * data replaces the data shown for every holder; a failed read, or data no longer usable, keeps it
 * and is said in `refreshFailure`.
 */
export async function refreshShared(shared: SharedSource, { readSource, update, accept }: SourceParts): Promise<void> {
  const { source, options } = shared
  if (typeof source !== 'string' || shared.state.status === 'loading' || shared.state.status === 'idle') return
  const shown = shared.state.status === 'ready'
  const outcome = await readSource(source, options, new AbortController(), true)
  if (outcome === 'unchanged') {
    if (shared.state.refreshFailure) update(shared, { refreshFailure: undefined })
    return
  }
  if ('failure' in outcome) {
    if (outcome.failure.kind === 'aborted') return
    if (shown) update(shared, { refreshFailure: { failure: outcome.failure, at: Date.now() } })
    else update(shared, { failure: outcome.failure })
    return
  }
  if (outcome.report.fatal && shown) {
    update(shared, { refreshFailure: { failure: { kind: 'invalid', url: source }, at: Date.now() } })
    return
  }
  accept(shared, outcome)
}
