import { describe, expect, it } from 'vitest'
import { syntheticDataset } from '../fixtures/synthetic'
import { validateDataset } from '../../src/core/validate'
import { tallyByRegion } from '../../src/core/aggregate'

describe('synthetic dataset generator', () => {
  it('is deterministic per seed and different across seeds', () => {
    expect(syntheticDataset({ count: 50, seed: 7 })).toEqual(syntheticDataset({ count: 50, seed: 7 }))
    expect(syntheticDataset({ count: 50, seed: 7 })).not.toEqual(syntheticDataset({ count: 50, seed: 8 }))
  })
  it('produces valid, clearly synthetic incidents with realistic spread', () => {
    const report = validateDataset(syntheticDataset({ count: 2000, seed: 1 }))
    expect(report.errors).toEqual([])
    const incidents = report.dataset!.incidents
    expect(incidents.every((i) => i.tags?.includes('synthetic') && i.id.startsWith('synthetic-'))).toBe(true)
    const tallies = tallyByRegion(incidents)
    expect(tallies.regions.size).toBe(36)
    expect(tallies.national.incidents).toBeGreaterThan(80)
    expect(tallies.regions.get('IN-UP')!.incidents).toBeGreaterThan(tallies.regions.get('IN-LD')!.incidents * 3)
    const minutes = incidents.flatMap((i) => i.outages ?? []).map((o) => o.durationMinutes).filter((m): m is number => m !== undefined)
    expect(Math.min(...minutes)).toBeLessThan(30)
    expect(Math.max(...minutes)).toBeGreaterThan(14 * 1440)
  })
})
