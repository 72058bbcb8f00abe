// The committed schema's activation enum and descriptions are the activation table's: VS Code
// reads the file as it is on disk, so a record added without `npm run schema` fails here.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderSchema } from '../../../scripts/lib/activation-schema';

const file = join(__dirname, '../../../schemas/nn.schema.json');

test('schemas/nn.schema.json is current with the activation table (run `npm run schema`)', () => {
  const committed = readFileSync(file, 'utf8');
  expect(renderSchema(committed)).toBe(committed);
});

test('the check can fail: a schema missing an activation is rewritten', () => {
  const committed = JSON.parse(readFileSync(file, 'utf8'));
  const activation = committed.definitions.layer.properties.activation;
  activation.enum = activation.enum.slice(0, -1);
  activation.enumDescriptions = activation.enumDescriptions.slice(0, -1);
  const stale = `${JSON.stringify(committed, null, 2)}\n`;
  expect(renderSchema(stale)).not.toBe(stale);
});
