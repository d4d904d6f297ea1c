import { describe, expect, it } from 'vitest'
import { createTurns, runInSlices } from '../../src/ui/turns'

/** A schedule the test runs by hand: each `paint()` lets the turn waiting for a paint go. */
function manualSchedule() {
  const pending: (() => void)[] = []
  return {
    schedule: (next: () => void) => {
      pending.push(next)
      return () => pending.splice(pending.indexOf(next), 1)
    },
    paint: () => pending.shift()?.(),
    get waiting() {
      return pending.length
    },
  }
}

describe('render turns', () => {
  it('renders the first widget at once and each next one only after the previous has rendered and a frame was painted', () => {
    const frames = manualSchedule()
    const turns = createTurns(frames.schedule)
    const rendered: string[] = []
    const map = turns.take(() => rendered.push('map'))
    const downtime = turns.take(() => rendered.push('downtime'))
    turns.take(() => rendered.push('impact'))
    expect(rendered).toEqual(['map'])
    frames.paint()
    expect(rendered).toEqual(['map']) // the map has not said it rendered: nothing was waiting for a paint
    map.done()
    expect(rendered).toEqual(['map'])
    frames.paint()
    expect(rendered).toEqual(['map', 'downtime'])
    downtime.done()
    frames.paint()
    expect(rendered).toEqual(['map', 'downtime', 'impact'])
  })

  it("puts a widget's chart right after the widget, before the widgets still waiting", () => {
    const frames = manualSchedule()
    const turns = createTurns(frames.schedule)
    const rendered: string[] = []
    const downtime = turns.take(() => rendered.push('downtime'))
    const impact = turns.take(() => rendered.push('impact'))
    const chart = turns.take(() => rendered.push('downtime chart'), { next: true })
    downtime.done()
    frames.paint()
    expect(rendered).toEqual(['downtime', 'downtime chart'])
    chart.done()
    frames.paint()
    expect(rendered).toEqual(['downtime', 'downtime chart', 'impact'])
    impact.done()
    frames.paint()
    // Idle again: a late chart (the map's, once its boundaries arrive) draws at once.
    turns.take(() => rendered.push('map chart'), { next: true })
    expect(rendered.at(-1)).toBe('map chart')
  })

  it('does not stall when a widget leaves while waiting or during its turn', () => {
    const frames = manualSchedule()
    const turns = createTurns(frames.schedule)
    const rendered: string[] = []
    const map = turns.take(() => rendered.push('map'))
    const downtime = turns.take(() => rendered.push('downtime'))
    turns.take(() => rendered.push('impact'))
    downtime.leave()
    // The map leaves mid-turn (the reader checks another file): the next goes without waiting for a paint.
    map.leave()
    expect(rendered).toEqual(['map', 'impact'])
    expect(frames.waiting).toBe(0)
  })
})

describe('runInSlices', () => {
  it('does all the work, in more than one task when it outlasts a slice, then says done once', async () => {
    let steps = 0
    let tasks = 0
    function* work() {
      for (let i = 0; i < 400; i++) {
        // Each step takes about a quarter of a millisecond.
        const until = performance.now() + 0.25
        while (performance.now() < until) { /* busy */ }
        steps++
        yield
      }
    }
    const counter = setInterval(() => tasks++, 0)
    const done = await new Promise<number>((resolve) => {
      let calls = 0
      runInSlices(work(), () => {
        calls++
        setTimeout(() => resolve(calls), 20)
      }, 10)
    })
    clearInterval(counter)
    expect(steps).toBe(400)
    expect(done).toBe(1)
    expect(tasks).toBeGreaterThan(3) // ~100 ms of work in ~10 ms slices: other tasks ran in between
  })

  it('stops when asked', async () => {
    let steps = 0
    function* work() {
      for (;;) {
        const until = performance.now() + 1
        while (performance.now() < until) { /* busy */ }
        steps++
        yield
      }
    }
    let finished = false
    const stop = runInSlices(work(), () => (finished = true), 5)
    stop()
    const after = steps
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(steps).toBe(after)
    expect(finished).toBe(false)
  })
})
