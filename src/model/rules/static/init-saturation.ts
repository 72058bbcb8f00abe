// Theory §6 and §12: control the init's scale so that pre-activations do not start in the
// saturation zone (sigmoid |z| > 4.585…, tanh |z| > 2.993…, the engine's zones where the
// derivative is below 0.01: 1% of tanh's peak, 4% of sigmoid's; messages print 4.6 and 3.0). z = Σ wᵢxᵢ over fan_in inputs has z ~ N(0, fan_in·E[w²]·E[x²]), with E[x²] = 1 for
// standardised data and, deeper in, the previous layer's E[φ(z)²] (see init-scale.ts).
// An output sigmoid scored by cross-entropy is left out: there ∂L/∂z = ŷ − y does not vanish.

import { compactFixes, replaceInitFix } from '../../fixes';
import { describeInit, layerInits } from '../../init-scale';
import { problem } from '../../semantic';
import { twoSidedTail } from '../../stats';
import { formatNumber, formatPercent, t, tn } from '../../../shared/l10n';
import { THRESHOLDS } from '../../thresholds';
import { SATURATION_THRESHOLD, saturationLabel } from '../../vocabulary';
import type { StaticRule } from '../rule';

/** Predicted share of a layer's initial pre-activations beyond the saturation threshold. */
export function predictedSaturation(fanIn: number, secondMoment: number, threshold: number, inputSecondMoment = 1): { std: number; share: number } {
  const std = Math.sqrt(fanIn * secondMoment * inputSecondMoment);
  return { std, share: twoSidedTail(threshold, std) };
}

export const initSaturation: StaticRule = {
  code: 'init-saturation',
  severity: 'warning',
  summary: 'The init scale puts many sigmoid/tanh pre-activations in the saturation zone before training starts.',
  check({ spec, facts, locations, src }) {
    const inits = layerInits(spec, facts, locations.values['init'] !== undefined);
    if (inits === undefined) return [];
    const last = spec.layers.length - 1;
    const found = inits.flatMap((entry, i) => {
      const activation = spec.layers[i].activation;
      const threshold = SATURATION_THRESHOLD[activation];
      if (threshold === undefined) return [];
      if (i === last && spec.loss !== 'mse') return [];
      const { std, share } = predictedSaturation(entry.fanIn, entry.secondMoment, threshold, entry.inputSecondMoment);
      if (share < THRESHOLDS.initSaturationShare) return [];
      return [{ entry, i, activation, threshold, std, share }];
    });
    // One problem per init that causes it (several layers may share the network-wide init),
    // told with the worst layer's numbers.
    const byPath = new Map<string, (typeof found)[number][]>();
    for (const f of found) {
      const key = f.entry.path ?? `layers.${f.i}`;
      byPath.set(key, [...(byPath.get(key) ?? []), f]);
    }
    return [...byPath.entries()].map(([path, group]) => {
      const { entry, i, activation, threshold, std, share } = group.reduce((a, b) => (b.share > a.share ? b : a));
      const inputs =
        i === 0
          ? entry.inputSecondMoment === 1
            ? t('standardised inputs, E[x²] = 1')
            : t('inputs with E[x²] = {moment}', { moment: formatNumber(entry.inputSecondMoment) })
          : t(`layer {layer}'s outputs as inputs, E[h²] ≈ {moment}`, { layer: i, moment: formatNumber(entry.inputSecondMoment) });
      const others = group.filter((g) => g.i !== i).map((g) => g.i + 1);
      const also = others.length > 0 ? ` ${tn(others.length, 'Layer {layers} is affected too.', 'Layers {layers} are affected too.', { layers: others.join(', ') })}` : '';
      const derivative = activation === 'sigmoid' ? "σ'(z)" : "tanh'(z)";
      const args = { init: describeInit(entry.init), fanIn: entry.fanIn, inputs, layer: i + 1, variance: formatNumber(std * std), std: formatNumber(std), share: formatPercent(share), threshold: saturationLabel(threshold), activation, derivative };
      const message =
        (activation === 'sigmoid'
          ? t(
              `With {init}, fan-in {fanIn} and {inputs}, layer {layer}'s pre-activations start as z ~ N(0, fan_in·E[w²]·E[x²]) = N(0, {variance}), σ_z ≈ {std}: about {share} of them have |z| > {threshold}, the {activation} saturation zone where {derivative} < 0.01 (4% of its 0.25 peak), so their gradients all but vanish from the first step. A smaller scale such as xavier keeps σ_z near 1.`,
              args,
            )
          : t(
              `With {init}, fan-in {fanIn} and {inputs}, layer {layer}'s pre-activations start as z ~ N(0, fan_in·E[w²]·E[x²]) = N(0, {variance}), σ_z ≈ {std}: about {share} of them have |z| > {threshold}, the {activation} saturation zone where {derivative} < 0.01 (1% of its peak), so their gradients all but vanish from the first step. A smaller scale such as xavier keeps σ_z near 1.`,
              args,
            )) + also;
      const fixPath = entry.path?.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      return problem({ locations }, 'init-saturation', 'warning', 'static', message, path, {
        layer: i,
        fixes: compactFixes(fixPath !== undefined ? replaceInitFix(src, fixPath, 'xavier') : undefined),
      });
    });
  },
};
