/**
 * The messages between the page and the dataset worker (source.worker.ts), and the worker's side
 * of them as a plain function, so Node tests can run it without a worker.
 *
 * The page transfers the fetched bytes (not a copy). The worker runs the whole pipeline once and
 * sends back the validated dataset: first the report without its incidents, with the tallies and
 * every incident's parsed dates (a transferred Float64Array), then the incidents in batches, so the
 * page receives the structured clone as several short tasks instead of one long one.
 */
import type { Incident } from '../core/schema'
import type { Tallies } from '../core/aggregate'
import type { ValidationReport } from '../core/validate'
import { packDates } from '../core/incidentDates'
import { readDatasetBytes, timeZoneOf, type ReadRequest } from './pipeline'

export interface WorkerRequest extends ReadRequest {
  id: number
  bytes: ArrayBuffer
}

export type WorkerMessage =
  | { ready: true }
  | { id: number; unchanged: true; digest: string }
  /** `report.dataset.incidents` is empty: `batches` messages of incidents follow, in order. */
  | { id: number; report: ValidationReport; tallies?: Tallies; digest?: string; dates?: Float64Array; timeZone: string; batches: number }
  | { id: number; incidents: Incident[] }

/** Incidents per message: about 40 ms of structured-clone receive on the page per batch (Chromium, ~800-byte incidents). */
export const BATCH = 5000

export type Post = (message: WorkerMessage, transfer?: Transferable[]) => void

export function answerRequest(request: WorkerRequest, post: Post): void {
  const { id, bytes, ...wanted } = request
  const answer = readDatasetBytes(new Uint8Array(bytes), wanted)
  if ('unchanged' in answer) return post({ id, unchanged: true, digest: answer.digest })
  const { report, tallies, digest } = answer
  const incidents = report.dataset?.incidents ?? []
  const timeZone = timeZoneOf(report)
  const dates = report.dataset ? packDates(incidents, timeZone) : undefined
  const head = report.dataset ? { ...report, dataset: { ...report.dataset, incidents: [] } } : report
  const batches = Math.ceil(incidents.length / BATCH)
  post({ id, report: head, ...(tallies && { tallies }), ...(digest !== undefined && { digest }), ...(dates && { dates }), timeZone, batches }, dates ? [dates.buffer] : [])
  for (let i = 0; i < batches; i++) post({ id, incidents: incidents.slice(i * BATCH, (i + 1) * BATCH) })
}
