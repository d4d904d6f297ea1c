/** The copy-paste code a newsroom needs for each widget: script + element, or an iframe. */
import { WIDGET_NAMES, type WidgetName } from '../embed/widgetNames'

export const EMBED_WIDGETS = WIDGET_NAMES
export type EmbedWidget = WidgetName

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

export function elementSnippet(widget: EmbedWidget, base: string, dataset: string, lang: string): string {
  return [
    `<script type="module" src="${attr(new URL('embed/ghatna.js', base).href)}"></script>`,
    `<ghatna-${widget} src="${attr(dataset)}" lang="${attr(lang)}" theme="page"></ghatna-${widget}>`,
    `<noscript><img src="${attr(new URL(`ghatna-${widget}-${lang}.svg`, base).href)}" alt="…"></noscript>`,
  ].join('\n')
}

export function iframeSnippet(widget: EmbedWidget, base: string, dataset: string, lang: string): string {
  const src = new URL('embed/embed.html', base)
  src.search = new URLSearchParams({ widget, src: dataset, lang }).toString()
  return [
    `<iframe data-ghatna src="${attr(src.href)}" title="Ghatna" width="100%" height="500" frameborder="0" scrolling="no" loading="lazy"></iframe>`,
    `<script src="${attr(new URL('embed/iframe-host.js', base).href)}" defer></script>`,
  ].join('\n')
}
