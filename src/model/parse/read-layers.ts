// `layers`: the hidden layers then the output layer, each `{ units, activation, dropout?, init? }`.
// The input layer is not written: its width is the data's number of features.

import type { Node } from 'jsonc-parser';
import { ACTIVATIONS, type ActivationName } from '../../engine/types';
import { DEFAULTS } from '../defaults';
import type { DataFacts, LayerSpec } from '../spec';
import { LAYER_KEYS } from '../vocabulary';
import type { ParseContext } from './context';
import { describeValue, joinPath, readObject } from './object-view';
import { readInit } from './read-init';
import { readHandSet } from './read-hand-set';
import { t } from '../../shared/l10n/index';

const activationExplain = (): string =>
  t('sigmoid and tanh squash (and saturate for large |z|), relu passes positives only, linear adds no non-linearity, sign/step are the perceptron\'s threshold, softmax turns the output layer into class probabilities.');

/** The most layers a model may list: every check and the health report are per layer. */
export const MAX_LAYERS = 1_000;

/** The output activation when none is written: what the data's task asks for. */
function defaultOutputActivation(facts: DataFacts | undefined, units: number): ActivationName | undefined {
  if (facts?.task === 'regression') return 'linear';
  if (facts?.task === 'classification') return units === 1 ? 'sigmoid' : 'softmax';
  return undefined;
}

export function readLayers(ctx: ParseContext, node: Node, facts: DataFacts | undefined): LayerSpec[] | undefined {
  if (node.type !== 'array') {
    ctx.error('wrong-type', t('"layers" must be a list of layers, like [{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }]; found {found}.', { found: describeValue(node) }), node, {
      path: 'layers',
    });
    return undefined;
  }
  const items = node.children ?? [];
  if (items.length === 0) {
    ctx.error('empty-layers', t('A network needs at least an output layer: list the hidden layers, then the output layer, e.g. [{ "units": 1, "activation": "sigmoid" }].'), node, {
      path: 'layers',
    });
    return undefined;
  }
  if (items.length > MAX_LAYERS) {
    ctx.error('too-many-layers', t('"layers" lists {layers} layers; at most {max} are supported (the deepest lesson needs a handful).', { layers: String(items.length), max: String(MAX_LAYERS) }), node, { path: 'layers' });
    return undefined;
  }
  const layers: LayerSpec[] = [];
  let complete = true;
  /** Each layer's units as read (undefined when unreadable): the fan-in of the layer after it. */
  const widths: (number | undefined)[] = [];
  items.forEach((item, index) => {
    const path = joinPath('layers', index);
    ctx.locations.layers[index] = ctx.rangeOf(item);
    ctx.locations.values[path] = ctx.rangeOf(item);
    const isOutput = index === items.length - 1;
    const what = isOutput ? t('the output layer') : t('hidden layer {number}', { number: String(index + 1) });
    const view = readObject(ctx, item, path, LAYER_KEYS, what, { layer: index, keyName: t('Each layer') });
    if (view === undefined) {
      complete = false;
      return;
    }
    const units = view.number('units', { integer: true, min: 1, rangeCode: 'non-positive-size', meaning: t('the number of neurons in {layer}', { layer: what }) }, { layer: index });
    widths[index] = units;
    if (!view.has('units')) {
      ctx.missing(t('Say how many neurons {layer} has, e.g. "units": {units}.', { layer: what, units: isOutput ? '1' : '4' }), item, { layer: index, path: joinPath(path, 'units') });
    }
    let activation = view.name('activation', ACTIVATIONS, 'unknown-activation', 'activation', { layer: index, explain: activationExplain() });
    if (!view.has('activation') && units !== undefined) {
      activation = isOutput ? defaultOutputActivation(facts, units) : DEFAULTS.hiddenActivation;
      if (activation === undefined && facts !== undefined) {
        ctx.missing(
          t(`Say the output layer's "activation": this data's task (classes or numbers) is known only once the CSV is read. Use "softmax" (or "sigmoid" for one unit) for classes, "linear" for numbers.`),
          item,
          { layer: index, path: joinPath(path, 'activation') },
        );
      }
    }
    const dropout = view.number(
      'dropout',
      {
        min: 0,
        max: 1,
        maxExclusive: true,
        rangeCode: 'rate-out-of-range',
        meaning: t('the probability of dropping each unit while training'),
        why: t('A drop probability of 1 would silence the layer entirely.'),
      },
      { layer: index },
    );
    const initNode = view.value('init');
    const init = initNode !== undefined ? readInit(ctx, initNode, joinPath(path, 'init'), index) : undefined;
    const fanIn = index === 0 ? facts?.inputSize : widths[index - 1];
    const handSet = readHandSet(ctx, view, { layer: index, what, units, fanIn });
    if (units === undefined || activation === undefined || (initNode !== undefined && init === undefined) || handSet === undefined) {
      complete = false;
      return;
    }
    const layer: LayerSpec = { units, activation, dropout: dropout ?? DEFAULTS.dropout };
    if (init !== undefined) layer.init = init;
    if (handSet.weights !== undefined) layer.weights = handSet.weights;
    if (handSet.biases !== undefined) layer.biases = handSet.biases;
    if (handSet.trainable !== undefined) layer.trainable = handSet.trainable;
    layers.push(layer);
  });
  return complete ? layers : undefined;
}
