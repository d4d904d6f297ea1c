/**
 * Decodes and validates a fetched dataset off the main thread: for a large
 * file, decoding, JSON.parse and validation are most of the load time, and a
 * reader's page stays responsive while they run. Started by `workerValidation.ts`.
 */
import { validateDataset } from '../core/validate'
import { decodeDataset } from './decode'

const scope = self as unknown as { postMessage: (message: unknown) => void; onmessage: ((event: MessageEvent<{ id: number; bytes: Uint8Array }>) => void) | null }

scope.onmessage = (event) => {
  const { id, bytes } = event.data
  scope.postMessage({ id, report: validateDataset(decodeDataset(bytes)) })
}
// Tells the page the worker runs (a CSP that forbids workers fails before this).
scope.postMessage({ ready: true })
