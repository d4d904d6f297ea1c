import type { Preview } from '@storybook/vue3-vite'
import { setup } from '@storybook/vue3-vite'
import { createPinia } from 'pinia'
import { storyI18n } from '../stories/support'
import '../src/ui/ghatna.css'

const pinia = createPinia()
setup((app) => {
  app.use(pinia).use(storyI18n)
})

const preview: Preview = {
  parameters: { layout: 'padded' },
}
export default preview
