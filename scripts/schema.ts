// npm run schema: rewrites the activation enum and its descriptions in schemas/nn.schema.json
// from the activation table (src/engine/activations.ts). Run it after adding an activation.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchema } from './lib/activation-schema';

const file = join(process.env.NN_PLAYGROUND_ROOT ?? process.cwd(), 'schemas', 'nn.schema.json');
const before = readFileSync(file, 'utf8');
const after = renderSchema(before);
if (after === before) {
  console.log('schemas/nn.schema.json is current.');
} else {
  writeFileSync(file, after);
  console.log('schemas/nn.schema.json was rewritten from the activation table.');
}
