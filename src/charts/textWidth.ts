/** Width of a text in px at a font size; the browser measures with a canvas, Node estimates. */
export type TextMeasure = (value: string, fontSize: number, bold?: boolean) => number

/**
 * An over-estimate for where there is no canvas (Node, `ghatna render`): about 0.56 em a Latin
 * lower-case letter, 0.66 em a capital or digit, 0.62 em a Devanagari letter. Layouts made with it
 * leave a little room to spare rather than letting text collide.
 */
export const estimateText: TextMeasure = (value, fontSize, bold = false) => {
  let width = 0
  for (const char of value) width += /[\u0900-\u097F]/.test(char) ? 0.62 : /[A-Z0-9+−–@%#&WM]/.test(char) ? 0.68 : /[ il.,:;'|!()[\]]/.test(char) ? 0.34 : 0.56
  return width * fontSize * (bold ? 1.08 : 1)
}
