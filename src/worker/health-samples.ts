// Health over time, sampled in the worker at epoch ends: the distributions-over-time and gradient-
// flow-over-time charts need a curve even when a small model trains hundreds of epochs between two
// snapshots. Samples are compact (weight percentiles and mean |∂L/∂W| per layer) and thinned so a
// whole run yields at most about TARGET_SAMPLES of them, and never cost more than a small share of
// the training time, however fast the model trains.

import { describeDistribution } from '../engine/index';
import type { Trainer } from '../engine/trainer-api';
import type { HealthSample } from '../shared/protocol/snapshot';

/** Samples over a whole run, at most (plus the last epoch): every epoch while the run is short. */
export const TARGET_SAMPLES = 250;
/** Sampling may take at most this share of the time spent training… */
export const SAMPLE_TIME_SHARE = 0.05;
/** …plus this much per run, so a short run of a tiny model still gets its whole curve. */
export const SAMPLE_ALLOWANCE_MS = 5;

/** The layers' weight percentiles and mean |∂L/∂W|, as the panel's health timeline holds them. */
export function healthSampleOf(trainer: Trainer, epoch: number): HealthSample {
  const layers: HealthSample['layers'] = [];
  for (let l = 0; l < trainer.options.network.layers.length; l++) {
    const { weights, gradients } = trainer.layerParameters(l);
    let sumAbs = 0;
    for (let i = 0; i < gradients.length; i++) sumAbs += Math.abs(gradients[i]);
    layers.push({ weightPercentiles: describeDistribution(weights).percentiles, gradMeanAbs: gradients.length > 0 ? sumAbs / gradients.length : 0 });
  }
  return { epoch, layers };
}

/**
 * Decides at which epoch ends to sample: every ceil(epochs / TARGET_SAMPLES)-th epoch and the
 * last, skipping a due sample when sampling has already cost more than SAMPLE_TIME_SHARE of the
 * training time plus SAMPLE_ALLOWANCE_MS. The count alone bounds a run's total (an XOR sample costs
 * a few microseconds, so a whole curve a millisecond); the share keeps a model whose samples are
 * dear compared with its epochs from slowing down.
 */
export class HealthSampler {
  /** Samples taken since they were last collected, oldest first. */
  private pending: HealthSample[] = [];
  private trainingMs = 0;
  private samplingMs = 0;

  /** Notes time spent training (since the last call). */
  trained(ms: number): void {
    this.trainingMs += ms;
  }

  /** Samples the trainer at the end of `epoch` when it is due and affordable. */
  atEpochEnd(trainer: Trainer, epoch: number, targetEpochs: number): void {
    const last = epoch >= targetEpochs;
    if (!last && epoch % this.stride(targetEpochs) !== 0) return;
    if (!last && this.samplingMs > SAMPLE_TIME_SHARE * this.trainingMs + SAMPLE_ALLOWANCE_MS) return;
    this.take(trainer, epoch);
  }

  /** Samples now, whatever the spacing (the start of a run). */
  take(trainer: Trainer, epoch: number): void {
    const started = performance.now();
    this.pending.push(healthSampleOf(trainer, epoch));
    this.samplingMs += performance.now() - started;
  }

  stride(targetEpochs: number): number {
    return Math.max(1, Math.ceil(targetEpochs / TARGET_SAMPLES));
  }

  /** The samples since the last call. */
  collect(): HealthSample[] {
    const samples = this.pending;
    this.pending = [];
    return samples;
  }

  /** A new run: what was sampled of the old one is dropped, and its time budget starts again. */
  clear(): void {
    this.pending = [];
    this.trainingMs = 0;
    this.samplingMs = 0;
  }
}
