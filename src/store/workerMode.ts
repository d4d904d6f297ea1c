/**
 * The page switch to the worker (the dashboard, the iframe page). The worker's page-side code is
 * fetched at once, alongside the dataset, in a chunk of its own: the script embed, which shares
 * its chunks with the iframe page, does not carry it.
 */
import { PRECISIONS, rememberDates } from '../core/incidentDates'
import { pageValidator, type DatasetValidator } from './source'

export function workerValidator(): DatasetValidator {
  const made = import('./sourceWorker').then((module) => module.createWorkerValidator({ onPage: pageValidator, rememberDates, precisions: PRECISIONS }))
  return async (bytes, request) => (await made)(bytes, request)
}
