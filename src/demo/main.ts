import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { createGhatnaI18n } from '../i18n'
import App from './App.vue'
import { resolveDashboardState } from './urlState'
import { setDatasetValidator } from '../store/dataset'
import { createWorkerValidator } from '../store/workerValidation'
import '../ui/ghatna.css'
import './demo.css'

// Served from our own origin: a large dataset is decoded and validated off the main thread.
setDatasetValidator(createWorkerValidator())
const initial = await resolveDashboardState(location.search)
if (initial.invalid.length) console.warn(`[ghatna] ignored URL parameters: ${initial.invalid.join(', ')}`)
if (initial.configError) console.error(`[ghatna] config file not used: ${initial.configError}`)
createApp(App, { initial: initial.state, configError: initial.configError }).use(createPinia()).use(createGhatnaI18n()).mount('#app')
