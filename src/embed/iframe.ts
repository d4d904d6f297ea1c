/**
 * The page inside an iframe embed (embed.html?widget=map&src=…&lang=hi): one
 * widget, sized to its content, reporting its height to the parent page so the
 * host script (iframe-host.ts) can size the iframe. For CMSs that allow only iframes.
 */
import { defineGhatnaElements } from './elements'
import { WIDGET_NAMES, type WidgetName } from './widgetNames'
import { EMBED_ATTRIBUTES } from './config'
import { setDatasetValidator } from '../store/dataset'
import { workerValidator } from '../store/workerMode'

export const HEIGHT_MESSAGE = 'ghatna:height'

const params = new URLSearchParams(location.search)
const widget = params.get('widget') as WidgetName | null
/** The element's attributes, as the page's parameters give them: the element checks them (and reports any invalid one). */
const attributes: Record<string, string> = {}
for (const key of EMBED_ATTRIBUTES) {
  const value = params.get(key)
  if (value) attributes[key] = value
}
// The iframe page is served with the kit, so it may start a same-origin worker (the script embed may not).
setDatasetValidator(workerValidator())
document.documentElement.lang = attributes.lang === 'hi' ? 'hi' : 'en'
document.body.style.margin = '0'

if (!widget || !WIDGET_NAMES.includes(widget)) {
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.textContent = `Ghatna: unknown widget "${widget ?? ''}". Use one of: ${WIDGET_NAMES.join(', ')}.`
  document.body.append(message)
} else {
  // The element itself, as mount() builds it: importing the embed script here would merge it into a chunk
  // both pages share, and the script must stay free of static imports (see index.ts).
  const element = document.createElement(`ghatna-${widget}`)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value)
  document.body.append(element)
  defineGhatnaElements()
}

// Report the content height whenever it changes; `id` lets a page with several iframes tell them apart.
const id = params.get('id') ?? location.href
let last = 0
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height)
  if (height === last) return
  last = height
  parent.postMessage({ type: HEIGHT_MESSAGE, id, height }, '*')
}).observe(document.documentElement)
