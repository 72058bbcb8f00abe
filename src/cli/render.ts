// What the CLI prints: problems as file:line:column lines (1-based, as editors and CI read them),
// the results table, the progress bar and the JSON shapes of the issue.

import type { Metrics } from '../engine/index';
import type { Problem } from '../model/index';
export { jsonProblems, type JsonProblem } from '../run/json-problems';

/** `examples/xor.nn.json:6:32: warning [linear-collapse] …` */
export function problemLine(file: string, p: Problem): string {
  return `${file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} [${p.code}] ${p.message}`;
}

export function problemLines(file: string, problems: readonly Problem[]): string {
  return problems.map((p) => problemLine(file, p)).join('\n');
}

/** Metrics as the JSON output has them: loss (the cost, mean loss over the split), accuracy for classification. */
export function jsonMetrics(metrics: Metrics | null | undefined, classification: boolean): { loss: number | null; accuracy?: number | null } | null {
  if (metrics === null || metrics === undefined) return null;
  const loss = Number.isFinite(metrics.cost) ? metrics.cost : null;
  if (!classification) return { loss };
  return { loss, accuracy: metrics.accuracy !== undefined && Number.isFinite(metrics.accuracy) ? metrics.accuracy : null };
}

function cell(value: number | undefined, kind: 'loss' | 'accuracy'): string {
  if (value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  return kind === 'accuracy' ? `${(value * 100).toFixed(1)}%` : value.toPrecision(4);
}

export function resultsTable(rows: { split: string; metrics: Metrics | null | undefined }[], classification: boolean): string {
  const header = ['', 'loss', ...(classification ? ['accuracy'] : [])];
  const body = rows.map(({ split, metrics }) => [split, metrics ? cell(metrics.cost, 'loss') : '—', ...(classification ? [metrics ? cell(metrics.accuracy, 'accuracy') : '—'] : [])]);
  const widths = header.map((_, c) => [header, ...body].reduce((widest, r) => Math.max(widest, r[c].length), 0));
  return [header, ...body].map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('   ').trimEnd()).join('\n');
}

/** `[#########-----------]  45/300  loss 0.2310` */
export function progressBar(epoch: number, epochs: number, loss: number, width = 30): string {
  const filled = Math.round((epoch / Math.max(1, epochs)) * width);
  const digits = String(epochs).length;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(epoch).padStart(digits)}/${epochs}  loss ${Number.isFinite(loss) ? loss.toPrecision(4) : String(loss)}`;
}
