// Theory §15: dropout randomly silences units so the network cannot rely on any single one.
// That is a regulariser for hidden units; dropping the output units drops the prediction itself,
// so the loss is computed on a randomly blanked answer.

import { formatNumber, formatPercent, t } from '../../../shared/l10n';
import { setValueEdit } from '../../fixes';
import { problem } from '../../semantic';
import type { StaticRule } from '../rule';

export const dropoutOnOutput: StaticRule = {
  code: 'dropout-on-output',
  severity: 'warning',
  summary: 'Dropout on the output layer blanks the prediction itself.',
  check({ spec, locations, src }) {
    const last = spec.layers.length - 1;
    const p = spec.layers[last].dropout ?? 0;
    if (p <= 0) return [];
    const message = t(
      `Dropout {p} on the output layer zeroes {share} of the network's answers while training, so the loss scores a randomly blanked prediction. Dropout regularises hidden layers (no unit can be relied on); put it there and leave the output at 0.`,
      { p: formatNumber(p), share: formatPercent(p) },
    );
    const edit = setValueEdit(src, ['layers', last, 'dropout'], '0');
    return [
      problem({ locations }, 'dropout-on-output', 'warning', 'static', message, `layers.${last}.dropout`, {
        layer: last,
        fixes: edit !== undefined ? [{ title: t('Remove dropout from the output layer'), edits: [edit] }] : [],
      }),
    ];
  },
};
