// The activation part of schemas/nn.schema.json, generated from the activation table: the layer's
// `activation` enum (the table's names, in its order) and one enum description per name (each
// record's theory line). VS Code reads the schema as static JSON, so it is written to disk by
// `npm run schema`; test/unit/model/schema-current.test.ts fails when the committed file is stale.

import { ACTIVATIONS, activationRecord } from '../../src/engine/activations';

/** The schema text with its activation enum and descriptions rewritten from the table. */
export function renderSchema(current: string): string {
  const schema = JSON.parse(current) as { definitions: { layer: { properties: { activation: Record<string, unknown> } } } };
  const activation = schema.definitions.layer.properties.activation;
  activation.enum = [...ACTIVATIONS];
  activation.enumDescriptions = ACTIVATIONS.map((name) => activationRecord(name).theory);
  return `${JSON.stringify(schema, null, 2)}\n`;
}
