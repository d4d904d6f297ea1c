/**
 * The dataset pipeline in a Web Worker, for pages that serve the kit from their own origin
 * (the dashboard, the iframe page). The fetched bytes are transferred to the worker, which
 * decodes, parses, validates and aggregates them once; the page only receives the result.
 * When the worker cannot start (a CSP without worker-src 'self', say) the pipeline runs
 * wholly on the page; if it dies while reading, the bytes went with it and the source reads
 * the file again on the page.
 */
import type { Incident } from '../core/schema'
import type { DatePrecision, PartialDate } from '../core/dates'
import type { IncidentDates, rememberDates } from '../core/incidentDates'
import type { DatasetValidator, ValidatorAnswer } from './source'
import type { WorkerMessage, WorkerRequest } from './workerProtocol'

/**
 * What this module needs of the page's code, handed in by workerMode.ts rather than imported: a
 * lazy chunk that imports modules of the shared chunk makes the bundler split that chunk (more
 * files, and more bytes, before the script embed's first paint).
 */
export interface PageSide {
  /** The pipeline on the page, for when the worker cannot start. */
  onPage: DatasetValidator
  rememberDates: typeof rememberDates
  /** `PRECISIONS` of incidentDates.ts: what the numbers of a packed date mean. */
  precisions: readonly DatePrecision[]
}

/**
 * Takes the dates `packDates` made from the same incidents, in the same order (a structured clone
 * of them). Returns false, keeping nothing, when the count of numbers does not fit; their dates
 * are then parsed when asked for.
 */
export function unpackDates(incidents: readonly Incident[], packed: Float64Array, timeZone: string, page: PageSide): boolean {
  let at = 0
  const take = (text: string): PartialDate => {
    const date = { text, precision: page.precisions[packed[at + 2]!]!, start: packed[at]!, end: packed[at + 1]! }
    at += 3
    return date
  }
  const read = incidents.map((incident): IncidentDates => {
    const started = take(incident.started)
    at += 1
    const outages = (incident.outages ?? []).map((outage) => {
      const start = take(outage.start)
      return packed[at++] ? { start, end: take(outage.end!) } : { start }
    })
    at += 1
    return { started, outages, responses: (incident.responses ?? []).map((response) => take(response.date)) }
  })
  if (at !== packed.length) return false
  incidents.forEach((incident, i) => page.rememberDates(incident, timeZone, read[i]!))
  return true
}

interface Waiting {
  resolve: (answer: ValidatorAnswer) => void
  head?: Extract<WorkerMessage, { batches: number }>
  incidents: Incident[]
  received: number
}

/** The worker's messages for one request, put together: resolves once every batch has come. */
function receive(waiting: Waiting, message: WorkerMessage, page: PageSide): boolean {
  if ('ready' in message) return false
  if ('unchanged' in message) {
    waiting.resolve({ unchanged: true, digest: message.digest })
    return true
  }
  if ('batches' in message) waiting.head = message
  else {
    for (const incident of message.incidents) waiting.incidents.push(incident)
    waiting.received += 1
  }
  const head = waiting.head
  if (!head || waiting.received < head.batches) return false
  const { report, tallies, digest, dates } = head
  if (report.dataset) {
    report.dataset.incidents = waiting.incidents
    // Dates the worker parsed are taken as they are; they are parsed here only if the numbers do not fit.
    if (dates) unpackDates(waiting.incidents, dates, head.timeZone, page)
  }
  waiting.resolve({ report, where: 'worker', ...(tallies && { tallies }), ...(digest !== undefined && { digest }) })
  return true
}

export function createWorkerValidator(page: PageSide): DatasetValidator {
  let ready: Promise<Worker | undefined> | undefined
  const waiting = new Map<number, Waiting>()
  let next = 0

  /** The worker is gone: what it was reading is read again on the page, and so is everything after. */
  function fallBack(): void {
    ready = Promise.resolve(undefined)
    for (const entry of waiting.values()) entry.resolve({ lost: true })
    waiting.clear()
  }

  function start(): Promise<Worker | undefined> {
    return new Promise((resolve) => {
      let worker: Worker
      try {
        worker = new Worker(new URL('./source.worker.ts', import.meta.url), { type: 'module', name: 'ghatna-dataset' })
      } catch {
        return resolve(undefined)
      }
      worker.onerror = (event) => {
        event.preventDefault()
        worker.terminate()
        resolve(undefined)
        fallBack()
      }
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const message = event.data
        if ('ready' in message) return resolve(worker)
        const entry = waiting.get(message.id)
        if (entry && receive(entry, message, page)) waiting.delete(message.id)
      }
    })
  }

  return async (bytes, request) => {
    const worker = await (ready ??= start())
    if (!worker) return page.onPage(bytes, request)
    const id = next++
    // The worker gets the buffer itself (a transfer); a view into a larger buffer is copied out first.
    const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer as ArrayBuffer : bytes.slice().buffer
    return new Promise<ValidatorAnswer>((resolve) => {
      waiting.set(id, { resolve, incidents: [], received: 0 })
      const message: WorkerRequest = { id, bytes: buffer, ...request }
      worker.postMessage(message, [buffer])
    })
  }
}
