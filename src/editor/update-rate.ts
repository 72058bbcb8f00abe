// The `nnPlayground.updateRate` setting's bounds, kept apart from settings.ts (which needs
// `vscode`) so that a unit test can hold them against package.json and the training worker.

import { MAX_UPDATE_RATE } from '../session/run-inputs';

/**
 * The worker sends at most MAX_UPDATE_RATE snapshots a second: a higher setting would promise
 * updates that never come, so the manifest's `maximum` and the clamp below use that number.
 */
export { MAX_UPDATE_RATE };
/** The manifest's `minimum`: one snapshot a second still shows a run moving. */
export const MIN_UPDATE_RATE = 1;
export const DEFAULT_UPDATE_RATE = MAX_UPDATE_RATE;

/** The rate a session uses for a value read from settings.json, which the schema does not enforce. */
export function updateRateFrom(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_UPDATE_RATE;
  return Math.min(MAX_UPDATE_RATE, Math.max(MIN_UPDATE_RATE, value));
}
