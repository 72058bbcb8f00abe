// Health over time (weight percentiles and gradient flow per layer). The session keeps this
// timeline beside its loss history (TrainingSession.health, sent whole in `full`); the webview
// appends what each snapshot update brings to the copy it draws. The worker
// samples it at epoch ends (snapshot.healthSamples), so a fast run still draws a curve; a snapshot
// without samples gives one from its health report. Bounded: when it grows past its limit every
// other sample is dropped, so a long run keeps its whole span.

import type { Snapshot } from '../protocol/snapshot';
import type { HealthSample } from '../protocol/snapshot';

export const TIMELINE_LIMIT = 600;

export function healthSample(snapshot: Snapshot): HealthSample | null {
  if (!snapshot.health) return null;
  return {
    epoch: snapshot.epoch,
    layers: snapshot.health.layers.map((l) => ({ weightPercentiles: [...l.weights.percentiles], gradMeanAbs: l.gradMeanAbs })),
  };
}

/** The timeline samples a snapshot brings: the worker's epoch-end samples, or one from its report. */
export function snapshotSamples(snapshot: Snapshot): HealthSample[] {
  if (snapshot.healthSamples) return snapshot.healthSamples;
  const sample = healthSample(snapshot);
  return sample ? [sample] : [];
}

/**
 * Adds a sample in place. A later sample of the same epoch replaces the earlier one; an earlier
 * epoch means the run was reset, so what came after it is dropped.
 */
export function appendSample(timeline: HealthSample[], sample: HealthSample, limit = TIMELINE_LIMIT): void {
  while (timeline.length > 0 && (timeline.at(-1) as HealthSample).epoch >= sample.epoch) timeline.pop();
  timeline.push(sample);
  if (timeline.length > limit) {
    const last = timeline.length - 1;
    let write = 0;
    for (let read = 0; read <= last; read++) if (read % 2 === 0 || read === last) timeline[write++] = timeline[read] as HealthSample;
    timeline.length = write;
  }
}

/** Samples after `epoch`, oldest first: what a panel has not sent to its webview yet. */
export function samplesSince(timeline: readonly HealthSample[], epoch: number): HealthSample[] {
  let first = timeline.length;
  while (first > 0 && (timeline[first - 1] as HealthSample).epoch > epoch) first--;
  return timeline.slice(first);
}
