// How an integration test prints a line of its own (a measurement, a hint) into the mocha report.
// VS Code locks `console` in the extension host (its methods cannot be reassigned) and code-server
// forwards it only to the browser, so the runner's report file is the one place everybody reads.
import { appendFileSync } from 'node:fs';
import { format } from 'node:util';

export function log(...args: unknown[]): void {
  const report = process.env.NN_INTEGRATION_REPORT;
  if (report) appendFileSync(report, `${format(...args)}\n`);
  else console.log(...args);
}
