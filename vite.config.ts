import { defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath } from 'node:url'
import './test/node20-polyfills.ts'
import { trustedTypesPatches } from './scripts/vite-trusted-types.ts'
import { noGlobalsPatches } from './scripts/vite-no-globals.ts'

/**
 * The built dashboard carries a strict CSP, as a hostile news page would; the dev
 * server does not, because Vite injects its CSS through <style> tags while developing.
 */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' https: http:"
const strictCsp: Plugin = {
  name: 'ghatna-strict-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: STRICT_CSP }, injectTo: 'head-prepend' }],
}

export default defineConfig({
  plugins: [
    strictCsp,
    // What ships draws under require-trusted-types-for 'script' (see the plugin for each patch).
    trustedTypesPatches(),
    // Vue's own keys on window, which no build flag removes (see the plugin).
    noGlobalsPatches(),
    vue(),
    // Messages are precompiled at build time: no message compiler (and no eval) ships to readers.
    vueI18n({ include: [fileURLToPath(new URL('./src/i18n/locales/**', import.meta.url))], runtimeOnly: true, compositionOnly: true, fullInstall: false }),
  ],
  // Feature flags set at build time: left undefined, Vue and vue-i18n write each one onto window at load
  // (the i18n plugin below sets vue-i18n's others from its options).
  define: {
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  // The dataset worker (src/store/source.worker.ts) is a module worker: it shares chunks with the page.
  worker: { format: 'es' },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // vue-tsc, so the type tests can import the components' .vue files.
    typecheck: { enabled: true, checker: 'vue-tsc', include: ['test/unit/**/*.test-d.ts'] },
  },
})
