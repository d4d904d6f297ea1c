import { parseDatasetText } from '../core/validate'

/** Dataset bytes to text. A byte-order mark is kept, so the validator can tell the author (as the CLI does). */
export function decodeDataset(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}

/** Dataset bytes to a value, or the report of why they are not one: what the worker and the page each do with the same bytes. */
export function parseDatasetBytes(bytes: Uint8Array): ReturnType<typeof parseDatasetText> {
  return parseDatasetText(decodeDataset(bytes))
}
