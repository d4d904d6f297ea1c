/**
 * Validation in a Web Worker, for pages that serve the kit from their own origin
 * (the dashboard, the iframe page). Not for the script embed: a news page loads
 * it from another origin, which may not start a worker, and a blob: worker needs
 * a CSP allowance strict pages refuse. When the worker cannot start (a CSP
 * without worker-src 'self', say) or fails, validation runs on the main thread.
 */
import type { ValidationReport } from '../core/validate'
import { validateOnMainThread, type DatasetValidator, type ValidationOutcome } from './dataset'

interface Answer { id: number; report: ValidationReport }
interface Waiting { bytes: Uint8Array; resolve: (outcome: ValidationOutcome) => void }

export function createWorkerValidator(): DatasetValidator {
  let ready: Promise<Worker | undefined> | undefined
  const waiting = new Map<number, Waiting>()
  let next = 0

  /** The worker is gone: whatever it was given is validated here. */
  function fallBack(): void {
    ready = Promise.resolve(undefined)
    for (const { bytes, resolve } of waiting.values()) resolve({ report: validateOnMainThread(bytes), where: 'main' })
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
      worker.onmessage = (event: MessageEvent<Answer | { ready: true }>) => {
        if ('ready' in event.data) return resolve(worker)
        const { id, report } = event.data
        waiting.get(id)?.resolve({ report, where: 'worker' })
        waiting.delete(id)
      }
    })
  }

  return async (bytes) => {
    const worker = await (ready ??= start())
    if (!worker) return { report: validateOnMainThread(bytes), where: 'main' }
    return new Promise<ValidationOutcome>((resolve) => {
      const id = next++
      waiting.set(id, { bytes, resolve })
      // Copied, not transferred: if the worker fails, the page validates these bytes itself.
      worker.postMessage({ id, bytes })
    })
  }
}
