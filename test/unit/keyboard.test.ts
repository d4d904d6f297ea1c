import { describe, expect, it } from 'vitest'
import { keyboardStep } from '../../src/charts/keyboard'

describe('keyboardStep', () => {
  it('steps forward and back, wrapping, from before the first item', () => {
    expect(keyboardStep('ArrowRight', -1, 3)).toEqual({ kind: 'move', index: 0 })
    expect(keyboardStep('ArrowDown', 2, 3)).toEqual({ kind: 'move', index: 0 })
    expect(keyboardStep('ArrowLeft', 0, 3)).toEqual({ kind: 'move', index: 2 })
    expect(keyboardStep('ArrowUp', -1, 3)).toEqual({ kind: 'move', index: 2 })
    expect(keyboardStep('End', 0, 3)).toEqual({ kind: 'move', index: 2 })
    expect(keyboardStep('Home', 2, 3)).toEqual({ kind: 'move', index: 0 })
  })
  it('selects with Enter or Space, clears with Escape, ignores the rest', () => {
    expect(keyboardStep('Enter', 1, 3)).toEqual({ kind: 'select', index: 1 })
    expect(keyboardStep(' ', 1, 3)).toEqual({ kind: 'select', index: 1 })
    expect(keyboardStep('Enter', -1, 3)).toEqual({ kind: 'move', index: 0 })
    expect(keyboardStep('Escape', 1, 3)).toEqual({ kind: 'clear' })
    expect(keyboardStep('Tab', 1, 3)).toEqual({ kind: 'ignore' })
    expect(keyboardStep('ArrowRight', -1, 0)).toEqual({ kind: 'ignore' })
  })
})
