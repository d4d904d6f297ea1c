/** refresh="SECONDS": the timer that pauses while the page is hidden (the attribute itself: settings.test.ts). */
import { describe, expect, it, vi } from 'vitest'
import { scheduleRefresh, type RefreshEnvironment } from '../../src/store/refresh'

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
