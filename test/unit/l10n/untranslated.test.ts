// Finds user-visible English left outside the bundles: every string literal of src/ and webview/
// that reads like text (three words or more) and is not a message given to t/tn, counted per file
// (scripts/lib/l10n-messages.ts says what is skipped). The counts may only fall: a file converted
// to the bundles is held at 0, and a new file or a new literal in a listed file fails here, so new
// text goes through t/tn. Lower the baseline when you convert a file (the test says by how much).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { untranslatedLiterals } from '../../../scripts/lib/l10n-messages';

const root = join(__dirname, '../../..');
const baseline = JSON.parse(readFileSync(join(__dirname, 'untranslated-baseline.json'), 'utf8')) as Record<string, number>;

test('no file holds more untranslated English literals than its baseline (0 for converted files)', () => {
  const found = untranslatedLiterals(root);
  const over: string[] = [];
  for (const [file, texts] of found) {
    const allowed = baseline[file] ?? 0;
    if (texts.length > allowed) over.push(`${file}: ${texts.length} > ${allowed}: ${texts.slice(0, 3).map((s) => JSON.stringify(s.slice(0, 60))).join(', ')}`);
  }
  expect(over).toEqual([]);
});

test('the converted parts are held at zero', () => {
  const found = untranslatedLiterals(root);
  const converted = [
    'src/model/rules/',
    'src/run/problems.ts',
    'src/run/divergence.ts',
    'src/cli/commands/check.ts',
    'src/shared/l10n/',
    'src/editor/codelens.ts',
    'src/editor/hover.ts',
    'src/editor/status-bar.ts',
    'src/editor/save-weights.ts',
    'src/model/semantic.ts',
    'src/model/vocabulary.ts',
    'src/engine/validate.ts',
    'src/engine/data/inline.ts',
    'src/engine/data/generators.ts',
    'src/engine/losses.ts',
    'src/engine/targets.ts',
    'src/engine/init.ts',
    'src/run/spec-diff.ts',
    'src/run/gradient-check.ts',
  ];
  expect([...found.keys()].filter((file) => converted.some((prefix) => file.startsWith(prefix)))).toEqual([]);
});

test('the finder can fail: it sees a sentence that is not in t(), and not one that is', () => {
  const found = untranslatedLiterals(root, [join(__dirname, 'fixtures/untranslated-sample.ts')]);
  expect([...found.values()].flat()).toEqual(['The learning rate is too high.', 'Layer … has … units and no bias.']);
});
