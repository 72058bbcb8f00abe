// Every message from the webview is untrusted input (a webview runs web content): it is checked
// against the protocol here, before anything acts on it. Pure, so it is unit-tested directly.

import { REGULARIZATIONS } from '../../engine/types';
import { t } from '../l10n';
import { MAX_PACE } from '../pace';
import type { CompareAction, FromWebview, HyperparameterField } from '../protocol/webview-messages';

export type Validation = { ok: true; message: FromWebview } | { ok: false; reason: string };

/** What the validator needs to know about the attached model to check indices. */
export interface ValidationContext {
  /** Units of each layer (hidden then output), when the model parses. */
  layerUnits?: readonly number[];
}

const COMMANDS = ['train', 'pause', 'step', 'reset', 'export'] as const;
const COMPARE_ACTIONS: readonly CompareAction[] = ['pin', 'add', 'train-all', 'pause-all', 'clear'];
/** A session key is a document URI: longer is not one of ours. */
const MAX_KEY_LENGTH = 4096;
const FIELDS: readonly HyperparameterField[] = ['learningRate', 'batchSize', 'regularization.type', 'regularization.lambda'];
/** Larger values are typos, not experiments; the model rules judge the sensible range. */
const MAX_HYPERPARAMETER = 1e6;
const MAX_POSITION = 10_000_000;

/** Far beyond any plane a person clicks in; a larger coordinate is a forged message. */
const MAX_COORDINATE = 1e12;
/** Classes the inline data can have (src/model/parse/read-data.ts allows at most 32). */
const MAX_CLASS_INDEX = 64;

const isCoordinate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < max;

function fail(reason: string): Validation {
  return { ok: false, reason };
}

export function validateFromWebview(raw: unknown, context: ValidationContext = {}): Validation {
  if (!isRecord(raw)) return fail('not an object');
  switch (raw.type) {
    case 'ready':
      return { ok: true, message: { type: 'ready' } };
    case 'command': {
      const command = COMMANDS.find((c) => c === raw.command);
      return command ? { ok: true, message: { type: 'command', command } } : fail(`unknown command ${String(raw.command)}`);
    }
    case 'set-hyperparameter': {
      const field = FIELDS.find((f) => f === raw.field);
      if (!field) return fail(`unknown hyperparameter ${String(raw.field)}`);
      const problem = checkHyperparameter(field, raw.value);
      return problem ? fail(problem) : { ok: true, message: { type: 'set-hyperparameter', field, value: raw.value as number | string } };
    }
    case 'reveal-problem':
      if (!isIndex(raw.line, MAX_POSITION) || !isIndex(raw.character, MAX_POSITION)) return fail('position must be non-negative integers');
      return { ok: true, message: { type: 'reveal-problem', line: raw.line, character: raw.character } };
    case 'unit-grid': {
      if (!isIndex(raw.id, Number.MAX_SAFE_INTEGER)) return fail('id must be a non-negative integer');
      const problem = unitProblem(raw, context.layerUnits);
      if (problem) return fail(problem);
      return { ok: true, message: { type: 'unit-grid', id: raw.id, layer: raw.layer as number, unit: raw.unit as number } };
    }
    case 'toggle-unit': {
      // Hidden units only (the output layer's are left out): the output is the prediction itself.
      const problem = unitProblem(raw, context.layerUnits?.slice(0, -1));
      if (problem) return fail(problem);
      return { ok: true, message: { type: 'toggle-unit', layer: raw.layer as number, unit: raw.unit as number } };
    }
    case 'compare': {
      const action = COMPARE_ACTIONS.find((a) => a === raw.action);
      return action ? { ok: true, message: { type: 'compare', action } } : fail(t('unknown comparison action {action}', { action: String(raw.action) }));
    }
    case 'compare-remove':
      if (typeof raw.key !== 'string' || raw.key.length === 0 || raw.key.length > MAX_KEY_LENGTH) return fail(t('the key must be the URI of a model'));
      return { ok: true, message: { type: 'compare-remove', key: raw.key } };
    case 'step-batch':
      return { ok: true, message: { type: 'step-batch' } };
    case 'set-pace': {
      const pace = raw.epochsPerSecond;
      if (typeof pace !== 'number' || !Number.isFinite(pace) || pace < 0 || pace > MAX_PACE) return fail(t('the pace must be a number of epochs a second from 0 to {max}', { max: String(MAX_PACE) }));
      return { ok: true, message: { type: 'set-pace', epochsPerSecond: pace } };
    }
    case 'add-point': {
      if (!isCoordinate(raw.x1) || !isCoordinate(raw.x2)) return fail(t('a point needs finite coordinates x1 and x2'));
      if (!isIndex(raw.classIndex, MAX_CLASS_INDEX)) return fail(t('classIndex must be a non-negative integer'));
      return { ok: true, message: { type: 'add-point', x1: raw.x1, x2: raw.x2, classIndex: raw.classIndex } };
    }
    case 'remove-point': {
      if (!isCoordinate(raw.x1) || !isCoordinate(raw.x2)) return fail(t('a point needs finite coordinates x1 and x2'));
      if (!isCoordinate(raw.tolerance) || raw.tolerance <= 0) return fail(t('tolerance must be a number above 0'));
      if (raw.classIndex !== undefined && !isIndex(raw.classIndex, MAX_CLASS_INDEX)) return fail(t('classIndex must be a non-negative integer'));
      const classIndex = raw.classIndex === undefined ? {} : { classIndex: raw.classIndex };
      return { ok: true, message: { type: 'remove-point', x1: raw.x1, x2: raw.x2, tolerance: raw.tolerance, ...classIndex } };
    }
    default:
      return fail(`unknown message type ${String(raw.type)}`);
  }
}

/** Why `raw.layer` and `raw.unit` name no unit of these layers (units per layer), or undefined. */
function unitProblem(raw: Record<string, unknown>, units: readonly number[] | undefined): string | undefined {
  if (!units || units.length === 0) return 'the model has no layers to show';
  if (!isIndex(raw.layer, units.length)) return `layer must be an integer in [0, ${units.length})`;
  const layerUnits = units[raw.layer] ?? 0;
  if (!isIndex(raw.unit, layerUnits)) return `unit must be an integer in [0, ${layerUnits})`;
  return undefined;
}

/** Why a value cannot be written for this field (the panel shows it), or undefined when it can. */
export function checkHyperparameter(field: HyperparameterField, value: unknown): string | undefined {
  switch (field) {
    case 'learningRate':
      return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_HYPERPARAMETER
        ? undefined
        : t('the learning rate must be a number above 0');
    case 'batchSize':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_HYPERPARAMETER
        ? undefined
        : t('the batch size must be a whole number of at least 1');
    case 'regularization.type':
      return typeof value === 'string' && (REGULARIZATIONS as readonly string[]).includes(value)
        ? undefined
        : t('regularization must be one of {choices}', { choices: REGULARIZATIONS.join(', ') });
    case 'regularization.lambda':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_HYPERPARAMETER
        ? undefined
        : t('λ must be a number of at least 0');
  }
}
