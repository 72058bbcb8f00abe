import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeExample } from '../../../src/editor/example-text';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

describe('examples as the quick pick shows them', () => {
  it('reads the lesson and its first sentence from the leading comment', () => {
    const text = '// Lesson 3 (theory §3-4): a multilayer perceptron. Eight tanh units in a hidden layer bend the\n// plane.\n{ "name": "x" }\n';
    expect(describeExample(text)).toEqual({ lesson: 'Lesson 3', description: 'A multilayer perceptron.', order: [3, ''] });
    expect(describeExample('// Lesson 10b (theory §9, §14): L2. More.\n{}').lesson).toBe('Lesson 10b');
    expect(describeExample('{ "name": "no comment" }')).toEqual({ lesson: undefined, description: undefined, order: [Number.MAX_SAFE_INTEGER, ''] });
  });

  it('orders the shipped examples as examples/README.md lists the lessons', () => {
    const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.nn.json'));
    const ordered = files
      .map((file) => ({ file, ...describeExample(readFileSync(join(EXAMPLES, file), 'utf8')) }))
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1].localeCompare(b.order[1]) || a.file.localeCompare(b.file));
    for (const example of ordered) expect(example.description, example.file).toBeTruthy();
    const readme = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| \d+ \| \[([\w-]+\.nn\.json)\]/gm)].map((match) => match[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect(ordered.map((example) => example.file)).toEqual(listed);
  });
});
