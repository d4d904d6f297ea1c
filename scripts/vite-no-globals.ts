/**
 * The embed's own copy of Vue keeps to itself: Vue's runtime puts three keys on `window`
 * whatever the build flags say (the flags remove the rest, see vite.config.ts), and on a page
 * that runs its own Vue it would join that page's setter lists, so each copy's "current
 * component" would be set by the other's. Nothing mixes components across the two copies, so
 * sharing buys nothing; these patches keep the lists and the marker local.
 */
import type { Plugin } from 'vite'
import { patchPlugin } from './vite-trusted-types.ts'

const RUNTIME_CORE = '@vue/runtime-core/dist/runtime-core.esm-bundler.js'

export function noGlobalsPatches(): Plugin {
  return patchPlugin('ghatna-no-globals', [
    // __VUE_INSTANCE_SETTERS__ and __VUE_SSR_SETTERS__: a plain object instead of globalThis.
    { file: RUNTIME_CORE, from: 'const g = getGlobalThis();\n  const registerGlobalSetter', to: 'const g = {};\n  const registerGlobalSetter', count: 1 },
    // __VUE__: read only by Vue Devtools, to find Vue on a page (prod devtools are off).
    { file: RUNTIME_CORE, from: 'target.__VUE__ = true;', to: '', count: 1 },
    // vue-i18n mirrors "the current component" from that list; it would then follow the page's Vue, not
    // the embed's. Without it, vue-i18n asks its own Vue (as it does for Vue < 3.6 without the list).
    ...['vue-i18n/dist/vue-i18n.mjs', 'vue-i18n/dist/vue-i18n.runtime.mjs'].map((file) => ({
      file, from: 'const setters = getGlobalThis().__VUE_INSTANCE_SETTERS__;', to: 'const setters = undefined;', count: 1,
    })),
  ])
}
