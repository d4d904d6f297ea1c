/**
 * The kit's CSS as one constructable stylesheet, adopted by every widget's shadow
 * root: no <style> element is created, so `style-src 'self'` reports nothing, and
 * the host page's CSS cannot reach inside.
 */
import css from '../ui/ghatna.css?inline'

const HOST_RESET = `
:host { all: initial; display: block; contain: layout; min-width: 0; }
:host([hidden]) { display: none; }
.ghatna-root { display: block; box-sizing: border-box; padding: 2px; }
.ghatna-root *, .ghatna-root *::before, .ghatna-root *::after { box-sizing: border-box; }
.ghatna-root canvas { display: block; }
.ghatna-root h2, .ghatna-root h3, .ghatna-root p, .ghatna-root ul { line-height: 1.45; }
`

let sheet: CSSStyleSheet | undefined

export function adoptStyles(root: ShadowRoot | null): void {
  if (!root || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in root)) return
  if (!sheet) {
    sheet = new CSSStyleSheet()
    sheet.replaceSync(`${HOST_RESET}\n${css}`)
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
}
