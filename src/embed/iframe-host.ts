/**
 * The host-page side of the iframe embed: sizes each Ghatna iframe to the height
 * its page reports. Paste once per page:
 *   <script src="https://…/embed/iframe-host.js" defer></script>
 * Only messages from the iframe's own window and origin are trusted.
 */
const HEIGHT_MESSAGE = 'ghatna:height'

window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: unknown; height?: unknown } | null
  if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== 'number' || !Number.isFinite(data.height)) return
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-ghatna]')) {
    if (frame.contentWindow !== event.source) continue
    if (new URL(frame.src, location.href).origin !== event.origin) return
    frame.style.height = `${Math.min(Math.max(data.height, 50), 20000)}px`
    return
  }
})
