/**
 * What `npm pack` puts in the tarball: everything the README and package.json
 * promise a consumer, and nothing of the repository's own (tests, sources, the
 * build's manifest). Builds the package first when dist/ is missing.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, execSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

interface PackedFile { path: string; size: number }
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string
  exports: Record<string, string | Record<string, string>>
  bin: Record<string, string>
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}
let files: PackedFile[] = []
const paths = () => files.map((file) => file.path)

beforeAll(() => {
  const built = ['dist/lib/index.js', 'dist/types/index.d.ts', 'dist/embed/ghatna.js', 'dist/cli/ghatna.js'].every((path) => existsSync(path))
  // NODE_ENV: Vitest sets it to "test", which would make Vite build the development variants.
  if (!built) execSync('npm run build:embed && npm run build:lib && npm run build:cli', { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
  // --ignore-scripts: list what is there, without a prepack build.
  const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as [{ files: PackedFile[] }]
  files = report.files
}, 180_000)

describe('the npm tarball', () => {
  it('holds the licence, the docs, the builds, the schema, the stylesheet, the default dataset and the map attribution', () => {
    for (const path of [
      'LICENSE', 'README.md', 'package.json',
      'dist/lib/index.js', 'dist/types/index.d.ts', 'dist/types/embed/index.d.ts',
      'dist/embed/ghatna.js', 'dist/embed/iframe.js', 'dist/embed/iframe-host.js', 'dist/embed/embed.html',
      'dist/cli/ghatna.js',
      'src/schema/ghatna-dataset-v1.schema.json', 'src/ui/ghatna.css',
      'src/data/incidents.default.json', 'src/geo/ATTRIBUTION.md',
    ]) expect(paths(), path).toContain(path)
    const licence = readFileSync('LICENSE', 'utf8')
    expect(licence).toMatch(/^MIT License/)
    expect(licence).toContain('src/data/incidents.default.json')
    expect(licence).toContain('src/data/incidents.real.json')
    expect(licence).toContain('CC BY 4.0')
  })
  it('has a file behind every export and the CLI', () => {
    const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    for (const target of [...targets, ...Object.values(pkg.bin)]) {
      const path = target.replace(/^\.\//, '')
      if (path.includes('*')) {
        const [prefix] = path.split('*')
        expect(paths().some((file) => file.startsWith(prefix!)), target).toBe(true)
      } else expect(paths(), target).toContain(path)
    }
  })
  it('carries the README picture at the address the README gives it, so it shows on a registry page', () => {
    const readme = readFileSync('README.md', 'utf8')
    const [, url] = /!\[[^\]]*\]\(([^)]+)\)/.exec(readme) ?? []
    expect(url).toBe(`https://unpkg.com/ghatna@${pkg.version}/src/demo/dashboard.png`)
    expect(paths()).toContain('src/demo/dashboard.png')
  })
  it('leaves out the build manifest, sources, tests, stories, scripts and the large real dataset', () => {
    const unwanted = paths().filter((path) =>
      path.includes('/.vite/') || /\.(ts|vue|map)$/.test(path) && !path.endsWith('.d.ts') ||
      /^(test|stories|scripts|bench|node_modules|\.storybook|\.ci|storybook-static)\//.test(path) ||
      path === 'src/data/incidents.real.json' || path.startsWith('src/demo/') && path !== 'src/demo/dashboard.png')
    expect(unwanted).toEqual([])
    // The whole tarball stays small enough to install on a slow connection.
    expect(files.reduce((sum, file) => sum + file.size, 0)).toBeLessThan(3_000_000)
  })
})
