/**
 * Build-time patches that let what ships run under
 * `Content-Security-Policy: require-trusted-types-for 'script'; trusted-types 'none'`.
 *
 * ECharts and zrender clear elements with `innerHTML = ''` (a string into an HTML
 * sink: blocked, so the chart never draws), and Vue creates a Trusted Types policy
 * named `vue` at load (refused, and reported as a violation, under `trusted-types 'none'`).
 * Each patch names the exact text it replaces and how often; a dependency update
 * that moves it fails the build instead of shipping the sink again.
 */
import type { Plugin } from 'vite'

export interface Patch { file: string; from: string; to: string; count: number }

const PATCHES: Patch[] = [
  // Clearing the chart's root (init, dispose): same effect, no HTML parsing.
  { file: 'zrender/lib/canvas/Painter.js', from: "root.innerHTML = '';", to: 'root.replaceChildren();', count: 2 },
  { file: 'zrender/lib/svg/Painter.js', from: "this.root.innerHTML = '';", to: 'this.root.replaceChildren();', count: 1 },
  { file: 'zrender/lib/svg/Painter.js', from: 'this._svgDom.innerHTML = null;', to: 'this._svgDom.replaceChildren();', count: 1 },
  // The tooltip box: the kit's tooltips are DOM nodes (charts/tooltip.ts) or canvas rich text.
  { file: 'echarts/lib/component/tooltip/TooltipHTMLContent.js', from: "el.innerHTML = '';", to: 'el.replaceChildren();', count: 2 },
  // A string tooltip would be markup; shown as text instead (the kit gives none).
  { file: 'echarts/lib/component/tooltip/TooltipHTMLContent.js', from: 'el.innerHTML = content + arrow;', to: 'el.textContent = content;', count: 1 },
  // The arrow is markup with an inline style; the kit's tooltips are confined, which has no arrow.
  { file: 'echarts/lib/component/tooltip/TooltipHTMLContent.js', from: 'if (arrow && el.childNodes.length) {', to: 'if (false) {', count: 1 },
  // The SVG picture of connected charts (echarts.connect, which the kit never uses) is built as markup.
  { file: 'echarts/lib/core/echarts.js', from: 'zr_1.painter.getSvgRoot().innerHTML = content_1;', to: "throw new Error('[ghatna] connected SVG export is not built in');", count: 1 },
  // No policy: Vue's only HTML sinks are v-html and stringified static content, which the kit does not use;
  // on a Trusted Types page they would be refused (fail closed) rather than let through by a pass-through policy.
  { file: '@vue/runtime-dom/dist/runtime-dom.esm-bundler.js', from: 'const tt = typeof window !== "undefined" && window.trustedTypes;', to: 'const tt = false;', count: 1 },
]

export function trustedTypesPatches(): Plugin {
  return patchPlugin('ghatna-trusted-types', PATCHES)
}

/** Exact-text replacements in dependencies' files, at build time. */
export function patchPlugin(name: string, patches: Patch[]): Plugin {
  const PATCHES = patches
  return {
    name,
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!.replace(/\\/g, '/')
      const patches = PATCHES.filter((patch) => path.endsWith(`/node_modules/${patch.file}`))
      if (patches.length === 0) return null
      let out = code
      for (const patch of patches) {
        const found = out.split(patch.from).length - 1
        if (found !== patch.count) this.error(`[ghatna] ${patch.file}: expected ${patch.count} × ${JSON.stringify(patch.from)}, found ${found}; update the ${name} patches`)
        out = out.split(patch.from).join(patch.to)
      }
      return { code: out, map: null }
    },
  }
}
