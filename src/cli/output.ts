// Where the CLI writes, abstracted so tests can capture it and the progress bar knows whether it
// talks to a terminal.

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bar). */
  interactive: boolean;
  /** Redraws the progress line in place (terminals only). */
  progress?(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
  progress: (text) => process.stderr.write(`\r${text}`),
};
