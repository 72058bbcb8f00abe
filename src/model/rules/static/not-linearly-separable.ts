// Theory §2: a perceptron (no hidden layer) draws one line (hyperplane); Minsky showed it cannot
// solve XOR. Known for generators; for small inline data the rule runs the perceptron algorithm,
// which converges exactly when the classes are linearly separable.

import { t } from '../../../shared/l10n';
import { addHiddenLayerFix, compactFixes } from '../../fixes';
import { problem } from '../../semantic';
import type { StaticRule } from '../rule';

export const notLinearlySeparable: StaticRule = {
  code: 'not-linearly-separable',
  severity: 'warning',
  summary: 'No hidden layer on data that one line cannot separate (xor, circle, spiral, moons, …).',
  check({ spec, facts, locations, src }) {
    if (spec.layers.length !== 1 || facts.linearlySeparable !== false) return [];
    const name = spec.data.kind === 'generator' ? `"${spec.data.generator}"` : t('this data');
    const message =
      facts.task === 'regression'
        ? t('Without a hidden layer the network is ŷ = f(w·x + b): it can only follow a straight line (or plane) through {name}, which is curved. Add a hidden layer with a non-linear activation.', { name })
        : t(`Without a hidden layer the network is f(w·x + b): it separates the classes with one straight line, and no line separates {name} (Minsky and Papert's XOR argument). Add a hidden layer with a non-linear activation.`, { name });
    return [problem({ locations }, 'not-linearly-separable', 'warning', 'static', message, 'layers', { layer: 0, fixes: compactFixes(addHiddenLayerFix(src, spec)) })];
  },
};
