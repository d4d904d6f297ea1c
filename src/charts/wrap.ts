/** Lines that fit `maxWidth`: broken at spaces, and a word longer than a line (a URL) broken where it must. */
export function wrap(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  const words = text.split(/\s+/).flatMap((word) => {
    if (measure(word) <= maxWidth) return [word]
    const pieces: string[] = []
    let piece = ''
    for (const char of word) {
      if (piece && measure(piece + char) > maxWidth) {
        pieces.push(piece)
        piece = ''
      }
      piece += char
    }
    return piece ? [...pieces, piece] : pieces
  })
  for (const word of words) {
    const next = line ? `${line} ${word}` : word
    if (measure(next) > maxWidth && line) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line) lines.push(line)
  return lines
}
