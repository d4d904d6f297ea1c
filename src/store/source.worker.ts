/** The dataset worker: started by sourceWorker.ts; the protocol is workerProtocol.ts. */
import { answerRequest, type Post, type WorkerRequest } from './workerProtocol'

const scope = self as unknown as { postMessage: Post; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null }
const post: Post = (message, transfer = []) => scope.postMessage(message, transfer)

scope.onmessage = (event) => answerRequest(event.data, post)
// Tells the page the worker runs (a CSP that forbids workers fails before this).
post({ ready: true })
