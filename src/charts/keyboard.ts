/**
 * Stepping through a chart's items with the keyboard, as a controller with no UI:
 * the chart host feeds it keys and renders what it says (tested with plain objects).
 */
export interface KeyboardItem {
  /** What a screen reader hears on reaching the item: "Bihar: 1 incident". */
  announcement: string
  seriesIndex: number
  dataIndex: number
  /** What the item is, where its position can stand for another one after a change (another unit's figures). */
  id?: string
  /** Enter on this item; absent when the item cannot be selected. */
  select?: () => void
}

export type KeyboardOutcome =
  | { kind: 'move'; index: number }
  | { kind: 'select'; index: number }
  | { kind: 'clear' }
  | { kind: 'ignore' }

/** What a key does at `index` (−1 before the first step) among `count` items. */
export function keyboardStep(key: string, index: number, count: number): KeyboardOutcome {
  if (count === 0) return key === 'Escape' ? { kind: 'clear' } : { kind: 'ignore' }
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { kind: 'move', index: index < 0 ? 0 : (index + 1) % count }
    case 'ArrowLeft':
    case 'ArrowUp':
      return { kind: 'move', index: index <= 0 ? count - 1 : index - 1 }
    case 'Home':
      return { kind: 'move', index: 0 }
    case 'End':
      return { kind: 'move', index: count - 1 }
    case 'Enter':
    case ' ':
      return index >= 0 ? { kind: 'select', index } : { kind: 'move', index: 0 }
    case 'Escape':
      return { kind: 'clear' }
    default:
      return { kind: 'ignore' }
  }
}
