// settledAt decides the soak's "panel and status bar agree within a second after a pause": it must
// take the moment a figure was drawn and stayed, not its first fleeting appearance.
import { describe, expect, it } from 'vitest';
import { settledAt, type TextChange } from '../../../scripts/lib/text-watch';
import { parsePanelEpoch, parseStatusEpoch } from '../../e2e/workbench';

const log = (...entries: [number, string][]): TextChange[] => entries.map(([at, text]) => ({ at, text }));

describe('settledAt', () => {
  it('is the start of the last run of entries showing the value', () => {
    const changes = log([0, 'epoch 10'], [100, 'epoch 12'], [200, 'epoch 11'], [300, 'epoch 12'], [450, 'epoch 12 ']);
    expect(settledAt(changes, parsePanelEpoch, 12)).toBe(300);
  });
  it('is undefined when the log ends on another figure', () => {
    expect(settledAt(log([0, 'epoch 12'], [100, 'epoch 13']), parsePanelEpoch, 12)).toBeUndefined();
    expect(settledAt([], parsePanelEpoch, 12)).toBeUndefined();
  });
  it('reads the status bar and panel texts as the soak sees them', () => {
    expect(parseStatusEpoch('$(debug-pause) NN: paused · epoch 1,234/100,000 · cost 0.12')).toBe(1234);
    expect(parsePanelEpoch('1,234.5 / 100,000')).toBe(1234);
    expect(parseStatusEpoch('NN: 2 errors')).toBeUndefined();
  });
});
