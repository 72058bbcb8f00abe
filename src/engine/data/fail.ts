// Every data problem is the user's input, not a bug: one typed error, code `invalid-data`, whose
// message names the row and column (or line) so the model loader can show it as is.

import { EngineError } from '../errors';

export function fail(message: string): never {
  throw new EngineError('invalid-data', message);
}
