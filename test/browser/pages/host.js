// The host page's own script: remembers window's keys before the embed loads, and listens to the widgets.
window.__hostKeys = Object.keys(window)
window.__ghatnaEvents = []
for (const name of ['ghatna-select', 'ghatna-error', 'ghatna-ready']) {
  document.addEventListener(name, (event) => window.__ghatnaEvents.push({ name, target: event.target.id, detail: JSON.parse(JSON.stringify(event.detail)) }))
}
