/** Writes src/schema/ghatna-dataset-v1.schema.json; test/unit/schema.test.ts fails if the committed file is stale. */
import { writeFileSync } from 'node:fs'
import { datasetJsonSchema } from '../src/core/jsonSchema'

const path = new URL('../src/schema/ghatna-dataset-v1.schema.json', import.meta.url)
writeFileSync(path, JSON.stringify(datasetJsonSchema(), null, 2) + '\n')
console.log(`wrote ${path.pathname}`)
