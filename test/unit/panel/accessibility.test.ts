// The panel's accessibility contract, read from the webview's sources: one polite live region
// (Announcer) instead of one per chart and status line, icons from the bundled codicon font
// instead of emoji, every chart canvas an image with a label, and the network diagram reachable
// from the keyboard.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths';

const dir = join(ROOT, 'webview');
const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.startsWith('dev'))
  .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
const count = (pattern: RegExp) => sources.flatMap(({ file, text }) => [...text.matchAll(pattern)].map(() => file));

describe('the panel (webview sources)', () => {
  it('has one live region, the Announcer', () => {
    expect(count(/'aria-live'/g)).toEqual(['dom.ts']);
    expect(count(/role: 'status'|role: 'log'|role: 'alert'/g).sort()).toEqual(['controls.ts', 'dom.ts']); // the alert: a refused input
    const dom = readFileSync(join(dir, 'dom.ts'), 'utf8');
    expect(dom).toMatch(/class Announcer[\s\S]*'aria-live': 'polite'/);
  });

  it('draws no emoji: icons are codicons', () => {
    const emoji = /[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{23E9}-\u{23FA}\u{26D4}]/u;
    for (const { file, text } of sources) expect(emoji.test(text), file).toBe(false);
    expect(count(/codicon codicon-/g).length).toBeGreaterThan(2);
  });

  it('labels every chart canvas as an image', () => {
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/h\('canvas', \{([^}]*)\}/g)) {
        if (/className: 'thumb'/.test(m[1]!)) continue; // the tooltip's picture, inside the labelled tooltip
        expect(m[1], file).toMatch(/role: 'img'/);
        expect(m[1], file).toMatch(/'aria-label'/);
      }
    }
  });

  it('lets the keyboard reach the network diagram and move between its units', () => {
    const network = readFileSync(join(dir, 'views/network-view.ts'), 'utf8');
    expect(network).toMatch(/tabindex: 0/);
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Escape']) expect(network).toContain(key);
  });
});
