/**
 * What the validation worker sends back. The page parses its own copy of the
 * bytes meanwhile, so the answer names the incidents the page can keep as it
 * parsed them (by index in the file) and carries only the others (normalised
 * copies): a structured clone of 100 000 validated incidents costs more than
 * parsing them twice (Chromium, 82 MB: ~1.3 s to send and ~0.7 s to receive).
 */
import { validateParsed, type ValidationReport } from '../core/validate'
import type { Incident } from '../core/schema'
import { tallyByRegion, type Tallies } from '../core/aggregate'
import { DEFAULT_TIMEZONE } from '../core/dates'
import { parseDatasetBytes } from './decode'

/** Per valid incident, in order: its index in the file's `incidents` (kept as parsed), or the incident itself. */
export type KeptIncidents = (number | Incident)[]

export interface WorkerAnswer {
  id: number
  /** `dataset.incidents` is left empty: `kept` says what goes there. */
  report: ValidationReport
  kept?: KeptIncidents
  /** The whole dataset's per-region tallies: small to send, and the page's first map needs no aggregation. */
  tallies?: Tallies
}

export function answerFor(id: number, bytes: Uint8Array): WorkerAnswer {
  const parsed = parseDatasetBytes(bytes)
  if ('report' in parsed) return { id, report: parsed.report }
  const report = validateParsed(parsed.data, parsed.warnings)
  if (!report.dataset) return { id, report }
  const inFile = (parsed.data as { incidents: unknown[] }).incidents
  const rejected = new Set(report.rejected.map((entry) => entry.index))
  const kept: KeptIncidents = []
  let index = 0
  for (const incident of report.dataset.incidents) {
    while (rejected.has(index)) index += 1
    kept.push(inFile[index] === incident ? index : incident)
    index += 1
  }
  const tallies = tallyByRegion(report.dataset.incidents, report.dataset.meta.timezone ?? DEFAULT_TIMEZONE)
  return { id, report: { ...report, dataset: { ...report.dataset, incidents: [] } }, kept, tallies }
}

/** The page's side: the valid incidents from the answer and the page's own parse of the file. */
export function incidentsFrom(kept: KeptIncidents, inFile: readonly unknown[]): Incident[] | undefined {
  const incidents: Incident[] = []
  for (const entry of kept) {
    const incident = typeof entry === 'number' ? inFile[entry] : entry
    if (incident === undefined) return undefined
    incidents.push(incident as Incident)
  }
  return incidents
}
