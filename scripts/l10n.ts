// `npm run l10n`: writes l10n/bundle.l10n.json from the messages in the sources (scripts/lib/l10n-messages.ts)
// and lists the English messages the Chinese bundle does not translate yet.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEnglishBundle, scanMessages } from './lib/l10n-messages';

const root = process.cwd();
const scan = scanMessages(root);
if (scan.computed.length > 0) {
  console.error(`Messages that are not string literals (they cannot be translated):\n  ${scan.computed.join('\n  ')}`);
  process.exitCode = 1;
}
writeFileSync(join(root, 'l10n/bundle.l10n.json'), renderEnglishBundle(scan));
const zh = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const missing = [...scan.messages.keys()].filter((key) => !(key in zh));
console.log(`l10n/bundle.l10n.json: ${scan.messages.size} messages; ${missing.length} without a zh-cn entry`);
for (const key of missing) console.log(`  ${JSON.stringify(key)}`);
