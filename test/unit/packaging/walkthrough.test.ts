// The walkthrough must open every bundled example exactly once, in the order of the lessons their
// leading comments announce (`// Lesson 8: …`), and point only at files that ship.
import { readLocalisedManifest } from '../../../scripts/lib/manifest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';
import { ACTIVATION_COMPARISON } from '../../../src/editor/example-table';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
}
const manifest = readLocalisedManifest(ROOT) as {
  contributes: { walkthroughs?: { id: string; steps: Step[] }[]; commands: { command: string }[] };
};
const walkthrough = manifest.contributes.walkthroughs?.[0];
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.nn.json'));

/** The files a step's New Model from Example links open, in order (every other link is a comparison). */
function linkedFiles(step: Step): string[] {
  return [...step.description.matchAll(/\(command:([\w.]+)\?([^)]+)\)/g)].flatMap((m) => {
    const args = JSON.parse(decodeURIComponent(m[2]!)) as unknown[];
    expect(args).toHaveLength(1);
    if (m[1] === 'nnPlayground.compareExamples') return [];
    expect(m[1]).toBe('nnPlayground.newFromExample');
    return [String(args[0])];
  });
}

/** The file lists a step's comparison links pass. */
function comparedFiles(step: Step): string[][] {
  return [...step.description.matchAll(/\(command:nnPlayground\.compareExamples\?([^)]+)\)/g)].map((m) => (JSON.parse(decodeURIComponent(m[1]!)) as string[][])[0]!);
}

/** `Lesson 5b` → [5, 'b'], read from the example's own leading comment. */
function lessonOf(file: string): [number, string] {
  const match = /^\/\/ Lesson (\d+)([a-z]?)\b/.exec(readFileSync(join(ROOT, 'examples', file), 'utf8'));
  expect(match, `${file} starts with a "// Lesson N" comment`).not.toBeNull();
  return [Number(match![1]), match![2]!];
}

describe('the walkthrough', () => {
  it('exists, with steps that each open at least one example', () => {
    expect(walkthrough?.steps.length).toBeGreaterThan(0);
    for (const step of walkthrough!.steps) expect(linkedFiles(step).length, step.id).toBeGreaterThan(0);
  });

  it('opens every bundled example exactly once', () => {
    const linked = walkthrough!.steps.flatMap(linkedFiles);
    expect([...linked].sort()).toEqual([...examples].sort());
  });

  it('follows the lesson order', () => {
    const order = walkthrough!.steps.flatMap(linkedFiles).map(lessonOf);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(order).toEqual(sorted);
  });

  it('shows media that ships in the VSIX', () => {
    for (const step of walkthrough!.steps) {
      const media = step.media.markdown ?? step.media.image;
      expect(media, step.id).toBeDefined();
      expect(existsSync(join(ROOT, media!)), media).toBe(true);
      expect(media).toMatch(/^(examples|media)\//);
    }
  });

  it('uses a command the extension contributes', () => {
    expect(manifest.contributes.commands.map((c) => c.command)).toContain('nnPlayground.newFromExample');
    expect(manifest.contributes.commands.map((c) => c.command)).toContain('nnPlayground.compareExamples');
  });

  it('compares sigmoid, tanh and ReLU side by side in the vanishing-gradients step, with the lessons that step opens', () => {
    const step = walkthrough!.steps.find((s) => s.id === 'vanishing-gradients')!;
    expect(comparedFiles(step)).toEqual([[...ACTIVATION_COMPARISON]]);
    expect(linkedFiles(step)).toEqual([...ACTIVATION_COMPARISON]);
    for (const other of walkthrough!.steps) for (const files of comparedFiles(other)) for (const file of files) expect(examples).toContain(file);
  });
});
