// A walkthrough step is done when the student trained its lesson, not when they clicked a link:
// each step waits for the context key the extension sets once one of the step's lessons finished
// training (src/editor/walkthrough-progress.ts), and both sides take the key from the table.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
import { EXAMPLE_TABLE, stepDoneContextKey, stepOfModelFile, walkthroughSteps } from '../../../src/editor/example-table';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { steps: { id: string; completionEvents?: string[] }[] }[] };
};
const steps = manifest.contributes.walkthroughs[0]!.steps;

describe('walkthrough completion', () => {
  it('waits, in every step, for the key of that step and for nothing else', () => {
    expect(steps.map((step) => step.id)).toEqual(walkthroughSteps().map((step) => step.step));
    for (const step of steps) expect(step.completionEvents, step.id).toEqual([`onContext:${stepDoneContextKey(step.id)}`]);
  });

  it('gives each step its own key, one a `when` clause reads whole', () => {
    const keys = steps.map((step) => stepDoneContextKey(step.id));
    expect(new Set(keys).size).toBe(steps.length);
    for (const key of keys) expect(key).toMatch(/^nnPlayground\.lessonTrained\.[a-z][A-Za-z]*$/);
    expect(stepDoneContextKey('vanishing-gradients')).toBe('nnPlayground.lessonTrained.vanishingGradients');
  });

  it('finds the step of each lesson, and of the numbered copies New Model from Example makes', () => {
    for (const entry of EXAMPLE_TABLE) {
      expect(stepOfModelFile(entry.file), entry.file).toBe(entry.step);
      expect(stepOfModelFile(entry.file.replace(/\.nn\.json$/, '-3.nn.json')), entry.file).toBe(entry.step);
    }
    expect(stepOfModelFile('xor.nn.json')).toBe('hidden-layer');
    expect(stepOfModelFile('my-model.nn.json')).toBeUndefined();
    expect(stepOfModelFile('xor-copy.nn.json')).toBeUndefined();
    expect(stepOfModelFile('xor.weights.json')).toBeUndefined();
  });
});

describe('walkthrough pictures (scripts/walkthrough-images.ts)', () => {
  it('shows, on each step\'s page in both languages, a picture of its lesson\'s panel that ships, with alt text', () => {
    for (const { step } of walkthroughSteps()) {
      for (const page of [`${step}.md`, `${step}.nls.zh-cn.md`]) {
        const text = readFileSync(join(ROOT, 'media', 'walkthrough', page), 'utf8');
        const images = [...text.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)];
        expect(images.map((m) => m[2]), page).toEqual([`${step}.webp`]);
        expect(images[0]![1]!.length, `${page}: alt text`).toBeGreaterThan(40);
        expect(existsSync(join(ROOT, 'media', 'walkthrough', `${step}.webp`)), `${step}.webp`).toBe(true);
      }
    }
  });
});
