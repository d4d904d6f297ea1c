#!/usr/bin/env node
/**
 * The package as a consumer meets it (run after build:embed, build:lib and build:cli;
 * `npm run release:check` builds first). Packs the tarball, checks its types with
 * @arethetypeswrong/cli, then installs it with the ordinary npm client (from the
 * registry, npm's cache reused, --engine-strict so the Node claim is tested) into
 * three scratch apps under the system temp dir:
 *   vue-readme   Vite + Vue + TS, the README's "In a Vue app" files verbatim (no Pinia or vue-i18n of its own)
 *   vue-own      the same widgets in an app with its own Pinia 3 and vue-i18n, installed before the kit
 *   elements     plain Vite + TS with `ghatna/elements`
 * Each is type-checked (moduleResolution bundler and node16, skipLibCheck off) and built;
 * each is drawn in Chromium (chart pixels, the widget's font and border, a host button's
 * focus ring); the CLI runs from the installed package.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'

const repo = resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))
const dev = (name) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version
const work = mkdtempSync(join(tmpdir(), 'ghatna-release-'))
const started = Date.now()
const failures = []
const log = (line) => console.log(`[release] ${line} (${((Date.now() - started) / 1000).toFixed(0)} s)`)

/** Runs a command that must succeed; its output, or an error carrying all of it. */
function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd} exited ${result.status}:\n${result.stdout ?? ''}${result.stderr ?? ''}`)
  return { code: 0, stdout: result.stdout, stderr: result.stderr }
}
function check(name, ok, detail = '') {
  if (ok) log(`ok: ${name}`)
  else {
    failures.push(`${name}${detail ? `: ${detail}` : ''}`)
    log(`FAILED: ${name} ${detail}`)
  }
}
const freePort = () => new Promise((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address()
    server.close(() => done(port))
  })
})
const write = (dir, files) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

// 1. Pack what `npm publish` would publish.
const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repo).stdout)
const tarball = join(work, packed.filename)
log(`packed ${packed.filename}: ${(packed.size / 1024).toFixed(0)} KB, ${packed.entryCount} files`)

// 2. Types as the TypeScript team's checker sees them (style.css has no types by design).
const attw = spawnSync(join(repo, 'node_modules/.bin/attw'), [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './style.css', '--format', 'ascii'], { cwd: repo, encoding: 'utf8' })
check('attw finds no type problem under bundler and node16 (ESM)', attw.status === 0, attw.stdout + attw.stderr)

// 3. The scratch apps. Versions match the repository's own, so npm's cache serves most of them.
const versions = { vite: dev('vite'), '@vitejs/plugin-vue': dev('@vitejs/plugin-vue'), typescript: dev('typescript'), 'vue-tsc': dev('vue-tsc'), vue: dev('vue') }
const tsconfig = (resolution, skipLibCheck = false) => JSON.stringify({
  compilerOptions: {
    target: 'ES2022', module: resolution === 'bundler' ? 'ESNext' : 'Node16', moduleResolution: resolution === 'bundler' ? 'Bundler' : 'Node16',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'], strict: true, skipLibCheck, noEmit: true, jsx: 'preserve', types: ['vite/client'],
  },
  include: ['src'],
}, null, 2)
const viteVueConfig = `import { defineConfig } from 'vite'\nimport vue from '@vitejs/plugin-vue'\nexport default defineConfig({ plugins: [vue()] })\n`
const hostPage = (body) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Scratch app</title></head>
  <body>
    <button id="host-button" type="button">A host button</button>
    ${body}
  </body>
</html>
`
// The README's "In a Vue app" files, taken from the README itself so the check follows what readers read.
const readme = readFileSync(join(repo, 'README.md'), 'utf8')
const section = readme.slice(readme.indexOf('### In a Vue app'))
const block = (after, lang) => {
  const start = section.indexOf('```' + lang, section.indexOf(after)) + lang.length + 4
  return section.slice(start, section.indexOf('```', start))
}
const readmeMain = block('`src/main.ts`', 'ts')
const readmeApp = block('`src/App.vue`', 'vue')

const apps = {
  'vue-readme': {
    deps: { vue: `^${versions.vue}`, pinia: pkg.devDependencies.pinia },
    files: { 'src/main.ts': readmeMain, 'src/App.vue': readmeApp, 'vite.config.ts': viteVueConfig, 'index.html': hostPage('<div id="app"></div><script type="module" src="/src/main.ts"></script>') },
    theme: 'dark',
  },
  'vue-own': {
    // An app that already has Pinia 3 and its own vue-i18n (11.3, which supports Node 20).
    deps: { vue: `^${versions.vue}`, pinia: '^3.0.0', 'vue-i18n': '~11.3.0' },
    files: {
      'src/main.ts': `import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import { createGhatna } from 'ghatna'
import 'ghatna/style.css'
import App from './App.vue'

const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { greeting: 'Hello from the app' } } })
createApp(App).use(createPinia()).use(i18n).use(createGhatna({ lang: 'hi' })).mount('#app')
`,
      'src/App.vue': `<script setup lang="ts">
import { defineStore } from 'pinia'
import { useI18n } from 'vue-i18n'
import { IncidentMap, useDatasetStore } from 'ghatna'
import datasetUrl from 'ghatna/data/incidents.default.json?url'

const { t } = useI18n()
const counter = defineStore('counter', { state: () => ({ n: 1 }) })()
const store = useDatasetStore(datasetUrl)
store.load()
</script>

<template>
  <p id="app-text">{{ t('greeting') }} {{ counter.n }}</p>
  <IncidentMap :store="store" />
</template>
`,
      'vite.config.ts': viteVueConfig,
      'index.html': hostPage('<div id="app"></div><script type="module" src="/src/main.ts"></script>'),
    },
    theme: 'light',
    // vue-i18n 11.3's own declarations name a type vue 3.5 lacks (GenericComponentInstance): not the kit's to fix.
    skipLibCheck: true,
  },
  elements: {
    deps: {},
    files: {
      'src/main.ts': `import { mount, type MountedWidget } from 'ghatna/elements'
import datasetUrl from 'ghatna/data/incidents.default.json?url'

document.querySelector('ghatna-map')!.setAttribute('src', datasetUrl)
const widget: MountedWidget = mount(document.querySelector('#downtime')!, { widget: 'downtime', src: datasetUrl, lang: 'hi' })
void widget.ready.then((ok) => document.body.setAttribute('data-ready', String(ok)))
`,
      'vite.config.ts': `import { defineConfig } from 'vite'\nexport default defineConfig({})\n`,
      'index.html': hostPage('<ghatna-map lang="hi"></ghatna-map><div id="downtime"></div><script type="module" src="/src/main.ts"></script>'),
    },
    theme: 'light',
  },
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  for (const [name, app] of Object.entries(apps)) {
    const dir = join(work, name)
    const vue = name !== 'elements'
    write(dir, {
      'package.json': JSON.stringify({ name: `scratch-${name}`, private: true, type: 'module', dependencies: app.deps,
        devDependencies: { vite: versions.vite, typescript: versions.typescript, ...(vue && { '@vitejs/plugin-vue': versions['@vitejs/plugin-vue'], 'vue-tsc': versions['vue-tsc'] }) } }, null, 2),
      'tsconfig.json': tsconfig('bundler', app.skipLibCheck),
      'tsconfig.node16.json': tsconfig('node16', app.skipLibCheck),
      ...app.files,
    })
    // The app's own packages first, then the kit, as a reader adds it to an existing app.
    run('npm', ['install', '--engine-strict', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir)
    run('npm', ['install', '--engine-strict', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], dir)
    log(`${name}: installed`)
    // No second copy under the kit, and no vue-i18n at all unless the app brought its own.
    const nested = ['vue', 'pinia', 'vue-i18n'].filter((dep) => existsSync(join(dir, 'node_modules/ghatna/node_modules', dep)))
    check(`${name}: no second vue or pinia, and no vue-i18n installed for the kit`, nested.length === 0 && existsSync(join(dir, 'node_modules/vue-i18n')) === Boolean(app.deps['vue-i18n']), nested.join(', '))
    // The peers are optional: an app that uses only the custom elements (which bundle their runtime) gets no Vue or Pinia.
    if (name === 'elements') check('elements: no vue or pinia installed', !existsSync(join(dir, 'node_modules/vue')) && !existsSync(join(dir, 'node_modules/pinia')))
    if (name === 'vue-own') check('vue-own: the app keeps Pinia 3', JSON.parse(readFileSync(join(dir, 'node_modules/pinia/package.json'), 'utf8')).version.startsWith('3.'))

    const checker = vue ? 'node_modules/.bin/vue-tsc' : 'node_modules/.bin/tsc'
    for (const config of ['tsconfig.json', 'tsconfig.node16.json']) {
      try {
        run(join(dir, checker), ['-p', config], dir)
        check(`${name}: type-checks with ${config}`, true)
      } catch (error) {
        check(`${name}: type-checks with ${config}`, false, error.message)
      }
    }
    run(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], dir)
    const built = readFileSync(join(dir, 'dist/index.html'), 'utf8')
    check(`${name}: builds`, built.includes('<script type="module"'))

    // Drawn in Chromium from the build.
    const port = await freePort()
    const server = spawn(join(dir, 'node_modules/.bin/vite'), ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: dir, stdio: 'ignore' })
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
      const errors = []
      page.on('pageerror', (error) => errors.push(String(error)))
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
      for (let i = 0; i < 50; i++) {
        try {
          await page.goto(`http://127.0.0.1:${port}/`)
          break
        } catch {
          await new Promise((done) => setTimeout(done, 200))
        }
      }
      // Inside the element's shadow root for the custom elements, in the page for the Vue apps.
      const widget = vue ? page.locator('.ghatna-widget').first() : page.locator('ghatna-map .ghatna-widget')
      await widget.locator('canvas').first().waitFor({ timeout: 20_000 })
      await page.waitForTimeout(1500)
      const looks = await widget.evaluate((element) => {
        const style = getComputedStyle(element)
        const canvas = element.querySelector('canvas')
        const context = canvas.getContext('2d')
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
        const colours = new Set()
        let painted = 0
        const [r0, g0, b0] = [data[0], data[1], data[2]]
        for (let i = 0; i < data.length; i += 4 * 7) {
          colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`)
          if (data[i + 3] > 0 && (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0)) > 30) painted++
        }
        return { font: style.fontFamily, border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`, background: style.backgroundColor, colours: colours.size, painted: painted / (data.length / 28), theme: element.getAttribute('data-theme') }
      })
      check(`${name}: the widget has the kit's font`, looks.font.startsWith('system-ui'), looks.font)
      const line = app.theme === 'dark' ? 'rgb(74, 74, 74)' : 'rgb(208, 208, 208)'
      check(`${name}: the widget has its border`, looks.border === `1px solid ${line}`, looks.border)
      check(`${name}: the widget is ${app.theme}`, looks.background === (app.theme === 'dark' ? 'rgb(22, 22, 22)' : 'rgb(255, 255, 255)') && looks.theme === app.theme, `${looks.background} ${looks.theme}`)
      check(`${name}: the map is drawn (${looks.colours} colours, ${(looks.painted * 100).toFixed(0)}% painted)`, looks.colours >= 5 && looks.painted > 0.05)
      if (name === 'vue-own') check('vue-own: the app’s own vue-i18n and Pinia still work', (await page.locator('#app-text').textContent()) === 'Hello from the app 1')
      if (name === 'elements') {
        await page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout: 20_000 })
        check('elements: mount() resolves ready', (await page.evaluate(() => document.body.dataset.ready)) === 'true')
      }
      // The host's own button keeps the browser's focus ring.
      await page.locator('body').press('Tab')
      const ring = await page.evaluate(() => {
        const button = document.activeElement
        const style = getComputedStyle(button)
        return { id: button.id, outline: `${style.outlineStyle} ${style.outlineWidth}` }
      })
      check(`${name}: a host button's focus ring is the browser's own`, ring.id === 'host-button' && ring.outline.startsWith('auto'), JSON.stringify(ring))
      check(`${name}: no script errors`, errors.length === 0, errors.join('\n'))
      await page.close()
    } finally {
      server.kill()
    }
  }

  // 4. The CLI from the installed package.
  const dir = join(work, 'vue-readme')
  const dataset = 'node_modules/ghatna/src/data/incidents.default.json'
  const cli = (...args) => {
    try {
      const out = execFileSync('npx', ['--no-install', 'ghatna', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      return { code: 0, stdout: out, stderr: '' }
    } catch (error) {
      return { code: error.status, stdout: error.stdout, stderr: error.stderr }
    }
  }
  check('cli: --version', cli('--version').stdout === `${pkg.version}\n`)
  const help = cli('--help')
  check('cli: --help on stdout, exit 0', help.code === 0 && help.stdout.startsWith('Usage: ghatna'))
  check('cli: validate the packaged dataset', cli('validate', dataset).stdout === `${dataset}: 4 of 4 incidents valid, 0 left out, 0 warnings.\n`)
  const svg = cli('render', '--widget', 'map', '--dataset', dataset, '--lang', 'hi')
  check('cli: render draws an SVG', svg.code === 0 && svg.stdout.startsWith('<svg'), svg.stderr)
  const bad = cli('render', '--lang', 'xx')
  check('cli: a bad value is refused with exit 2', bad.code === 2 && bad.stderr === '[ghatna] render: --lang must be en or hi; found "xx". See ghatna render --help.\n', bad.stderr)
  const required = run('node', ['-e', "console.log(typeof require('ghatna').validateDataset)"], dir)
  check('require(\'ghatna\') works on this Node', required.stdout.trim() === 'function')
} finally {
  await browser.close()
  if (!process.env.GHATNA_KEEP_SCRATCH) rmSync(work, { recursive: true, force: true })
}

log(failures.length ? `${failures.length} problems` : 'the package is ready')
if (failures.length) {
  console.error(failures.map((line) => `[release] ${line}`).join('\n'))
  process.exit(1)
}
