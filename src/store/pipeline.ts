/**
 * The dataset pipeline after the fetch: decode → parse (once) → validate → aggregate. It runs
 * wholly in the worker (source.worker.ts) or wholly on the page, never split between them.
 */
import { parseDatasetText, validateParsed, type ValidationReport } from '../core/validate'
import { tallyByRegion, type Tallies } from '../core/aggregate'
import { DEFAULT_TIMEZONE } from '../core/dates'
import { decodeDataset } from './decode'

export interface DatasetRead {
  report: ValidationReport
  /** The whole dataset's per-region tallies (absent when the file is unusable). */
  tallies?: Tallies
  /** Set when asked for: tells a later refresh whether the server sent the same file. */
  digest?: string
}

export interface ReadRequest {
  /** Work out the bytes' digest (a server that gives no ETag or Last-Modified). */
  digest?: boolean
  /** The digest of the bytes shown: the same bytes again are answered `unchanged`, not parsed. */
  unlessDigest?: string
}

export type PipelineAnswer = DatasetRead | { unchanged: true; digest: string }

/** Length and FNV-1a: enough to tell a server that resends the same file (no ETag, no Last-Modified) from a changed one. */
export function digestOf(bytes: Uint8Array): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193)
  return `${bytes.length}:${(hash >>> 0).toString(16)}`
}

export function timeZoneOf(report: ValidationReport): string {
  return report.dataset?.meta.timezone ?? DEFAULT_TIMEZONE
}

/** Whole-dataset tallies of a report: the first view of every widget needs no other aggregation. */
export function talliesOf(report: ValidationReport): Tallies | undefined {
  return report.dataset && tallyByRegion(report.dataset.incidents, timeZoneOf(report))
}

export function readDatasetBytes(bytes: Uint8Array, request: ReadRequest = {}): PipelineAnswer {
  const digest = request.digest || request.unlessDigest ? digestOf(bytes) : undefined
  if (digest && digest === request.unlessDigest) return { unchanged: true, digest }
  const parsed = parseDatasetText(decodeDataset(bytes))
  const report = 'report' in parsed ? parsed.report : validateParsed(parsed.data, parsed.warnings)
  return { report, tallies: talliesOf(report), digest }
}
