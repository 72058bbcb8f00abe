// From a valid spec to the worker's `init` message: reads a CSV through the host (never the file
// system directly), then plans the run as the CLI does (run-core.ts: CSV columns, the parameter
// cap before any memory is spent, spec + text → trainer options).

import { CSV_READ_TIMEOUT_MS, CSV_REFUSALS, csvNeedsTrustProblem, csvReadProblem } from '../model/index';
import type { CsvEncoding } from '../engine/data/encoding';
import type { ModelSpec, ParseResult, Problem } from '../model/spec';
import type { SessionInit } from '../shared/protocol/worker-messages';
import type { SessionHost, SessionSettings } from './session-api';
import { errorMessage, planRun } from '../run/run-core';

export { errorMessage } from '../run/run-core';

/** Networks up to this size get their parameters and output grid in snapshots (diagram, boundary). */
export const DIAGRAM_PARAMETER_LIMIT = 2000;
/** Cells per side of the decision-boundary grid. */
export const BOUNDARY_RESOLUTION = 48;

export type PreparedRun =
  | { ok: true; init: SessionInit; parameterCount: number }
  | { ok: false; problems: Problem[]; parameterCount?: number };

/** Remembers the last CSV read, so that edits of hyperparameters do not re-read the file. */
export interface CsvCache {
  path: string;
  /** As the model names it: a changed `"encoding"` reads the file again. */
  encoding: CsvEncoding | undefined;
  text: string;
}

export interface PrepareOptions {
  host: SessionHost;
  settings: SessionSettings;
  cache: { csv?: CsvCache };
  /** Read the CSV again even when the path is unchanged (reset, first start). */
  fresh: boolean;
}

export async function prepareRun(spec: ModelSpec, parse: ParseResult, options: PrepareOptions): Promise<PreparedRun> {
  const { host, settings, cache } = options;
  let csvText: string | undefined;
  if (spec.data.kind === 'csv') {
    const { path, encoding } = spec.data;
    if (host.isTrusted?.() === false) {
      // Restricted Mode: the data file is not read at all (see TRUST_MESSAGES.csvNeedsTrust).
      cache.csv = undefined;
      return { ok: false, problems: [csvNeedsTrustProblem(parse, path)] };
    } else if (!options.fresh && cache.csv?.path === path && cache.csv.encoding === encoding) {
      csvText = cache.csv.text;
    } else {
      try {
        csvText = await withTimeout(host.readRelative(path, encoding), CSV_READ_TIMEOUT_MS);
        cache.csv = { path, encoding, text: csvText };
      } catch (error) {
        cache.csv = undefined;
        return { ok: false, problems: [csvReadProblem(parse, path, errorMessage(error))] };
      }
    }
  }

  const plan = planRun(withDefaultEpochs(spec, parse, settings), parse, { csvText, maxParameters: settings.maxParameters });
  if (!plan.ok) return plan;
  const { inputs, parameterCount } = plan;
  return {
    ok: true,
    parameterCount,
    init: {
      options: inputs.options,
      data: inputs.data,
      dataOptions: inputs.dataOptions,
      snapshotIntervalMs: snapshotInterval(settings),
      diagramParameterLimit: DIAGRAM_PARAMETER_LIMIT,
      boundaryResolution: BOUNDARY_RESOLUTION,
    },
  };
}

/**
 * A read that never settles (a pipe, a stalled network drive) must not hold the session: after
 * `ms` it rejects with the timed-out reason, and a later start (after the model is fixed) runs.
 */
function withTimeout<T>(read: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(CSV_REFUSALS.timedOut)), ms);
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

/** The file's own `epochs` wins; without one, the user's default applies. */
export function withDefaultEpochs(spec: ModelSpec, parse: ParseResult, settings: SessionSettings): ModelSpec {
  if (parse.locations.values['training.epochs'] || !(settings.defaultMaxEpochs > 0)) return spec;
  return { ...spec, training: { ...spec.training, epochs: Math.round(settings.defaultMaxEpochs) } };
}

/**
 * Snapshots a second at most, whatever the setting: the worker's floor between two snapshots
 * (MIN_SNAPSHOT_INTERVAL_MS, 50 ms) allows no more. The setting's schema and clamp use it too.
 */
export const MAX_UPDATE_RATE = 20;

/** At most `updateRate` snapshots a second, and never more than MAX_UPDATE_RATE. */
export function snapshotInterval(settings: SessionSettings): number {
  const rate = settings.updateRate > 0 ? Math.min(settings.updateRate, MAX_UPDATE_RATE) : MAX_UPDATE_RATE;
  return Math.max(1000 / MAX_UPDATE_RATE, Math.round(1000 / rate));
}
