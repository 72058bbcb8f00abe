// Hidden units switched off by hand (the panel's network diagram): which ones after a click, and
// what they do to the current network, in the worker's own evaluation. Pure: the worker calls it,
// and the tests do.

import type { Metrics } from '../engine/health-types';
import type { Trainer, UnitRef } from '../engine/trainer-api';
import type { EvaluationView, UnitsOffView } from '../shared/protocol/snapshot';

/** `units` with `unit` switched off, or switched back on when it was off; sorted by layer, then unit. */
export function toggledUnits(units: readonly UnitRef[], unit: UnitRef): UnitRef[] {
  const without = units.filter((u) => u.layer !== unit.layer || u.unit !== unit.unit);
  const next = without.length < units.length ? without : [...units, { layer: unit.layer, unit: unit.unit }];
  return next.sort((a, b) => a.layer - b.layer || a.unit - b.unit);
}

/**
 * The trainer's units off and the current weights evaluated with them off and with every unit on
 * (switched on for that evaluation only); undefined while every unit is on.
 */
export function unitsOffView(trainer: Trainer): UnitsOffView | undefined {
  const units = trainer.unitsOff();
  if (units.length === 0) return undefined;
  const now = evaluationView(trainer);
  trainer.setUnitsOff([]);
  let allOn: EvaluationView;
  try {
    allOn = evaluationView(trainer);
  } finally {
    trainer.setUnitsOff(units);
  }
  return { units, now, allOn };
}

function evaluationView(trainer: Trainer): EvaluationView {
  const train = trainer.evaluate('train');
  const test: Metrics | null = trainer.data.test.n > 0 ? trainer.evaluate('test') : null;
  return {
    trainCost: train.cost,
    testCost: test ? test.cost : null,
    ...(train.accuracy !== undefined ? { trainAccuracy: train.accuracy } : {}),
    ...(test?.accuracy !== undefined ? { testAccuracy: test.accuracy } : {}),
  };
}
