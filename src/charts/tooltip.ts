/**
 * Tooltips are built as DOM with textContent, never as HTML strings: dataset text
 * cannot inject markup, and nothing carries an inline style attribute that a
 * strict CSP would block. (Set `confine: true` too: ECharts' arrow is styled inline.)
 */
export interface TooltipLine {
  text: string
  /** The language of this line when it differs from the UI (a Hindi-only headline in English). */
  lang?: string
  kind?: 'title' | 'figure' | 'source' | 'note'
}

export function renderTooltip(lines: readonly TooltipLine[], uiLang: string): HTMLElement {
  const box = document.createElement('div')
  box.className = 'ghatna-tooltip__body'
  box.lang = uiLang
  for (const line of lines) {
    const row = document.createElement('div')
    row.className = `ghatna-tooltip__${line.kind ?? 'line'}`
    row.textContent = line.text
    if (line.lang) row.lang = line.lang
    box.append(row)
  }
  return box
}

/** Tooltip options shared by every widget. */
export function tooltipBase(uiLang: string, linesFor: (dataIndex: number, name: string) => TooltipLine[]) {
  return {
    trigger: 'item' as const,
    confine: true,
    className: 'ghatna-tooltip',
    borderWidth: 1,
    formatter: (params: unknown) => {
      const { dataIndex, name } = params as { dataIndex: number; name: string }
      return renderTooltip(linesFor(dataIndex, name), uiLang)
    },
  }
}
