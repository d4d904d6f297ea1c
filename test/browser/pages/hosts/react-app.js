// A React 18 app (createElement, so no JSX plugin) with a hash route, a counter, and a widget shown
// conditionally; the widgets come from the installed package's `ghatna/elements`.
import { createElement as h, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import 'ghatna/elements'
import '../app.css'

const src = '/data/real.json'

function App() {
  const [count, setCount] = useState(0)
  const [late, setLate] = useState(false)
  const [route, setRoute] = useState(location.hash || '#/')
  useEffect(() => {
    const follow = () => setRoute(location.hash || '#/')
    addEventListener('hashchange', follow)
    return () => removeEventListener('hashchange', follow)
  }, [])
  return h('div', null,
    h('nav', null, h('a', { id: 'nav-story', href: '#/' }, 'Story'), h('a', { id: 'nav-about', href: '#/about' }, 'About')),
    h('button', { id: 'count', type: 'button', onClick: () => setCount((n) => n + 1) }, `Clicked ${count}`),
    route === '#/about'
      ? h('p', { id: 'about' }, 'About this story')
      : h('main', { className: 'layout' },
        h('article', null,
          h('h1', null, 'Cyber attacks on public services'),
          h('ghatna-map', { id: 'w-map', src, group: 'g' }),
          h('ghatna-timeline', { id: 'w-timeline', src, group: 'g' }),
          h('ghatna-downtime', { id: 'w-downtime', src }),
          h('ghatna-impact', { id: 'w-impact', src }),
          h('ghatna-dashboard', { id: 'w-dashboard', src }),
          h('button', { id: 'toggle-late', type: 'button', onClick: () => setLate((shown) => !shown) }, late ? 'Hide figures' : 'Show figures'),
          late ? h('ghatna-impact', { id: 'w-late', src, group: 'g' }) : null),
        h('aside', null, h('ghatna-map', { id: 'w-aside', src, group: 'side' }))),
  )
}
createRoot(document.getElementById('root')).render(h(App))
