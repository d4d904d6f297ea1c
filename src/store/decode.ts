/** Dataset bytes to text. A byte-order mark is kept, so the validator can tell the author (as the CLI does). */
export function decodeDataset(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}
