/**
 * The timeline laid out in pixels for a chart of a given width: lanes and rows so that no label is
 * drawn over another or past the plot, and ticks on calendar boundaries. The option (option.ts)
 * draws exactly these positions, in the browser and in `ghatna render`.
 */
import { calendarTicks, type CalendarTick } from '../../core/calendarTicks'
import { estimateText, type ChartLocale, type TextMeasure } from '../../charts/locale'
import { actionLabel, STANDOUT, type TimelineData, type TimelineItem } from './data'

/** Layout constants, named once: the component, the CLI and the tests read the same numbers. */
export const TIMELINE_LAYOUT = {
  gridLeft: 8,
  gridRight: 16,
  gridTop: 12,
  /** Room under the plot for tick labels and the axis name. */
  gridBottom: 44,
  /** Each lane starts with a row for its agency's name. */
  laneHeader: 18,
  /** One row of markers and their labels. */
  row: 20,
  /** Space kept between two labels (or a label and a marker) in one row. */
  gap: 6,
  /** Between a marker and its label. */
  labelOffset: 4,
  marker: 6,
  standoutMarker: 8,
  font: 11,
  laneFont: 12,
  /** A tick label needs about this much room: at most width / this many ticks. */
  tickSpacing: 96,
} as const

export const LABEL_FONT = `${TIMELINE_LAYOUT.font}px sans-serif`
export const LANE_FONT = `${TIMELINE_LAYOUT.laneFont}px sans-serif`

export interface PlacedLabel {
  text: string
  /** Where the text starts (align left) or ends (align right), in px from the chart's left edge. */
  x: number
  align: 'left' | 'right'
  width: number
  bold: boolean
}

export interface PlacedItem {
  item: TimelineItem
  /** Marker centre, px from the chart's left edge and top. */
  x: number
  y: number
  /** Right end of the span drawn over a day, month or year. */
  spanEnd: number
  radius: number
  label: PlacedLabel
}

export interface PlacedLane {
  label: string
  top: number
  height: number
}

export interface TimelineLayout {
  width: number
  height: number
  plotLeft: number
  plotRight: number
  min: number
  max: number
  lanes: PlacedLane[]
  /** In the order of `data.items`: the chart's dataIndex. */
  items: PlacedItem[]
  ticks: (CalendarTick & { x: number })[]
}

/** Spans narrower than this (px) get their label after them, not over them. */
const SHORT_SPAN = 48

/** Shortens a text with "…" until it fits `room` px. */
export function fitText(value: string, room: number, measure: (s: string) => number): string {
  if (measure(value) <= room) return value
  const chars = [...value]
  let low = 0
  let high = chars.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (measure(`${chars.slice(0, mid).join('')}…`) <= room) low = mid
    else high = mid - 1
  }
  return `${chars.slice(0, low).join('')}…`
}

interface Box { left: number; right: number }
const overlaps = (a: Box, b: Box, gap: number) => a.left < b.right + gap && b.left < a.right + gap

/**
 * Lays out lanes and labels for a chart `width` px wide. In each lane, actions are taken in time
 * order and put in the first row where the marker, its span and its label (right of the marker,
 * else left of it) touch nothing already there; a lane grows a row when none has room. A label
 * longer than the whole plot is shortened with "…". So no label is drawn over another, or past an edge.
 */
export function layoutTimeline(data: TimelineData, width: number, locale: ChartLocale, measure: TextMeasure = estimateText): TimelineLayout {
  const L = TIMELINE_LAYOUT
  const plotLeft = L.gridLeft
  const plotRight = Math.max(plotLeft + 40, width - L.gridRight)
  const plotWidth = plotRight - plotLeft
  const first = Math.min(...data.items.map((item) => item.date.start))
  const last = Math.max(...data.items.map((item) => item.date.end))
  const pad = Math.max((last - first) * 0.04, 3_600_000)
  const min = first - pad
  const max = last + pad
  const toX = (time: number) => plotLeft + ((time - min) / (max - min)) * plotWidth

  const placed: PlacedItem[] = new Array(data.items.length)
  const lanes: PlacedLane[] = []
  let top = L.gridTop
  data.lanes.forEach((lane, laneIndex) => {
    const rows: Box[][] = []
    const members = data.items.map((item, index) => ({ item, index })).filter(({ item }) => item.lane === laneIndex)
    members.sort((a, b) => a.item.date.start - b.item.date.start || a.index - b.index)
    const rowOf = new Map<number, number>()
    for (const { item, index } of members) {
      const standout = item.step !== undefined && STANDOUT.has(item.step.response.action)
      const radius = standout ? L.standoutMarker : L.marker
      const x = toX(item.date.start)
      const spanEnd = item.span ? Math.max(x + 4, toX(item.date.end)) : x
      const bold = standout
      const textWidth = (s: string) => measure(s, L.font, bold)
      const full = actionLabel(item, locale)
      // A short span (a day on a month-long axis) is not written over: its label starts after it.
      // A long one (a month on a week-long axis) holds its label.
      const rightStart = item.span && spanEnd - x < SHORT_SPAN ? spanEnd + L.labelOffset : x + radius + L.labelOffset
      const roomRight = plotRight - rightStart
      const roomLeft = x - radius - L.labelOffset - plotLeft
      const label = fitText(full, Math.max(roomRight, roomLeft), textWidth)
      const w = textWidth(label)
      const own: Box = { left: x - radius, right: Math.max(spanEnd, x + radius) }
      const candidates: PlacedLabel[] = []
      if (w <= roomRight) candidates.push({ text: label, x: rightStart, align: 'left', width: w, bold })
      if (w <= roomLeft) candidates.push({ text: label, x: x - radius - L.labelOffset, align: 'right', width: w, bold })
      const boxesOf = (c: PlacedLabel): Box[] => [own, c.align === 'left' ? { left: c.x, right: c.x + c.width } : { left: c.x - c.width, right: c.x }]
      let chosen: { row: number; label: PlacedLabel } | undefined
      for (let row = 0; !chosen; row++) {
        const taken = rows[row] ?? []
        const fit = candidates.find((c) => boxesOf(c).every((box) => taken.every((other) => !overlaps(box, other, L.gap))))
        if (fit) chosen = { row, label: fit }
        else if (taken.length === 0) chosen = { row, label: candidates[0]! }
      }
      ;(rows[chosen.row] ??= []).push(...boxesOf(chosen.label))
      rowOf.set(index, chosen.row)
      placed[index] = { item, x, y: 0, spanEnd, radius, label: chosen.label }
    }
    const rowCount = Math.max(1, rows.length)
    const height = L.laneHeader + rowCount * L.row
    for (const { index } of members) placed[index]!.y = top + L.laneHeader + L.row * (rowOf.get(index)! + 0.5)
    const laneText = fitText(lane.label, plotWidth - 4, (s) => measure(s, L.laneFont))
    lanes.push({ label: laneText, top, height })
    top += height
  })

  // Ticks on calendar boundaries, as many as fit; one whose label would run past the chart is dropped.
  const maxTicks = Math.max(2, Math.floor(plotWidth / L.tickSpacing))
  const tickText = (tick: CalendarTick) => locale.format.date({ text: '', precision: tick.precision, start: tick.value, end: tick.value })
  const rank = { minute: 0, day: 1, month: 2, year: 3 } as const
  const finest = data.items.reduce<CalendarTick['precision']>((p, item) => (rank[item.date.precision] < rank[p] ? item.date.precision : p), 'year')
  const ticks = calendarTicks(min, max, locale.format.timeZone, maxTicks, finest)
    .map((tick) => ({ ...tick, x: toX(tick.value) }))
    .filter((tick) => {
      const half = measure(tickText(tick), L.font) / 2
      return tick.x - half >= 0 && tick.x + half <= width
    })
  return { width, height: top + L.gridBottom, plotLeft, plotRight, min, max, lanes, items: placed, ticks }
}

