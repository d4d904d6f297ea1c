/**
 * Validation in a Web Worker, for pages that serve the kit from their own origin
 * (the dashboard, the iframe page). Not for the script embed: a news page loads
 * it from another origin, which may not start a worker, and a blob: worker needs
 * a CSP allowance strict pages refuse. When the worker cannot start (a CSP
 * without worker-src 'self', say) or fails, validation runs on the main thread.
 */
import { parseDatasetBytes } from './decode'
import { validateOnMainThread, type DatasetValidator, type ValidationOutcome } from './dataset'
import { incidentsFrom, type WorkerAnswer } from './workerAnswer'

interface Waiting { bytes: Uint8Array; resolve: (answer: WorkerAnswer | undefined) => void }

/** The page's own parse of the file's incidents, to rebuild the worker's answer from. */
function incidentsInFile(bytes: Uint8Array): unknown[] | undefined {
  const parsed = parseDatasetBytes(bytes)
  const incidents = 'data' in parsed ? (parsed.data as { incidents?: unknown } | null)?.incidents : undefined
  return Array.isArray(incidents) ? incidents : undefined
}

export function createWorkerValidator(): DatasetValidator {
  let ready: Promise<Worker | undefined> | undefined
  const waiting = new Map<number, Waiting>()
  let next = 0

  /** The worker is gone: whatever it was given is validated here. */
  function fallBack(): void {
    ready = Promise.resolve(undefined)
    for (const { resolve } of waiting.values()) resolve(undefined)
    waiting.clear()
  }

  function start(): Promise<Worker | undefined> {
    return new Promise((resolve) => {
      let worker: Worker
      try {
        worker = new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module', name: 'ghatna-validation' })
      } catch {
        return resolve(undefined)
      }
      worker.onerror = (event) => {
        event.preventDefault()
        worker.terminate()
        resolve(undefined)
        fallBack()
      }
      worker.onmessage = (event: MessageEvent<WorkerAnswer | { ready: true }>) => {
        if ('ready' in event.data) return resolve(worker)
        waiting.get(event.data.id)?.resolve(event.data)
        waiting.delete(event.data.id)
      }
    })
  }

  return async (bytes): Promise<ValidationOutcome> => {
    const worker = await (ready ??= start())
    if (!worker) return { report: validateOnMainThread(bytes), where: 'main' }
    const id = next++
    const answered = new Promise<WorkerAnswer | undefined>((resolve) => {
      waiting.set(id, { bytes, resolve })
      // Copied, not transferred: the page parses these bytes too, and validates them itself if the worker fails.
      worker.postMessage({ id, bytes })
    })
    // Meanwhile the page parses its own copy (see workerAnswer.ts for why).
    const inFile = incidentsInFile(bytes)
    const answer = await answered
    if (!answer) return { report: validateOnMainThread(bytes), where: 'main' }
    const { report, kept, tallies } = answer
    if (report.dataset && kept) {
      const incidents = inFile && incidentsFrom(kept, inFile)
      // Cannot happen with the same bytes and decoder; if it ever does, the page's own validation decides.
      if (!incidents) return { report: validateOnMainThread(bytes), where: 'main' }
      report.dataset.incidents = incidents
    }
    return { report, where: 'worker', ...(tallies && { tallies }) }
  }
}
