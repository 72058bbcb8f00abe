// User text reaches hover Markdown in two places: a CSV column name in the layer formula, and a
// name written in the model in the activation lesson. Rendered by an independent Markdown parser,
// a hostile name must stay text: no link (least of all a command link), no image. This failed
// before: the backtick closed the code span and the rest rendered as a link and a remote image.

import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { unitFormula } from '../../../src/editor/format';
import { activationLesson } from '../../../src/editor/lessons';

const HOSTILE = 'x` [Train](command:nnPlayground.train) ![p](https://example.invalid/p.png) `';
const md = new MarkdownIt();

function rendered(markdown: string): string {
  return md.render(markdown);
}

describe('user text in hover markdown', () => {
  it('a CSV column name in the formula cannot add a link or an image', () => {
    const formula = unitFormula({ output: 'h₁', activation: 'tanh', inputs: [HOSTILE, 'x2'], weights: [0.5, -1], bias: 0.1 });
    const html = rendered(`\`${formula}\` — with its current weights`);
    expect(html).not.toMatch(/<a |<img /);
    expect(html).toMatch(/<code>[^<]*Train[^<]*example\.invalid[^<]*<\/code>/);
  });

  it('an unknown activation name in the lesson cannot add a link or an image', () => {
    const html = rendered(activationLesson(HOSTILE, { spec: undefined, facts: undefined, health: null, last: undefined, layer: undefined }).join('\n\n'));
    expect(html).not.toMatch(/<a |<img /);
  });

  it('a name of a million characters is cut', () => {
    const formula = unitFormula({ output: 'h₁', activation: 'tanh', inputs: ['a'.repeat(1_000_000)], weights: [1], bias: 0 });
    expect(formula.length).toBeLessThan(200);
  });
});
