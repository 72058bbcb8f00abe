// npm run schema: rewrites the activation enum and its descriptions in schemas/nn.schema.json
// from the activation table (src/engine/activations.ts), then the Chinese schema
// schemas/nn.schema.zh-cn.json from it and l10n/schema.zh-cn.json. Run it after adding an
// activation or changing a description; it stops, listing them, while a text lacks its translation.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchema } from './lib/activation-schema';
import { localiseSchema } from './lib/schema-l10n';

const root = process.env.NN_PLAYGROUND_ROOT ?? process.cwd();

function write(relative: string, text: string, why: string): void {
  const file = join(root, relative);
  if (readFileSync(file, 'utf8') === text) {
    console.log(`${relative} is current.`);
  } else {
    writeFileSync(file, text);
    console.log(`${relative} was rewritten ${why}.`);
  }
}

const english = renderSchema(readFileSync(join(root, 'schemas', 'nn.schema.json'), 'utf8'));
write('schemas/nn.schema.json', english, 'from the activation table');

const translations = JSON.parse(readFileSync(join(root, 'l10n', 'schema.zh-cn.json'), 'utf8')) as Record<string, string>;
const chinese = localiseSchema(english, translations);
for (const text of chinese.unused) console.log(`l10n/schema.zh-cn.json: no longer in the schema, remove it: ${JSON.stringify(text)}`);
if (chinese.missing.length > 0) {
  for (const text of chinese.missing) console.error(`l10n/schema.zh-cn.json: add a translation for ${JSON.stringify(text)}`);
  console.error(`schemas/nn.schema.zh-cn.json was not rewritten: ${chinese.missing.length} texts lack a Chinese translation.`);
  process.exit(1);
}
write('schemas/nn.schema.zh-cn.json', chinese.text, 'from schemas/nn.schema.json and l10n/schema.zh-cn.json');
