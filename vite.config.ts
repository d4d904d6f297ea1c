import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath } from 'node:url'
import './test/node20-polyfills'

export default defineConfig({
  plugins: [
    vue(),
    // Messages are precompiled at build time: no message compiler (and no eval) ships to readers.
    vueI18n({ include: [fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))], runtimeOnly: true, compositionOnly: true, fullInstall: false }),
  ],
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    typecheck: { enabled: true, include: ['test/unit/**/*.test-d.ts'] },
  },
})
