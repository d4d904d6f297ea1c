import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { createGhatnaI18n } from '../i18n'
import App from './App.vue'
import '../ui/ghatna.css'
import './demo.css'

createApp(App).use(createPinia()).use(createGhatnaI18n()).mount('#app')
