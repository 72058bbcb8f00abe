// Hovers that teach. On a layer: its first unit's formula with the live weights, weight and
// gradient statistics, the saturated/dead share, and a chart of the activation with the current
// pre-activations marked. On activation/loss/init/dropout/regularization/learningRate: the
// theory (lessons.ts) tied to this model's current values, and on loss/regularization the latest
// theory numbers of the run (theory-hover.ts).

import * as vscode from 'vscode';
import type { LayerHealth } from '../engine/health-types';
import type { DataFacts, ModelSpec } from '../model/spec';
import type { TrainingSession } from '../session/session-api';
import { activationChartSvg, CHART_HEIGHT, CHART_WIDTH, svgDataUri } from './activation-chart';
import { COMMANDS } from './commands-ids';
import { formatNumber, markdownPercent, unitFormula, unitSymbol } from './format';
import {
  activationDefinition,
  activationLesson,
  dropoutLesson,
  initLesson,
  initSaturationSentence,
  learningRateLesson,
  lossLesson,
  regularizationLesson,
  type LessonContext,
  type LessonKey,
} from './lessons';
import { layerAt, lessonOfPath, pathAt } from './locate';
import { MODEL_SELECTOR } from './model-documents';
import { toDocumentRange } from './ranges';
import type { DocumentSessions } from './session-registry';
import { layerHealth } from './session-view';
import { theoryHoverLines } from './theory-hover';
import { t, tn } from '../shared/l10n';

export class ModelHovers implements vscode.HoverProvider {
  static register(context: vscode.ExtensionContext, registry: DocumentSessions): ModelHovers {
    const provider = new ModelHovers(registry);
    context.subscriptions.push(vscode.languages.registerHoverProvider(MODEL_SELECTOR, provider));
    return provider;
  }

  constructor(private readonly registry: DocumentSessions) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const key = document.uri.toString();
    this.registry.flush(key);
    const session = this.registry.ensure(document);
    if (!session) return undefined;
    const { locations } = session.parse;
    const offset = document.offsetAt(position);
    const hit = pathAt(locations, offset);
    const lesson = hit ? lessonOfPath(hit.path) : undefined;
    if (hit && lesson) {
      const valueRange = locations.values[hit.path];
      const raw = valueRange ? rawValue(document.getText(toDocumentRange(document, valueRange))) : undefined;
      const lines = lessonLines(lesson.key, lesson.layer, session, raw);
      if (lines.length > 0) return new vscode.Hover(markdown(lines), toDocumentRange(document, hit.range));
    }
    const layer = layerAt(locations, offset);
    const spec = session.parse.spec;
    if (layer !== undefined && spec?.layers[layer]) {
      return new vscode.Hover(markdown(layerLines(session, spec, layer)), toDocumentRange(document, locations.layers[layer]));
    }
    return undefined;
  }
}

function rawValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function markdown(lines: string[]): vscode.MarkdownString {
  const text = new vscode.MarkdownString(lines.join('\n\n'));
  // Only our own Train command may run from a hover link; no HTML, no theme icons. User text (a CSV
  // column, a name written in the model) enters only through codeSpanText, so it cannot add links
  // or (remote) images.
  text.isTrusted = { enabledCommands: [COMMANDS.train] };
  text.supportHtml = false;
  text.supportThemeIcons = false;
  return text;
}

function lessonContext(session: TrainingSession, layer: number | undefined): LessonContext {
  const history = session.history;
  return {
    spec: session.parse.spec,
    facts: factsOf(session),
    health: session.latest?.health ?? null,
    last: history[history.length - 1],
    layer,
  };
}

/** What is known of the inputs: from the text, completed by the built data (a CSV's width). */
function factsOf(session: TrainingSession): DataFacts | undefined {
  const facts = session.parse.facts;
  const data = session.data;
  if (!data) return facts;
  return { ...facts, inputSize: facts?.inputSize ?? data.inputSize, featureNames: facts?.featureNames ?? data.featureNames };
}

function lessonLines(key: LessonKey, layer: number | undefined, session: TrainingSession, raw: unknown): string[] {
  const context = lessonContext(session, layer);
  const spec = context.spec;
  switch (key) {
    case 'activation': {
      const name = layer !== undefined ? (spec?.layers[layer]?.activation ?? raw) : raw;
      return typeof name === 'string' ? activationLesson(name, context) : [];
    }
    case 'loss': {
      const name = spec?.loss ?? raw;
      return typeof name === 'string' ? [...lossLesson(name, context), ...theoryHoverLines(session.latest)] : [];
    }
    case 'init': {
      const init = spec ? (layer !== undefined ? (spec.layers[layer]?.init ?? spec.init) : spec.init) : undefined;
      if (init) return initLesson(init, context);
      return initLesson({ distribution: 'gaussian' }, { ...context, spec: undefined }).slice(0, 1);
    }
    case 'dropout': {
      const probability = layer !== undefined ? (spec?.layers[layer]?.dropout ?? (typeof raw === 'number' ? raw : 0)) : typeof raw === 'number' ? raw : 0;
      return dropoutLesson(probability, context, spec?.training.dropoutMode);
    }
    case 'regularization': {
      const regularization = spec?.training.regularization;
      if (regularization) return [...regularizationLesson(regularization.type, regularization.lambda, spec.training.learningRate, context), ...theoryHoverLines(session.latest)];
      return regularizationLesson('', 0, undefined, context).slice(0, 1);
    }
    case 'learningRate': {
      const rate = spec?.training.learningRate ?? (typeof raw === 'number' ? raw : undefined);
      return rate === undefined ? [] : learningRateLesson(rate, context);
    }
  }
}

function inputNames(session: TrainingSession, layer: number, count: number): string[] {
  if (layer === 0) {
    const names = session.data?.featureNames ?? session.parse.facts?.featureNames;
    return Array.from({ length: count }, (_, i) => names?.[i] ?? `x${i + 1}`);
  }
  return Array.from({ length: count }, (_, i) => unitSymbol(layer - 1, i, false));
}

/** The first unit's formula with its current weights, when the snapshot carries parameters. */
function formulaLine(session: TrainingSession, spec: ModelSpec, layer: number): string {
  const isOutput = layer === spec.layers.length - 1;
  const config = spec.layers[layer];
  const output = unitSymbol(layer, 0, isOutput);
  const parameters = session.diagrams?.parameters?.layers[layer];
  if (parameters && parameters.units > 0 && parameters.biases.length > 0) {
    const weights = Array.from({ length: parameters.inputs }, (_, i) => parameters.weights[i * parameters.units]);
    const formula = unitFormula({ output, activation: config.activation, inputs: inputNames(session, layer, parameters.inputs), weights, bias: parameters.biases[0] });
    return config.units > 1
      ? t('`{formula}` — the first of {units} units, with its current weights', { formula, units: config.units })
      : t('`{formula}` — with its current weights', { formula });
  }
  const symbolic = `${output} = ${config.activation === 'linear' ? '' : config.activation}(Σᵢ wᵢ₁·${layer === 0 ? 'xᵢ' : 'hᵢ'} + b₁)`;
  return session.latest
    ? t('`{formula}` — the first unit (weights are sent only for small networks)', { formula: symbolic })
    : t('`{formula}` — the first unit (train to see its weights)', { formula: symbolic });
}

function statsTable(health: LayerHealth): string {
  // A row is `| name | value |`; each cell is a message of its own (a translator sees no table syntax).
  const row = (name: string, value: string) => `| ${name} | ${value} |`;
  const rows = [
    row(t('this layer'), t('now')),
    '|---|---|',
    row(t('weights'), t('mean {mean} · std {std} · ‖W‖ {norm}', { mean: formatNumber(health.weights.mean), std: formatNumber(health.weights.std), norm: formatNumber(health.weightNorm) })),
    row(t('biases'), t('mean {mean} · std {std}', { mean: formatNumber(health.biases.mean), std: formatNumber(health.biases.std) })),
    row(t('gradient'), t('‖∂L/∂W‖ {norm} · mean \\|∂L/∂W\\| {meanAbs}', { norm: formatNumber(health.gradNorm), meanAbs: formatNumber(health.gradMeanAbs) })),
    row(t('update ratio'), t('{ratio} (healthy near 1e-3)', { ratio: formatNumber(health.updateRatio) })),
  ];
  if (health.saturatedFraction !== null) rows.push(row(t('saturated'), t('{share} of pre-activations', { share: markdownPercent(health.saturatedFraction) })));
  if (health.deadFraction !== null) rows.push(row(t('dead'), t('{share} of units', { share: markdownPercent(health.deadFraction) })));
  const p = health.preActivations.percentiles;
  if (p.length === 9) {
    rows.push(row(t('pre-activations z'), t('median {median} · 86% within [{low}, {high}]', { median: formatNumber(p[4]), low: formatNumber(p[1]), high: formatNumber(p[7]) })));
  }
  return rows.join('\n');
}

function layerLines(session: TrainingSession, spec: ModelSpec, layer: number): string[] {
  const config = spec.layers[layer];
  const isOutput = layer === spec.layers.length - 1;
  const health = layerHealth(session, layer, config);
  const lines = [
    [
      t('**Layer {index} of {count}**', { index: layer + 1, count: spec.layers.length }),
      config.activation,
      `${tn(config.units, '{count} unit', '{count} units')} ${isOutput ? t('(output)') : t('(hidden)')}`,
      ...(session.latest ? [t('epoch {epoch}', { epoch: String(session.latest.epoch) })] : []),
    ].join(' · '),
    formulaLine(session, spec, layer),
  ];
  const definition = activationDefinition(config.activation);
  if (definition) lines.push(definition);
  // The chart first: it is what a glance at the hover should catch (the table may need scrolling).
  const svg = activationChartSvg(config.activation, health ? health.preActivations.percentiles : null);
  const legend = health
    ? t('curve: the activation; red: flat zones; orange: where this layer’s pre-activations lie now (median line, 68% and 86% bands)')
    : t('curve: the activation; red: its flat zones');
  const alt = t("{activation} with the layer's pre-activations", { activation: config.activation });
  lines.push(`![${alt}](${svgDataUri(svg)}|width=${CHART_WIDTH},height=${CHART_HEIGHT})`);
  lines.push(`*${legend}*`);
  if (health) {
    lines.push(statsTable(health));
  } else {
    const uri = encodeURIComponent(JSON.stringify([session.key]));
    lines.push(t('Not trained yet — [▶ Train]({link}) to see live numbers.', { link: `command:${COMMANDS.train}?${uri}` }));
    const prediction = initSaturationSentence(spec, layer, factsOf(session));
    if (prediction) lines.push(prediction);
  }
  return lines;
}
