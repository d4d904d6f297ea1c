/**
 * Host apps built from npm as a consumer builds them: the kit packed with `npm pack` (as
 * scripts/release-check.mjs packs it), installed with the ordinary npm client (its cache reused) into
 * a scratch folder under the OS temp dir beside Vue 3.4, React 18 and Vite, and each app built with
 * Vite. Only `ghatna/elements` is used, so neither app needs the kit's Vue peer.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const repo = resolve(import.meta.dirname, '../..')
const version = (name: string) => (JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version

function run(cmd: string, args: string[], cwd: string): string {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd} exited ${result.status}:\n${result.stdout}${result.stderr}`)
  return result.stdout
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

export interface HostApps {
  /** Built apps, each a folder holding index.html and its assets (served under /hosts/<name>/). */
  vue: string
  react: string
  /** The versions npm installed, for the report. */
  versions: Record<string, string>
  dispose: () => void
}

const source = (name: string) => readFileSync(join(repo, 'test/browser/pages/hosts', name), 'utf8')

export function buildHostApps(): HostApps {
  if (!existsSync(join(repo, 'dist/embed/ghatna.js'))) throw new Error('dist/embed is missing: run `npm run build:embed` first (the tarball packs it)')
  const work = mkdtempSync(join(tmpdir(), 'ghatna-hosts-'))
  try {
    const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], repo)) as { filename: string }[]
    write(work, {
      'package.json': JSON.stringify({
        name: 'ghatna-host-apps', private: true, type: 'module',
        dependencies: { vue: '~3.4.38', react: '^18.3.1', 'react-dom': '^18.3.1' },
        devDependencies: { vite: version('vite') },
      }, null, 2),
      'vue/index.html': source('vue-app.html'),
      'vue/main.js': source('vue-app.js'),
      'react/index.html': source('react-app.html'),
      'react/main.js': source('react-app.js'),
      'app.css': source('app.css'),
    })
    const npm = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']
    // The app's own packages first, then the kit, as a reader adds it to an app they have.
    run('npm', ['install', ...npm], work)
    // The kit's peers (vue ^3.5.11, pinia) serve its Vue components, not ghatna/elements, which bundles
    // its own runtime; a Vue 3.4 app would get ERESOLVE, so it installs as such an app must.
    run('npm', ['install', ...npm, '--legacy-peer-deps', join(work, packed!.filename)], work)
    const vite = join(work, 'node_modules/.bin/vite')
    for (const app of ['vue', 'react']) run(vite, ['build', app, '--base', `/hosts/${app}/`, '--outDir', join(work, `dist-${app}`), '--emptyOutDir', '--logLevel', 'warn'], work)
    const installed = (name: string) => (JSON.parse(readFileSync(join(work, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
    return {
      vue: join(work, 'dist-vue'),
      react: join(work, 'dist-react'),
      versions: Object.fromEntries(['vue', 'react', 'react-dom', 'vite', 'ghatna'].map((name) => [name, installed(name)])),
      dispose: () => { if (!process.env.GHATNA_KEEP_SCRATCH) rmSync(work, { recursive: true, force: true }) },
    }
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}
