// Quick fixes, computed from the text and its tree so that the editor only converts them to
// WorkspaceEdits. Each builder returns undefined when the text does not have the shape the fix
// needs (then the problem simply has no quick fix), never a fix that would break the JSON.

import { findNodeAtLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import type { ActivationName, InitDistribution } from '../engine/types';
import { isConstantInit } from './init-scale';
import type { ModelSpec, TextFix } from './spec';
import { LineIndex } from './text/line-index';
import { compactJson, formatNumber, insertArrayElementEdit, insertPropertyEdit, replaceEdit, type Edit, type TextSource } from './text/json-edits';
import { t } from '../shared/l10n/index';

export interface FixSource extends TextSource {
  readonly tree: Node | undefined;
}

export function fixSourceOf(text: string): FixSource {
  return { text, lines: new LineIndex(text), tree: parseTree(text, [], { allowTrailingComma: true }) };
}

function nodeAt(src: FixSource, path: JSONPath): Node | undefined {
  return src.tree === undefined ? undefined : findNodeAtLocation(src.tree, path);
}

/** Sets `path` (an object property) to `valueText`: replaces the value, or adds the property. */
export function setValueEdit(src: FixSource, path: JSONPath, valueText: string): Edit | undefined {
  const existing = nodeAt(src, path);
  if (existing !== undefined) return replaceEdit(src, existing, valueText);
  const parent = nodeAt(src, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent?.type !== 'object' || typeof key !== 'string') return undefined;
  return insertPropertyEdit(src, parent, key, valueText);
}

function fix(title: string, edits: (Edit | undefined)[]): TextFix | undefined {
  if (edits.some((e) => e === undefined) || edits.length === 0) return undefined;
  return { title, edits: edits as Edit[] };
}

export function setActivationFix(src: FixSource, layer: number, activation: ActivationName, why = ''): TextFix | undefined {
  return fix(`Use ${activation} in layer ${layer + 1}${why}`, [setValueEdit(src, ['layers', layer, 'activation'], JSON.stringify(activation))]);
}

export function setLossFix(src: FixSource, loss: string): TextFix | undefined {
  return fix(`Use the ${loss} loss`, [setValueEdit(src, ['loss'], JSON.stringify(loss))]);
}

export function setOptimizerFix(src: FixSource, optimizer: string): TextFix | undefined {
  const training = nodeAt(src, ['training']);
  if (training === undefined) {
    const root = src.tree;
    if (root?.type !== 'object') return undefined;
    return fix(`Use the ${optimizer} optimizer`, [insertPropertyEdit(src, root, 'training', compactJson({ optimizer }))]);
  }
  return fix(`Use the ${optimizer} optimizer`, [setValueEdit(src, ['training', 'optimizer'], JSON.stringify(optimizer))]);
}

/** Lowers the learning rate tenfold (adds it to `training` when the default was in use). */
export function lowerLearningRateFix(src: FixSource, spec: ModelSpec): TextFix | undefined {
  const lower = formatNumber(spec.training.learningRate / 10);
  const title = t('Lower the learning rate 10× ({from} → {to})', { from: formatNumber(spec.training.learningRate), to: lower });
  if (nodeAt(src, ['training']) === undefined) {
    if (src.tree?.type !== 'object') return undefined;
    return fix(title, [insertPropertyEdit(src, src.tree, 'training', compactJson({ learningRate: Number(lower) }))]);
  }
  return fix(title, [setValueEdit(src, ['training', 'learningRate'], lower)]);
}

/** Replaces an init (network-wide or a layer's) with a named distribution. */
export function replaceInitFix(src: FixSource, path: JSONPath, distribution: InitDistribution): TextFix | undefined {
  const where = path.length === 1 ? 'the network' : `layer ${Number(path[1]) + 1}`;
  return fix(`Initialise ${where} with ${distribution}`, [setValueEdit(src, path, JSON.stringify(distribution))]);
}

/**
 * Inserts a tanh hidden layer before the output layer; a single threshold unit trained by the
 * perceptron rule also becomes a sigmoid unit trained by sgd, since the perceptron rule cannot
 * train hidden layers.
 */
export function addHiddenLayerFix(src: FixSource, spec: ModelSpec, units = 4): TextFix | undefined {
  const layers = nodeAt(src, ['layers']);
  if (layers?.type !== 'array') return undefined;
  const outputIndex = spec.layers.length - 1;
  const edits: (Edit | undefined)[] = [insertArrayElementEdit(src, layers, outputIndex, compactJson({ units, activation: 'tanh' }))];
  const output = spec.layers[outputIndex];
  if (output.activation === 'sign' || output.activation === 'step') {
    edits.push(setValueEdit(src, ['layers', outputIndex, 'activation'], JSON.stringify(output.units > 1 ? 'softmax' : 'sigmoid')));
  }
  if (spec.training.optimizer === 'perceptron') edits.push(setValueEdit(src, ['training', 'optimizer'], JSON.stringify('sgd')));
  // A perceptron classically starts at zero; with a hidden layer that would keep its units identical.
  if (isConstantInit(spec.init) && nodeAt(src, ['init']) !== undefined) edits.push(setValueEdit(src, ['init'], JSON.stringify('xavier')));
  if (output.init !== undefined && isConstantInit(output.init)) edits.push(setValueEdit(src, ['layers', outputIndex, 'init'], JSON.stringify('xavier')));
  return fix(t('Add a hidden layer of {units} tanh units', { units: String(units) }), edits);
}

export function addRegularizationFix(src: FixSource, lambda = 0.001): TextFix | undefined {
  const value = compactJson({ type: 'l2', lambda });
  const title = `Add L2 regularisation (λ = ${lambda})`;
  if (nodeAt(src, ['training']) === undefined) {
    if (src.tree?.type !== 'object') return undefined;
    return fix(title, [insertPropertyEdit(src, src.tree, 'training', compactJson({ regularization: { type: 'l2', lambda } }))]);
  }
  return fix(title, [setValueEdit(src, ['training', 'regularization'], value)]);
}

export function setUnitsFix(src: FixSource, layer: number, units: number): TextFix | undefined {
  return fix(`Give layer ${layer + 1} ${units} unit${units === 1 ? '' : 's'}`, [setValueEdit(src, ['layers', layer, 'units'], String(units))]);
}

export function compactFixes(...fixes: (TextFix | undefined)[]): TextFix[] {
  return fixes.filter((f): f is TextFix => f !== undefined);
}
