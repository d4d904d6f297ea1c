/**
 * Writes the map's pre-projected outlines (scripts/geo/projection.ts) for its first paint.
 *
 *   npx tsx scripts/geo/project-india.ts    → src/geo/india-36.paths.json
 *
 * test/unit/geometry.test.ts fails when the file no longer matches the boundaries or the layout.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { projectedRegions, PROJECTION_BOX } from './projection'

const out = fileURLToPath(new URL('../../src/geo/india-36.paths.json', import.meta.url))
const text = `${JSON.stringify({ box: PROJECTION_BOX, regions: projectedRegions() })}\n`
writeFileSync(out, text)
console.log(`wrote ${out} (${text.length} bytes)`)
