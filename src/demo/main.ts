import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { createGhatnaI18n } from '../i18n'
import App from './App.vue'
import { resolveDashboardState } from './urlState'
import { setDatasetValidator } from '../store/dataset'
import { workerValidator } from '../store/workerMode'
import demoEn from '../i18n/locales/demo/en.json'
import demoHi from '../i18n/locales/demo/hi.json'
import '../ui/ghatna.css'
import './demo.css'

// Served from our own origin: a large dataset is decoded and validated off the main thread.
setDatasetValidator(workerValidator())
const initial = await resolveDashboardState(location.search)
for (const problem of initial.problems) console.warn(`[ghatna] ${problem.message}`)
if (initial.unknown.length) console.warn(`[ghatna] not settings, ignored: ${initial.unknown.join(', ')}`)
if (initial.configError) console.error(`[ghatna] config file not used: ${initial.configError}`)
// The dashboard's own messages (the checker, "Get the data") stay out of the widgets' bundle.
const i18n = createGhatnaI18n()
i18n.global.mergeLocaleMessage('en', demoEn as never)
i18n.global.mergeLocaleMessage('hi', demoHi as never)
createApp(App, { initial: initial.state, configError: initial.configError }).use(createPinia()).use(i18n).mount('#app')
