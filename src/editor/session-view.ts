// Reading a session the way every editor adapter needs it: the status numbers, the layer health,
// the spec of the last parse. One place, so the lens, status bar and hover agree.

import type { LayerHealth } from '../engine/health-types';
import type { LayerSpec } from '../model/spec';
import type { TrainingSession } from '../session/session-api';
import { blocksTraining } from '../run/problems';
import type { StatusNumbers } from './format';
import { readSettings } from './settings';

export function statusNumbers(session: TrainingSession): StatusNumbers {
  const latest = session.latest;
  const history = session.history;
  const epochs = latest?.epochs ?? session.parse.spec?.training.epochs ?? readSettings().defaultMaxEpochs;
  return {
    state: session.state,
    epoch: latest?.epoch ?? history[history.length - 1]?.epoch ?? 0,
    epochs,
    last: history[history.length - 1],
    message: latest?.message,
  };
}

/**
 * The live health of a layer; with `written` (the layer as the text has it now), only when the run
 * trains that layer: after an edit of its units or activation, the last report is of another network
 * until the new run's first one arrives.
 */
export function layerHealth(session: TrainingSession, layer: number, written?: Pick<LayerSpec, 'units' | 'activation'>): LayerHealth | undefined {
  const health = session.latest?.health?.layers.find((entry) => entry.layer === layer);
  if (health && written && (health.units !== written.units || health.activation !== written.activation)) return undefined;
  return health;
}

/** Errors to fix before training (what the CodeLens and the status bar count). */
export function errorCount(session: TrainingSession): number {
  return session.problems.filter(blocksTraining).length;
}
