/**
 * Decodes, parses and validates a fetched dataset off the main thread. Started by
 * `workerValidation.ts`; what it answers is built by `workerAnswer.ts`.
 */
import { answerFor } from './workerAnswer'

const scope = self as unknown as { postMessage: (message: unknown) => void; onmessage: ((event: MessageEvent<{ id: number; bytes: Uint8Array }>) => void) | null }

scope.onmessage = (event) => scope.postMessage(answerFor(event.data.id, event.data.bytes))
// Tells the page the worker runs (a CSP that forbids workers fails before this).
scope.postMessage({ ready: true })
