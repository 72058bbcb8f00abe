// The toolbar's epoch counter and speed, and the Train/Pause button's role.

import type { SessionState, Snapshot } from '../protocol/snapshot';
import { formatCount, formatUnit, t } from '../l10n';

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
  // Digits as they are (no grouping): the status bar and the tests read the same figures.
  return target ? t('epoch {epoch} / {epochs}', { epoch, epochs: String(target) }) : t('epoch {epoch}', { epoch });
}

export function speedText(snapshot: Snapshot | null, state: SessionState): string {
  if (!snapshot || state !== 'training') return '';
  const s = snapshot.samplesPerSecond;
  return formatUnit(s, 'samples/s');
}

/** Train resumes or starts; while training the same button pauses. */
export function primaryCommand(state: SessionState): 'train' | 'pause' {
  return state === 'training' ? 'pause' : 'train';
}

/**
 * A run that stopped beyond its epoch limit: the limit was lowered below the epoch reached (or a
 * Step went past it). "finished" would say it reached the limit; it did not stop there.
 */
export function pastLimitText(epoch: number, epochs: number): string {
  return t('Stopped at epoch {epoch}: the run is past the limit of {epochs} epochs.', { epoch: formatCount(epoch), epochs: formatCount(epochs) });
}

/** Whether a run's state is the one pastLimitText describes. */
export function isPastLimit(state: SessionState, epoch: number, epochs: number): boolean {
  return state === 'finished' && epoch > epochs;
}

/** The state in one word, as the toolbar, the lenses and the status bar say it. */
export function stateWord(state: SessionState): string {
  switch (state) {
    case 'idle':
      return t('ready');
    case 'training':
      return t('training');
    case 'paused':
      return t('paused');
    case 'finished':
      return t('finished');
    case 'diverged':
      return t('diverged');
  }
}

/** The toolbar's state line: the word, or what stopped a run that stopped early or diverged. */
export function stateText(state: SessionState, message: string | null, snapshot?: Snapshot | null): string {
  if (state === 'finished' && snapshot && isPastLimit(state, snapshot.epoch, snapshot.epochs)) return pastLimitText(snapshot.epoch, snapshot.epochs);
  if (state === 'diverged' && message) return t('diverged: {message}', { message });
  return stateWord(state);
}
