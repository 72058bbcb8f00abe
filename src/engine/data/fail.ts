// Every data problem is the user's input, not a bug: one typed error, code `invalid-data`, whose
// message names the row and column (or line) so the model loader can show it as is.

import { EngineError } from '../errors';

export function fail(message: string): never {
  throw new EngineError('invalid-data', message);
}

/**
 * The data contradicts the data section's `"task"`: the same error, marked with the field to
 * fix (`field: 'task'`) so the model loader can put it on that field rather than on the file.
 */
export function failOnTask(message: string): never {
  throw Object.assign(new EngineError('invalid-data', message), { field: 'task' as const });
}
