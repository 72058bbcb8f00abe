// The engine's one error type. Callers (the model loader, the CLI, the worker) show `message` to a
// person and branch on `code`, so every check in the engine throws this rather than a bare Error.

import { t } from '../shared/l10n';

export type EngineErrorCode =
  | 'invalid-config'
  | 'invalid-shape'
  | 'invalid-rate'
  | 'invalid-data'
  | 'non-finite-input'
  | 'unsupported'
  | 'weights-mismatch';

export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/**
 * Throws `invalid-config` unless `value` is a whole number in [min, max]. `name` is the value as a
 * person reads it: a field of the model file as written (`batchSize`) or a phrase in the UI's language.
 */
export function requireInteger(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const values = { name, min: String(min), max: String(max), value: String(value) };
    throw new EngineError(
      'invalid-config',
      max === Number.MAX_SAFE_INTEGER ? t('{name} must be a whole number ≥ {min}, got {value}.', values) : t('{name} must be a whole number in [{min}, {max}], got {value}.', values),
    );
  }
}

/** Throws `invalid-rate` unless `value` is finite and within [min, max] (or (min, max] when `openMin`). */
export function requireRate(value: number, name: string, min: number, max: number, openMin = false): void {
  const ok = typeof value === 'number' && Number.isFinite(value) && (openMin ? value > min : value >= min) && value <= max;
  if (!ok) {
    const values = { name, min: String(min), max: String(max), value: String(value) };
    throw new EngineError('invalid-rate', openMin ? t('{name} must be a number in ({min}, {max}], got {value}.', values) : t('{name} must be a number in [{min}, {max}], got {value}.', values));
  }
}
