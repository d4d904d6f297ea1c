/**
 * Image exports of a chart with its context stamped on: title, active filters,
 * an "as of" date above; sources and attribution below. A picture passed around
 * on social media must still say where its numbers come from.
 */
import { init, use, type EChartsType, type EChartsCoreOption } from 'echarts/core'
import type { ChartTheme } from './themes'
import type { TextMeasure } from './locale'
import { wrap } from './wrap'


export interface ExportStamp {
  title: string
  /** Filters and "as of", under the title. */
  subtitle: string[]
  /** Sources and attribution, under the chart. */
  footer: string[]
}

const FONT = 'system-ui, "Noto Sans", "Noto Sans Devanagari", "Nirmala UI", sans-serif'
const PAD = 16

interface Block { text: string; size: number; bold?: boolean; muted?: boolean }

function layout(stamp: ExportStamp, width: number, measure: (s: string, size: number, bold: boolean) => number) {
  const toLines = (blocks: Block[]) => blocks.flatMap((block) => wrap(block.text, width - 2 * PAD, (s) => measure(s, block.size, !!block.bold)).map((text) => ({ ...block, text })))
  const head = toLines([{ text: stamp.title, size: 18, bold: true }, ...stamp.subtitle.map((text) => ({ text, size: 12, muted: true }))])
  const foot = toLines(stamp.footer.map((text) => ({ text, size: 11, muted: true })))
  const height = (lines: Block[]) => lines.reduce((h, line) => h + line.size * 1.45, 0) + PAD
  return { head, foot, headHeight: height(head), footHeight: height(foot) }
}

export async function exportPng(chart: EChartsType, stamp: ExportStamp, theme: ChartTheme): Promise<Blob> {
  const ratio = 2
  const width = chart.getWidth()
  const height = chart.getHeight()
  // The chart drawn again onto a canvas of its own, not loaded from a data: URL, which a page's
  // `default-src 'self'` (no img-src data:) refuses.
  const picture = chart.renderToCanvas({ pixelRatio: ratio, backgroundColor: theme.background })
  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d')!
  const measure = (s: string, size: number, bold: boolean) => {
    context.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`
    return context.measureText(s).width
  }
  const { head, foot, headHeight, footHeight } = layout(stamp, width, measure)
  canvas.width = width * ratio
  canvas.height = (headHeight + height + footHeight) * ratio
  context.scale(ratio, ratio)
  context.fillStyle = theme.background
  context.fillRect(0, 0, width, headHeight + height + footHeight)
  let y = PAD
  const draw = (line: Block) => {
    context.font = `${line.bold ? 'bold ' : ''}${line.size}px ${FONT}`
    context.fillStyle = line.muted ? theme.muted : theme.text
    context.textBaseline = 'top'
    context.fillText(line.text, PAD, y)
    y += line.size * 1.45
  }
  head.forEach(draw)
  context.drawImage(picture, 0, headHeight, width, height)
  y = headHeight + height + PAD / 2
  foot.forEach(draw)
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'))
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Renders the option again with ECharts' SVG renderer (loaded only when asked for) and adds the stamp as SVG text. */
/** `measure` estimates text widths for wrapping the stamp (there is no canvas in Node): the caller's, so this module needs no other. */
export async function exportSvg(option: EChartsCoreOption, width: number, height: number, stamp: ExportStamp, theme: ChartTheme, measure: TextMeasure): Promise<string> {
  // The installer itself, not the echarts/renderers barrel: the barrel is in the first widget's static
  // graph (ChartHost's canvas renderer), and importing it here kept the SVG renderer (8 KB gzip) there too.
  const { install: installSvgRenderer } = await import('echarts/lib/renderer/installSVGRenderer.js')
  use([installSvgRenderer])
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width, height })
  // No tooltip in a static picture (and none registered for server-side rendering).
  const { tooltip: _tooltip, ...still } = option as EChartsCoreOption & { tooltip?: unknown }
  chart.setOption({ ...still, animation: false })
  const body = chart.renderToSVGString()
  chart.dispose()
  // Text widths estimated (no canvas needed), on the generous side so no line runs past the width.
  const { head, foot, headHeight, footHeight } = layout(stamp, width, measure)
  let y = PAD
  const text = (line: Block) => {
    const out = `<text x="${PAD}" y="${y + line.size}" font-family="${xml(FONT)}" font-size="${line.size}"${line.bold ? ' font-weight="bold"' : ''} fill="${line.muted ? theme.muted : theme.text}">${xml(line.text)}</text>`
    y += line.size * 1.45
    return out
  }
  const headText = head.map(text).join('')
  y = headHeight + height + PAD / 2
  const footText = foot.map(text).join('')
  const total = headHeight + height + footHeight
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}"><rect width="100%" height="100%" fill="${theme.background}"/>${headText}<g transform="translate(0 ${headHeight})">${body}</g>${footText}</svg>`
}

export function download(filename: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
