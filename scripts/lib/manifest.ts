// package.json as a person reads it: its `%key%` strings replaced by package.nls.json's English
// (VS Code does the same when it loads the manifest), for the tests that check what it says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readLocalisedManifest(root: string, nls = 'package.nls.json'): unknown {
  const strings = JSON.parse(readFileSync(join(root, nls), 'utf8')) as Record<string, string>;
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'), (_key, value: unknown) =>
    typeof value === 'string' && /^%[^%]+%$/.test(value) ? (strings[value.slice(1, -1)] ?? value) : value,
  );
}
