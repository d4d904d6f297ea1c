// A page that builds a widget in code with the embed's mount().
import { mount } from '/embed/ghatna.js'

const mounted = mount(document.querySelector('#slot'), { widget: 'downtime', src: '/data/incidents.json', lang: 'hi', theme: 'dark' })
window.__mounted = mounted
mounted.ready.then((ok) => (window.__ready = ok))
