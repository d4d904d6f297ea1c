// A Vue 3.4 app (render functions, so no compiler plugin) with a hash router, a counter, and a widget
// shown under v-if; the widgets come from the installed package's `ghatna/elements`.
import { createApp, h, ref } from 'vue'
import 'ghatna/elements'
import '../app.css'

const src = '/data/real.json'
const route = ref(location.hash || '#/')
addEventListener('hashchange', () => (route.value = location.hash || '#/'))

const App = {
  setup() {
    const count = ref(0)
    const late = ref(false)
    return () => h('div', [
      h('nav', [h('a', { id: 'nav-story', href: '#/' }, 'Story'), h('a', { id: 'nav-about', href: '#/about' }, 'About')]),
      h('button', { id: 'count', type: 'button', onClick: () => count.value++ }, `Clicked ${count.value}`),
      route.value === '#/about'
        ? h('p', { id: 'about' }, 'About this story')
        : h('main', { class: 'layout' }, [
          h('article', [
            h('h1', 'Cyber attacks on public services'),
            h('ghatna-map', { id: 'w-map', src, group: 'g' }),
            h('ghatna-timeline', { id: 'w-timeline', src, group: 'g' }),
            h('ghatna-downtime', { id: 'w-downtime', src }),
            h('ghatna-impact', { id: 'w-impact', src }),
            h('button', { id: 'toggle-late', type: 'button', onClick: () => (late.value = !late.value) }, late.value ? 'Hide figures' : 'Show figures'),
            late.value ? h('ghatna-impact', { id: 'w-late', src, group: 'g' }) : null,
          ]),
          h('aside', [h('ghatna-map', { id: 'w-aside', src, group: 'side' })]),
        ]),
    ])
  },
}
createApp(App).mount('#app')
