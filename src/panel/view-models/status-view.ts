// The toolbar's epoch counter and speed, and the Train/Pause button's role.

import type { SessionState, Snapshot } from '../../protocol/snapshot';
import { formatNumber } from './format';

/**
 * `epoch 12 / 300`, or `epoch 12.4 / 300` in the middle of an epoch (a long epoch is reported as
 * it goes). The fraction is rounded down: `12.9` never reads `13.0` before epoch 13 is done.
 */
export function epochText(snapshot: Snapshot | null, epochs: number | undefined): string {
  const done = snapshot?.epoch ?? 0;
  const fraction = snapshot?.progress?.epochFraction ?? 0;
  const tenths = Math.min(9, Math.floor(fraction * 10));
  const epoch = tenths > 0 ? `${done}.${tenths}` : String(done);
  const target = snapshot?.epochs ?? epochs;
  return target ? `epoch ${epoch} / ${target}` : `epoch ${epoch}`;
}

export function speedText(snapshot: Snapshot | null, state: SessionState): string {
  if (!snapshot || state !== 'training') return '';
  const s = snapshot.samplesPerSecond;
  return `${s >= 1000 ? Math.round(s).toLocaleString('en-US') : formatNumber(s)} samples/s`;
}

/** Train resumes or starts; while training the same button pauses. */
export function primaryCommand(state: SessionState): 'train' | 'pause' {
  return state === 'training' ? 'pause' : 'train';
}

export function stateText(state: SessionState, message: string | null): string {
  switch (state) {
    case 'idle':
      return 'ready';
    case 'training':
      return 'training';
    case 'paused':
      return 'paused';
    case 'finished':
      return 'finished';
    case 'diverged':
      return message ? `diverged: ${message}` : 'diverged';
  }
}
