/** refresh="SECONDS": what the attribute means, and the timer that pauses while the page is hidden. */
import { describe, expect, it, vi } from 'vitest'
import { parseRefresh, scheduleRefresh, type RefreshEnvironment } from '../../src/store/refresh'

describe('refresh attribute', () => {
  it('takes a whole number of seconds from 60 up', () => {
    expect(parseRefresh('300')).toEqual({ seconds: 300 })
    expect(parseRefresh(' 60 ')).toEqual({ seconds: 60 })
    expect(parseRefresh(120)).toEqual({ seconds: 120 })
  })
  it('clamps a smaller number to 60 and says so', () => {
    expect(parseRefresh('10')).toEqual({ seconds: 60, warning: '[ghatna] refresh="10" is below 60 seconds; using 60.' })
  })
  it('ignores what is not a whole number of seconds, and says so', () => {
    for (const value of ['soon', '1.5', '-60', '0', '60s']) {
      expect(parseRefresh(value)).toEqual({ warning: `[ghatna] refresh="${value}" is not a whole number of seconds; not refreshing. Write refresh="300" to re-read the data every 5 minutes (at least 60).` })
    }
  })
  it('is off when absent', () => {
    expect(parseRefresh(undefined)).toEqual({})
    expect(parseRefresh('')).toEqual({})
  })
})

/** A page with a visibility state and a clock the test moves by hand. */
function fakePage() {
  const timers = new Map<number, { at: number; run: () => void }>()
  const listeners = new Set<() => void>()
  let now = 0
  let next = 1
  const page = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, listener: () => void) => void listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => void listeners.delete(listener),
  }
  const env: RefreshEnvironment = {
    document: page as unknown as RefreshEnvironment['document'],
    setTimeout: (run, ms) => {
      timers.set(next, { at: now + ms, run })
      return next++
    },
    clearTimeout: (id) => void timers.delete(id as number),
  }
  return {
    env,
    page,
    listeners,
    timers,
    async advance(ms: number) {
      now += ms
      for (const [id, timer] of [...timers]) {
        if (timer.at > now) continue
        timers.delete(id)
        timer.run()
        await Promise.resolve()
        await Promise.resolve()
      }
    },
    setVisibility(state: DocumentVisibilityState) {
      page.visibilityState = state
      for (const listener of listeners) listener()
    },
  }
}

describe('refresh timer', () => {
  it('runs every interval, counted from the end of the last run', async () => {
    const fake = fakePage()
    const task = vi.fn(async () => {})
    scheduleRefresh(task, 60, fake.env)
    await fake.advance(59_999)
    expect(task).toHaveBeenCalledTimes(0)
    await fake.advance(1)
    expect(task).toHaveBeenCalledTimes(1)
    await fake.advance(60_000)
    expect(task).toHaveBeenCalledTimes(2)
  })
  it('asks nothing while the page is hidden, and catches up once it is shown', async () => {
    const fake = fakePage()
    const task = vi.fn(async () => {})
    scheduleRefresh(task, 60, fake.env)
    fake.setVisibility('hidden')
    await fake.advance(60_000)
    await fake.advance(600_000)
    expect(task).toHaveBeenCalledTimes(0)
    fake.setVisibility('visible')
    await Promise.resolve()
    expect(task).toHaveBeenCalledTimes(1)
    // Shown again before it was due: nothing extra.
    fake.setVisibility('hidden')
    fake.setVisibility('visible')
    expect(task).toHaveBeenCalledTimes(1)
  })
  it('stops for good: no timer, no listener', async () => {
    const fake = fakePage()
    const task = vi.fn(async () => {})
    const stop = scheduleRefresh(task, 60, fake.env)
    stop()
    expect(fake.timers.size).toBe(0)
    expect(fake.listeners.size).toBe(0)
    await fake.advance(600_000)
    expect(task).not.toHaveBeenCalled()
  })
  it('keeps going after a run that failed', async () => {
    const fake = fakePage()
    const task = vi.fn(async () => {
      throw new Error('offline')
    })
    scheduleRefresh(() => task().catch(() => {}), 60, fake.env)
    await fake.advance(60_000)
    await fake.advance(60_000)
    expect(task).toHaveBeenCalledTimes(2)
  })
})
