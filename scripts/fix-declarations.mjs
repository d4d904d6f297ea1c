#!/usr/bin/env node
/**
 * vue-tsc writes declarations whose relative imports are as the sources wrote them:
 * extensionless (`./store/dataset`) and to `.vue` files. Under moduleResolution
 * node16/nodenext those do not resolve and every type becomes `any`. This gives each
 * relative specifier in dist/types the file it means, with the `.js` extension
 * TypeScript maps to the declaration (`./store/dataset.js`, `./Map.vue.js` →
 * Map.vue.d.ts, `./i18n/index.js`), found with TypeScript's own import scanner, and
 * removes the declarations no entry reaches (internals such as the i18n set-up, whose
 * types would name the bundled, uninstalled vue-i18n and the unshipped message files).
 */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import ts from 'typescript'

const root = process.argv[2] ?? 'dist/types'

function* declarations(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* declarations(path)
    else if (name.endsWith('.d.ts')) yield path
  }
}

/** The specifier, with the extension that resolves to an emitted declaration; undefined when none does. */
function resolved(file, specifier) {
  const base = resolve(dirname(file), specifier)
  const stem = specifier.replace(/\.(js|ts)$/, '')
  if (existsSync(`${base.replace(/\.(js|ts)$/, '')}.d.ts`)) return `${stem}.js`
  if (specifier.endsWith('.vue') && existsSync(`${base}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`
  return undefined
}

const entries = ['index.d.ts', 'embed/index.d.ts'].map((entry) => resolve(root, entry))
const relativeImports = (file) => ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.filter(({ fileName }) => fileName.startsWith('.'))
const declarationOf = (file, specifier) => {
  const base = resolve(dirname(file), specifier).replace(/\.(js|ts)$/, '')
  return [`${base}.d.ts`, join(base, 'index.d.ts')].find((path) => existsSync(path))
}
const reached = new Set()
const visit = (file) => {
  if (reached.has(file)) return
  reached.add(file)
  for (const { fileName } of relativeImports(file)) {
    const next = declarationOf(file, fileName)
    if (next) visit(next)
  }
}
entries.forEach(visit)
let removed = 0
for (const file of [...declarations(root)]) if (!reached.has(resolve(file))) {
  rmSync(file)
  removed++
}

let changed = 0
const unresolved = []
for (const file of declarations(root)) {
  const text = readFileSync(file, 'utf8')
  const { importedFiles } = ts.preProcessFile(text, true, true)
  let out = text
  // From the end, so earlier positions stay valid.
  for (const { fileName, pos } of [...importedFiles].sort((a, b) => b.pos - a.pos)) {
    if (!fileName.startsWith('.')) continue
    // pos is the opening quote; the specifier follows it.
    const start = out.indexOf(fileName, pos)
    const next = resolved(file, fileName)
    if (next === undefined || start < 0) unresolved.push(`${file}: ${fileName}`)
    else if (next !== fileName) out = out.slice(0, start) + next + out.slice(start + fileName.length)
  }
  if (out !== text) {
    writeFileSync(file, out)
    changed++
  }
}
if (unresolved.length) {
  console.error(`[types] relative imports with no declaration behind them:\n  ${unresolved.join('\n  ')}`)
  process.exit(1)
}
console.log(`[types] ${changed} declaration files given resolvable imports, ${removed} unreachable ones removed`)
