/** The published JSON Schema, generated from the validator's own valibot schemas so the two cannot drift. */
import { toJsonSchema } from '@valibot/to-json-schema'
import {
  AgencySchema, DatasetSchema, ImpactSchema, IncidentSchema, LocalTextSchema, MetaSchema, OutageSchema,
  PartialDateSchema, RegionCodeSchema, ResponseSchema, SourceSchema,
} from './schema'

export const SCHEMA_ID = 'https://unpkg.com/ghatna/src/schema/ghatna-dataset-v1.schema.json'

export function datasetJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(DatasetSchema, {
    // Checks JSON Schema cannot express (valid calendar day, IANA zone, finite numbers) stay in the validator.
    errorMode: 'ignore',
    definitions: {
      LocalText: LocalTextSchema, PartialDate: PartialDateSchema, RegionCode: RegionCodeSchema, Source: SourceSchema,
      Outage: OutageSchema, Impact: ImpactSchema, Response: ResponseSchema, Incident: IncidentSchema, Agency: AgencySchema, Meta: MetaSchema,
    },
  })
  return {
    $schema: schema.$schema,
    $id: SCHEMA_ID,
    title: 'Ghatna incident dataset, format version 1',
    description: 'Cyber incidents hitting Indian public services. Contract: the Dataset format section of the ghatna README. Some rules (references between fields, end after start) are checked only by `ghatna validate`.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  }
}
