// The engine's one error type. Callers (the model loader, the CLI, the worker) show `message` to a
// person and branch on `code`, so every check in the engine throws this rather than a bare Error.

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

/** Throws `invalid-config` unless `value` is a whole number in [min, max]. */
export function requireInteger(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new EngineError('invalid-config', `${name} must be a whole number ${range}, got ${String(value)}.`);
  }
}

/** Throws `invalid-rate` unless `value` is finite and within [min, max] (or (min, max] when `openMin`). */
export function requireRate(value: number, name: string, min: number, max: number, openMin = false): void {
  const ok = typeof value === 'number' && Number.isFinite(value) && (openMin ? value > min : value >= min) && value <= max;
  if (!ok) {
    const lower = openMin ? `(${min}` : `[${min}`;
    throw new EngineError('invalid-rate', `${name} must be a number in ${lower}, ${max}], got ${String(value)}.`);
  }
}
