// Small pieces of text shown to a person that are not sentences: an error's message, a file's name.

/** The message of anything thrown, without a stack trace (stack traces go to the output channel). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error); // cyclic objects, BigInt
  }
}

/** The last segment of a path or URI path: `spiral.nn.json` of `/a/b/spiral.nn.json`. */
export function fileName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
}
