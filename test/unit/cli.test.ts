import { describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { runCli } from '../../src/cli/ghatna'
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
    expect(runCli(['check'], read).code).toBe(2)
  })
  it('runs as a command on the bundled dataset', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/ghatna.ts', 'validate', 'src/data/incidents.default.json'], { encoding: 'utf8' })
    expect(out).toBe('src/data/incidents.default.json: 4 of 4 incidents valid, 0 left out, 0 warnings.\n')
    const failed = spawnSync('npx', ['tsx', 'src/cli/ghatna.ts', 'validate', 'package.json'], { encoding: 'utf8' })
    expect(failed.status).toBe(1)
    expect(failed.stderr).toContain('"schemaVersion" must be 1; found no schemaVersion.')
  }, 20_000)
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
