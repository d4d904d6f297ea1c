/**
 * Turns for a page's widgets to render their first time, one at a time and in the order they ask
 * (the page's order). Without them a dashboard renders every widget, its model and its chart in
 * the one task that received the dataset: at 10 000 incidents a 600 ms freeze. With them each
 * widget's first render is its own task, after a frame has been painted, so the map above the fold
 * is on screen before the widgets under it start, and a reader's click is handled between two.
 * Later updates (a filter change) are not turned: they render together, as one picture.
 */

/** Runs `next` in a task after the next frame has been painted. */
export function afterNextPaint(next: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(next, 0)
    return () => clearTimeout(timer)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  // rAF runs before the frame's paint; a task queued from it runs after.
  const frame = requestAnimationFrame(() => (timer = setTimeout(next, 0)))
  return () => {
    cancelAnimationFrame(frame)
    if (timer !== undefined) clearTimeout(timer)
  }
}

export interface Turn {
  /** The widget has rendered: the next one may start, after a paint. */
  done: () => void
  /** The widget left before or during its turn: it no longer holds up the others. */
  leave: () => void
}

export interface Turns {
  /**
   * Asks for a turn; `go` is called when it comes (at once when nobody is rendering). `next`: the
   * turn right after the current one, before those already waiting (a widget's chart, drawn in the
   * task after the widget itself).
   */
  take: (go: () => void, options?: { next?: boolean }) => Turn
}

export function createTurns(schedule: (next: () => void) => () => void = afterNextPaint): Turns {
  const waiting: { go: () => void }[] = []
  /** The widget rendering now, or null between turns. */
  let current: object | null = null
  let cancelPending: (() => void) | undefined

  function advance() {
    cancelPending = undefined
    const next = waiting.shift()
    current = next ?? null
    next?.go()
  }

  function release(entry: object) {
    if (current !== entry) return
    current = {}
    cancelPending = schedule(advance)
  }

  return {
    take(go, { next = false } = {}) {
      const entry = { go }
      if (current === null && waiting.length === 0) {
        current = entry
        go()
      } else if (next) waiting.unshift(entry)
      else waiting.push(entry)
      return {
        done: () => release(entry),
        leave: () => {
          const index = waiting.indexOf(entry)
          if (index >= 0) waiting.splice(index, 1)
          else if (current === entry) {
            // Leaving mid-turn: the next widget goes now rather than after a paint it does not need.
            cancelPending?.()
            advance()
          }
        },
      }
    },
  }
}

/** Work per task when a turn does its work in slices: short enough for a frame or a click to come between two. */
export const SLICE_MS = 30

/**
 * Runs `work` (one step per `next()`) in tasks of about SLICE_MS each, then calls `done`: in the
 * same task when the last slice was short, else in a task of its own (what comes next, a widget's
 * render, is not added to a full slice). Returns a function that stops it. Steps are counted in
 * batches so the clock is not read each step.
 */
export function runInSlices(work: Iterator<unknown>, done: () => void, sliceMs = SLICE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  const slice = () => {
    timer = undefined
    const began = performance.now()
    for (;;) {
      for (let step = 0; step < 8; step++) {
        if (!work.next().done) continue
        if (performance.now() - began < sliceMs / 2) return done()
        timer = setTimeout(done, 0)
        return
      }
      if (performance.now() - began >= sliceMs) break
    }
    if (!stopped) timer = setTimeout(slice, 0)
  }
  slice()
  return () => {
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
  }
}
