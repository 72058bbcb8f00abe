// A whole measurement: the experiment once, or at each value of a sweep, with what the panel draws
// (each run's fit) and the best setting. The CLI runs its runs in a loop (`measure`); the editor
// hands the same tasks (`experimentTasks`) to worker threads and assembles their outputs with the
// same `assembleReport`, so both report the same figures for the same model.

import type { TrainerInputs } from '../model/to-trainer-inputs';
import type { BiasVarianceFits, BiasVariancePoint, BiasVarianceReport } from '../shared/protocol/experiment';
import { combineRuns, planExperiment, trainRun, type ExperimentPlan, type RunOutput } from './run-experiment';
import { countParameters } from '../run/spec-diff';
import { bvMessage } from './messages';
import { ExperimentError } from './run-experiment';
import { settingName, withSetting, type Sweep } from './sweep';

/** One experiment to run: the (possibly changed) inputs and its plan; `value` is the sweep's. */
export interface ExperimentTask {
  value?: number;
  inputs: TrainerInputs;
  plan: ExperimentPlan;
}

/**
 * The experiments of a measurement, in the sweep's order (one without a sweep). Throws
 * ExperimentError, also when a sweep's value makes the network larger than `maxParameters`
 * (checked from the setting alone, before anything is allocated).
 */
export function experimentTasks(inputs: TrainerInputs, runs: number, sweep?: Sweep, maxParameters = Infinity): ExperimentTask[] {
  // The plan's data part (evaluation points, truth, the noise estimate) is the same for every
  // value of a sweep, which changes only the network or the training: it is made once.
  const base = planExperiment(inputs, runs);
  if (sweep === undefined) return [{ inputs, plan: base }];
  return sweep.values.map((value) => {
    const changed = withSetting(inputs, sweep.setting, value);
    const { network } = changed.options;
    const parameters = countParameters(network.inputSize, network.layers);
    if (parameters > maxParameters) throw new ExperimentError(bvMessage('sweepTooLarge', { setting: settingName(sweep.setting), value, parameters, max: maxParameters }));
    return { value, inputs: changed, plan: { ...base, inputs: changed } };
  });
}

function fitsOf(plan: ExperimentPlan, outputs: readonly RunOutput[]): BiasVarianceFits {
  const sorted = [...outputs].sort((a, b) => a.k - b.k);
  if (plan.kind === 'regression' && plan.inputSize === 1 && plan.truth.length === plan.rows) {
    return { kind: 'curves', x: Array.from(plan.x), truth: Array.from(plan.truth), runs: sorted.map((o) => Array.from(o.evaluation)) };
  }
  if (plan.grid !== undefined) {
    return { kind: 'boundaries', grid: { ...plan.grid }, runs: sorted.map((o) => Array.from(o.grid ?? [])) };
  }
  return { kind: 'none' };
}

/** The measurement from every task's run outputs (`outputs[t]`: task t's runs, in any order). */
export function assembleReport(model: string, tasks: readonly ExperimentTask[], outputs: readonly (readonly RunOutput[])[], sweep?: Sweep): BiasVarianceReport {
  const points: BiasVariancePoint[] = tasks.map((task, t) => ({
    ...(task.value !== undefined ? { value: task.value } : {}),
    result: combineRuns(task.plan, outputs[t]),
    fits: fitsOf(task.plan, outputs[t]),
  }));
  let best = 0;
  for (let i = 1; i < points.length; i++) if (points[i].result.measured < points[best].result.measured) best = i;
  return { model, runs: tasks[0].plan.runs, ...(sweep !== undefined ? { setting: sweep.setting } : {}), points, best };
}

/** Runs every task's K runs in turn (the CLI, the tests) and assembles the measurement. */
export function measure(model: string, inputs: TrainerInputs, runs: number, sweep?: Sweep, onRun?: (done: number, total: number) => void, maxParameters = Infinity): BiasVarianceReport {
  const tasks = experimentTasks(inputs, runs, sweep, maxParameters);
  const total = tasks.length * runs;
  let done = 0;
  const outputs = tasks.map((task) => {
    const runsOut: RunOutput[] = [];
    for (let k = 0; k < runs; k++) {
      runsOut.push(trainRun(task.plan, k));
      onRun?.(++done, total);
    }
    return runsOut;
  });
  return assembleReport(model, tasks, outputs, sweep);
}
