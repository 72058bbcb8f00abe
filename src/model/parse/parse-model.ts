// `.nn.json` text → ParseResult. Stages, each run only when the one before found no error:
// syntax and field-by-field reading (always, so hovers and lenses have locations even in a broken
// file) → checks across fields (output width, loss vs output, optimiser vs activations) → the
// static lint rules. A later stage would only repeat an earlier error in other words.

import { createScanner, parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';
import { LOSSES, type LossName } from '../../engine/types';
import { t } from '../../shared/l10n/index';
import { dataFacts, plainDataFacts } from '../data-facts';
import { FEATURE_MESSAGES } from '../../engine/feature-messages';
import { DEFAULTS } from '../defaults';
import { checkArchitecture, checkOutputAgainstFacts, type CheckContext } from '../semantic';
import type { DataFacts, LayerSpec, ModelSpec, ParseResult } from '../spec';
import { runStaticRules } from '../rules/static';
import { ALL_DATA_KEYS, LAYER_KEYS, TOP_LEVEL_KEYS, TRAINING_KEYS } from '../vocabulary';
import { MAX_UNKNOWN_FIELDS_LISTED, ParseContext } from './context';
import { readObject } from './object-view';
import { readData } from './read-data';
import { readInit } from './read-init';
import { readLayers } from './read-layers';
import { readTraining } from './read-training';
import { reportSyntaxErrors, SYNTAX_ERROR } from './syntax';

const MAX_SEED = 2 ** 32 - 1;

/** The loss when none is written: cross-entropy for probabilistic outputs, else squared error. */
export function defaultLoss(layers: LayerSpec[]): LossName {
  const output = layers[layers.length - 1]?.activation;
  return output === 'softmax' || output === 'sigmoid' ? 'cross-entropy' : 'mse';
}

export interface ParseOptions {
  /** Run the static lint rules (default true). Errors are always reported. */
  lint?: boolean;
}

/** Deeper nesting than any model needs; beyond it the recursive JSON parser could exhaust the stack. */
const MAX_NESTING = 256;

/** The offset of the first bracket nested deeper than MAX_NESTING, found with the (iterative) scanner. */
function tooDeep(text: string): number | undefined {
  // Cheap and exact shortcut: with no more opening brackets in the whole text than the limit, no
  // nesting can pass it, and the scanner's second pass over megabytes of strings is saved.
  if (count(text, '{') + count(text, '[') <= MAX_NESTING) return undefined;
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SCAN_EOF; token = scanner.scan()) {
    if (token === SCAN_OPEN_BRACE || token === SCAN_OPEN_BRACKET) {
      if (++depth > MAX_NESTING) return scanner.getTokenOffset();
    } else if (token === SCAN_CLOSE_BRACE || token === SCAN_CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return undefined;
}
function count(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at !== -1 && n <= MAX_NESTING; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values here.
const SCAN_OPEN_BRACE = 1;
const SCAN_CLOSE_BRACE = 2;
const SCAN_OPEN_BRACKET = 3;
const SCAN_CLOSE_BRACKET = 4;
const SCAN_EOF = 17;

function parseUnguarded(text: string, options: ParseOptions): ParseResult {
  const ctx = new ParseContext(text);
  const deep = tooDeep(text);
  if (deep !== undefined) {
    ctx.error(SYNTAX_ERROR, t('Nested more than {levels} levels deep here: a model needs only a few levels of { } and [ ].', { levels: String(MAX_NESTING) }), ctx.lines.range(deep, 1));
    return { problems: ctx.problems, locations: ctx.locations, text };
  }
  const errors: ParseError[] = [];
  const root: Node | undefined = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const blank = root === undefined && stripComments(text).trim() === '' && errors.every((e) => printParseErrorCode(e.error) === 'ValueExpected');
  if (!blank) reportSyntaxErrors(ctx, errors);
  const result = (facts?: DataFacts, spec?: ModelSpec): ParseResult => {
    reportUnlisted(ctx);
    return resultOf(facts, spec);
  };
  const resultOf = (facts?: DataFacts, spec?: ModelSpec): ParseResult => ({
    problems: ctx.problems,
    locations: ctx.locations,
    text,
    ...(facts !== undefined ? { facts } : {}),
    ...(spec !== undefined ? { spec } : {}),
  });

  if (root === undefined) {
    if (!ctx.syntaxBroken) {
      ctx.error('empty-model', t('The file is empty. A model is one object: { "data": { "generator": "xor" }, "layers": [{ "units": 4 }, { "units": 1 }] }.'), ctx.lines.range(0, 0));
    }
    return result();
  }
  ctx.locations.root = ctx.rangeOf(root);
  const view = readObject(ctx, root, '', TOP_LEVEL_KEYS, t('the model'), {
    elsewhere: { training: TRAINING_KEYS, data: ALL_DATA_KEYS, 'each layer': LAYER_KEYS },
  });
  if (view === undefined) return result();
  const start = ctx.lines.range(root.offset, Math.min(1, root.length));

  const name = view.string('name', t('what this model shows')) ?? DEFAULTS.name;
  const seed = view.number('seed', { integer: true, min: 0, max: MAX_SEED, rangeCode: 'rate-out-of-range', meaning: t('seeds the one random generator behind init, shuffling and dropout') });

  const dataNode = view.value('data');
  const data = dataNode !== undefined ? readData(ctx, dataNode) : undefined;
  if (dataNode === undefined) ctx.missing(t('The model has no "data": say where the samples come from, e.g. "data": { "generator": "xor", "samples": 200 }.'), start, { path: 'data' });
  const facts = data !== undefined ? dataFacts(data) : undefined;
  const planeWidth = data?.inputFeatures !== undefined ? plainDataFacts(data).inputSize : undefined;
  if (planeWidth !== undefined && planeWidth !== 2) {
    ctx.error('input-features-not-2d', FEATURE_MESSAGES.notPlane({ inputs: planeWidth }), ctx.locations.keys['data.inputFeatures'] ?? start, { path: 'data.inputFeatures' });
  }

  const layersNode = view.value('layers');
  const layers = layersNode !== undefined ? readLayers(ctx, layersNode, facts) : undefined;
  if (layersNode === undefined) {
    ctx.missing(t('The model has no "layers": list the hidden layers, then the output layer, e.g. "layers": [{ "units": 4, "activation": "tanh" }, { "units": 1, "activation": "sigmoid" }].'), start, {
      path: 'layers',
    });
  }
  const loss = view.name('loss', LOSSES, 'unknown-loss', 'loss', {
    explain: t('mse: Σ(y − ŷ)²/n for regression; cross-entropy: −Σ p·log q for classification.'),
  });
  const initNode = view.value('init');
  const init = initNode !== undefined ? readInit(ctx, initNode, 'init') : { ...DEFAULTS.init };
  const training = readTraining(ctx, view.value('training'));

  if (ctx.hasErrors || data === undefined || facts === undefined || layers === undefined || init === undefined || training === undefined) return result(facts);
  if (view.has('loss') && loss === undefined) return result(facts);

  const spec: ModelSpec = { name, seed: seed ?? DEFAULTS.seed, data, layers, loss: loss ?? defaultLoss(layers), init, training };
  const check: CheckContext = { spec, facts, locations: ctx.locations, src: { text, lines: ctx.lines, tree: root } };
  const semantic = [...checkArchitecture(check), ...checkOutputAgainstFacts(check)];
  for (const problem of semantic) ctx.problems.push(problem);
  if (semantic.some((p) => p.severity === 'error')) return result(facts);
  if (options.lint !== false) for (const problem of runStaticRules(check)) ctx.problems.push(problem);
  return result(facts, spec);
}

/** One warning for the unknown fields past MAX_UNKNOWN_FIELDS_LISTED, on the first of them. */
function reportUnlisted(ctx: ParseContext): void {
  const more = ctx.unknownFields - MAX_UNKNOWN_FIELDS_LISTED;
  if (more <= 0 || ctx.firstUnlisted === undefined) return;
  ctx.warning('unknown-field', t('{more} more fields, from this one on, are not fields of the format either, so they are ignored; only the first {listed} unknown fields are listed one by one.', { more: String(more), listed: String(MAX_UNKNOWN_FIELDS_LISTED) }), ctx.firstUnlisted);
  ctx.firstUnlisted = undefined;
}

/** Never throws: an unexpected failure becomes an `internal-error` problem (the fuzz test checks there are none). */
export function parseModel(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return parseUnguarded(typeof text === 'string' ? text : String(text), options);
  } catch (error) {
    const ctx = new ParseContext(typeof text === 'string' ? text : '');
    ctx.error('internal-error', t('The model could not be read ({reason}). This is a bug in NN Playground; please report it with the file.', { reason: error instanceof Error ? error.message : String(error) }), ctx.lines.range(0, 0));
    return { problems: ctx.problems, locations: ctx.locations, text: ctx.text };
  }
}
