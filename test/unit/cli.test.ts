import { describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { main, runCli, USAGE, VALIDATE_USAGE } from '../../src/cli/ghatna'
import { RENDER_USAGE } from '../../src/cli/render'
import { datasetJsonSchema } from '../../src/core/jsonSchema'
import { datasetWith, minimalIncident } from '../fixtures/minimal'

const files: Record<string, string> = {
  'bad.json': JSON.stringify(datasetWith([minimalIncident({ id: 'ok' }), minimalIncident({ id: 'typo', regions: ['IN-OR', 'IN-BH'] })])),
  'broken.json': '{"schemaVersion": 1, "incidents": [',
}
const read = (path: string) => {
  if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
  return files[path]!
}

describe('ghatna validate', () => {
  it('prints every problem with id, path, value and rule, and exits 1', () => {
    const result = runCli(['validate', 'bad.json'], read)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'bad.json: error: incident "typo", incidents[1].regions[1]: "IN-BH" is not an ISO 3166-2:IN state or union territory code (use IN for all-India scope). Did you mean "IN-BR"?\n',
    )
    expect(result.stdout).toBe('bad.json: 1 of 2 incidents valid, 1 left out, 0 warnings.\n')
  })
  it('speaks Hindi with --lang hi and gives JSON with --json', () => {
    expect(runCli(['validate', 'bad.json', '--lang', 'hi'], read).stdout).toBe('bad.json: 2 में से 1 घटनाएँ मान्य, 1 छोड़ी गईं, 0 चेतावनियाँ।\n')
    const json = JSON.parse(runCli(['validate', '--json', 'bad.json'], read).stdout)
    expect(json.valid).toBe(1)
    expect(json.issues[0].path).toBe('incidents[1].regions[1]')
  })
  it('names unusable files and usage errors', () => {
    expect(runCli(['validate', 'broken.json'], read).stdout).toBe('broken.json: the file cannot be used.\n')
    expect(runCli(['validate', 'missing.json'], read)).toEqual({ code: 2, stdout: '', stderr: '[ghatna] cannot read missing.json: no such file\n' })
    expect(runCli(['check'], read)).toEqual({ code: 2, stdout: '', stderr: '[ghatna] unknown command "check": use validate or render. See ghatna --help.\n' })
  })
  it('runs as a command on the bundled dataset', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/ghatna.ts', 'validate', 'src/data/incidents.default.json'], { encoding: 'utf8' })
    expect(out).toBe('src/data/incidents.default.json: 4 of 4 incidents valid, 0 left out, 0 warnings.\n')
    const failed = spawnSync('npx', ['tsx', 'src/cli/ghatna.ts', 'validate', 'package.json'], { encoding: 'utf8' })
    expect(failed.status).toBe(1)
    expect(failed.stderr).toContain('"schemaVersion" must be 1; found no schemaVersion.')
  }, 20_000)
})

describe('command-line conventions', () => {
  const refused = (message: string) => ({ code: 2, stdout: '', stderr: `[ghatna] ${message}\n` })
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

  it('prints help on stdout and exits 0 for --help, -h and help', async () => {
    for (const flag of ['--help', '-h', 'help']) expect(await main([flag], read)).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' })
    for (const flag of ['--help', '-h']) {
      expect(await main(['validate', flag], read)).toEqual({ code: 0, stdout: `${VALIDATE_USAGE}\n`, stderr: '' })
      expect(await main(['render', flag], read)).toEqual({ code: 0, stdout: `${RENDER_USAGE}\n`, stderr: '' })
    }
    // Help wins over whatever else is on the line, even a missing file.
    expect((await main(['validate', 'missing.json', '--help'], read)).code).toBe(0)
    expect((await main(['render', '--widget', 'map', '--help'], read)).code).toBe(0)
  })
  it('prints the version of the package with --version', async () => {
    expect(await main(['--version'], read)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })
  it('refuses a missing command, an unknown command, unknown options and stray arguments in one line, exit 2', async () => {
    expect(await main([], read)).toEqual(refused('no command given: use ghatna validate FILE or ghatna render. See ghatna --help.'))
    expect(await main(['draw'], read)).toEqual(refused('unknown command "draw": use validate or render. See ghatna --help.'))
    expect(await main(['validate', 'bad.json', '--strict'], read)).toEqual(refused('validate: unknown option --strict. See ghatna validate --help.'))
    expect(await main(['validate', 'bad.json', '-x'], read)).toEqual(refused('validate: unknown option -x. See ghatna validate --help.'))
    expect(await main(['validate'], read)).toEqual(refused('validate: give exactly one FILE. See ghatna validate --help.'))
    expect(await main(['validate', 'a.json', 'b.json'], read)).toEqual(refused('validate: give exactly one FILE, not 2. See ghatna validate --help.'))
    expect(await main(['render', '--widget', 'map', '--dataset', 'bad.json', 'extra'], read)).toEqual(refused('render: unexpected argument extra. See ghatna render --help.'))
    expect(await main(['render', '--widget', 'map', '--dataset'], read)).toEqual(refused('render: --dataset needs a value. See ghatna render --help.'))
  })
  it('refuses bad values with the choices, exit 2', async () => {
    expect(await main(['validate', 'bad.json', '--lang', 'xx'], read)).toEqual(refused('validate: --lang must be en or hi; found "xx". See ghatna validate --help.'))
    expect(await main(['validate', 'bad.json', '--lang'], read)).toEqual(refused('validate: --lang needs a value. See ghatna validate --help.'))
    const render = (...extra: string[]) => main(['render', '--widget', 'map', '--dataset', 'bad.json', ...extra], read)
    expect(await render('--lang', 'xx')).toEqual(refused('render: --lang must be en or hi; found "xx". See ghatna render --help.'))
    expect(await render('--theme', 'blue')).toEqual(refused('render: --theme must be light or dark; found "blue". See ghatna render --help.'))
    expect(await render('--metric', 'cost')).toEqual(refused('render: --metric must be incidents, downtime or affected; found "cost". See ghatna render --help.'))
    expect(await render('--width', 'wide')).toEqual(refused('render: --width must be a whole number from 280 to 4000 px; found "wide". See ghatna render --help.'))
    expect(await render('--width', '100')).toEqual(refused('render: --width must be a whole number from 280 to 4000 px; found "100". See ghatna render --help.'))
    expect(await main(['render', '--dataset', 'bad.json'], read)).toEqual(refused('render: --widget is required (map, downtime, impact or timeline). See ghatna render --help.'))
    expect(await main(['render', '--widget', 'map'], read)).toEqual(refused('render: --dataset FILE is required. See ghatna render --help.'))
  })
  it('says the same about a missing file in both commands', async () => {
    expect(await main(['validate', 'missing.json'], read)).toEqual(refused('cannot read missing.json: no such file'))
    expect(await main(['render', '--widget', 'map', '--dataset', 'missing.json'], read)).toEqual(refused('cannot read missing.json: no such file'))
    expect(await main(['render', '--widget', 'map', '--dataset', 'missing.json'])).toEqual(refused('cannot read missing.json: no such file'))
  })
  it('as a process: exit codes, streams, and problems before the summary as the README shows', () => {
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/ghatna.ts', ...args], { encoding: 'utf8' })
    const help = run('--help')
    expect([help.status, help.stdout, help.stderr]).toEqual([0, `${USAGE}\n`, ''])
    const unknown = run('render', '--colour', 'red')
    expect([unknown.status, unknown.stdout, unknown.stderr]).toEqual([2, '', '[ghatna] render: unknown option --colour. See ghatna render --help.\n'])
    // One stream, as a terminal shows it: each problem, then the summary line last.
    const merged = spawnSync('sh', ['-c', 'npx tsx src/cli/ghatna.ts validate package.json 2>&1'], { encoding: 'utf8' })
    expect(merged.status).toBe(1)
    const lines = merged.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^package\.json: error: /)
    expect(lines.at(-1)).toBe('package.json: the file cannot be used.')
  }, 30_000)
})

describe('published JSON Schema', () => {
  it('is the one generated from the validator (run `npm run schema` after changing src/core/schema.ts)', () => {
    const committed = JSON.parse(readFileSync('src/schema/ghatna-dataset-v1.schema.json', 'utf8'))
    expect(committed).toEqual(datasetJsonSchema())
  })
  it('lists the enums and region codes the validator accepts', () => {
    const schema = datasetJsonSchema() as { $defs: Record<string, { enum?: string[]; properties?: Record<string, { enum?: string[] }> }> }
    expect(schema.$defs.RegionCode!.enum).toContain('IN-LA')
    expect(schema.$defs.RegionCode!.enum).toContain('IN-OR')
    expect(schema.$defs.Incident!.properties!.sector!.enum).toContain('emergency-services')
  })
})
