// The hover's table of the theory numbers (on `loss` and `regularization`): the latest the worker
// measured for this model's run, with the epoch they were measured at, in the words and formats
// of the panel's "Loss vs cost" view (the same view-model rows). Nothing when none were measured.
// Free of `vscode`, so the table is unit-tested.

import type { Snapshot } from '../shared/protocol/snapshot';
import { informationRows, measuredCaption, objectiveRows, reportSplits, splitLabel } from '../shared/view-models/theory-view';
import { formatNumber, t } from '../shared/l10n';

/** Markdown lines (a heading and a table), or none when the run has no theory numbers yet. */
export function theoryHoverLines(latest: Snapshot | null): string[] {
  const measurement = latest?.theory;
  if (!measurement) return [];
  const report = measurement.report;
  const splits = reportSplits(report);
  const row = (name: string, values: string[]) => `| ${name} | ${values.join(' | ')} |`;
  const objectives = objectiveRows(report);
  const rows = [
    row(t('**Loss vs cost**'), splits.map((s) => splitLabel(s.split))),
    `|---|${splits.map(() => '---:').join('|')}|`,
    row(t('cost (mean loss)'), objectives.map((r) => r.cost)),
    row(t('median · max per-sample loss'), splits.map((s) => `${formatNumber(s.numbers.losses.median)} · ${formatNumber(s.numbers.losses.max)}`)),
    row(t('regularisation term'), objectives.map((r) => r.regularization)),
    row(t('objective'), objectives.map((r) => r.objective)),
  ];
  const information = informationRows(report);
  if (information.length === splits.length) {
    rows.push(row('H(p, q) = H(p) + KL(p‖q)', information.map((r) => `${r.crossEntropy} = ${r.labelEntropy} + ${r.kl}`)));
    rows.push(row(t('H(q), of the predictions'), information.map((r) => r.predictionEntropy)));
  }
  return [measuredCaption(measurement, latest.epoch), rows.join('\n')];
}
