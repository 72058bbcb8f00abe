// The exported program, written as parts: each part is a piece of Python and a short text saying
// what it is and which lesson of the theory it carries. The `.py` joins the parts; the notebook
// puts each in a code cell after its text in a markdown cell. Only torch and the standard library.
//
// Choices that make the script reproduce our run (and why):
//   - the data is embedded as the engine split it, raw, and standardised in the script with the
//     training split's statistics: the same IEEE operations give the same numbers;
//   - the initial weights are embedded (not re-drawn): Box–Muller's log/cos/sin may differ in the
//     last bit between V8 and Python's libm, which an exact reproduction cannot allow;
//   - the seeded generator (sfc32 + splitmix32) is rewritten in Python rather than writing out
//     every epoch's permutation: its integer arithmetic is exact in both languages, the script
//     stays small whatever the epochs, and it also yields the dropout masks, which would otherwise
//     be rows × units numbers per batch.

import type { ActivationName } from '../engine/index';
import { BLOWUP_FLOOR, BLOWUP_RATIO } from '../run/divergence';
import { pytorchActivation } from './pytorch-activations';
import type { ExportPlan } from './plan';
import { FEATURE_MESSAGES } from '../engine/feature-messages';
import { pyComment, pyList, pyNumber, pyString, pyTable, pyValue } from './python-text';
import { t } from '../shared/l10n/index';

export interface ScriptPart {
  id: 'header' | 'generator' | 'data' | 'model' | 'weights' | 'loss' | 'optimizer' | 'training' | 'run';
  /** Markdown: what the part is, and the lesson it carries. */
  text: string;
  code: string;
}

const SEQUENTIAL_INDENT = '        ';

/** A markdown cell's text: its heading, then its paragraph. */
function section(heading: string, paragraph: string): string {
  return `## ${heading}\n\n${paragraph}`;
}

/** Whole sentences one after the other, as the UI's language writes them ("A. B." / "甲。乙。"). */
function sentences(texts: readonly string[]): string {
  return texts.reduce((text, next) => t('{sentence} {next}', { sentence: text, next }));
}

function header(plan: ExportPlan, notebook: boolean): ScriptPart {
  const { spec, options } = plan;
  const training = options.training;
  const stem = plan.source.replace(/\.nn\.json$/i, '');
  const docText = (text: string) => text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
  const doc = notebook
    ? ''
    : `"""${docText(spec.name)}

${docText(t('Exported from NN Playground ({source}). Needs only PyTorch: pip install torch', { source: plan.source }))}

    python ${stem}.py                  # ${docText(t('the loss curve, then the results table'))}
    python ${stem}.py --json           # ${docText(t('the same object as nn-playground train --json'))}
    python ${stem}.py --dtype float32 --device cuda   # ${docText(t('faster, on a GPU'))}

${docText(t("In float64 (the default) it reproduces the playground's run: the same data, initial weights, batch\norder, dropout masks, loss and optimiser, so each epoch's loss matches to about 1e-15. (A chaotic\nrun, such as a deep saturating net, drifts apart after some epochs, as it would from itself with\none weight changed in its last bit.)"))}
"""
`;
  const code = `${doc}import argparse
import json
import math
import warnings

${pyComment(t('torch without NumPy warns about it on import; nothing here needs NumPy.'))}
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")
import torch  # noqa: E402
from torch import nn  # noqa: E402

MODEL_NAME = ${pyString(spec.name)}
SEED = ${pyNumber(options.seed)}
EPOCHS = ${training.epochs}
BATCH_SIZE = ${training.batchSize}
LEARNING_RATE = ${pyNumber(training.learningRate)}
${pyComment(t("The playground stops a run as diverged when an epoch's cost is not finite, or above\nmax(BLOWUP_RATIO x the cost before training, BLOWUP_FLOOR): past that it cannot recover."))}
BLOWUP_RATIO = ${pyNumber(BLOWUP_RATIO)}
BLOWUP_FLOOR = ${pyNumber(BLOWUP_FLOOR)}
${pyComment(t("float64 reproduces the playground's numbers; float32 is faster (a GPU's natural type)."))}
DTYPE = torch.${plan.dtype}`;
  return {
    id: 'header',
    text: section(
      t('Settings'),
      t("The model's hyperparameters as the playground read them from `{source}`, with every default filled in. `DTYPE` is float64 so the numbers match the playground's to the last digits; float32 trades that for speed.", { source: plan.source }),
    ),
    code,
  };
}

function generator(): ScriptPart {
  const code = `class PlaygroundRng:
    """The playground's one seeded generator, bit for bit: sfc32, its four words filled by splitmix32.

    The playground draws from it, in order: the initial weights (embedded below, so only skipped
    here), then in every epoch the shuffle of the training rows and the dropout masks. Its 32-bit
    integer arithmetic is exact in Python, so the same seed gives the same batches and masks.
    """

    def __init__(self, seed):
        whole = math.trunc(seed)
        # Fractions and sign are folded into 32 bits, not dropped.
        state = (whole ^ math.trunc((seed - whole) * 4294967296) ^ (0x5BD1E995 if seed < 0 else 0)) & 0xFFFFFFFF
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B9) & 0xFFFFFFFF
            z = state
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & 0xFFFFFFFF
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & 0xFFFFFFFF
            words.append((z ^ (z >> 16)) & 0xFFFFFFFF)
        self.a, self.b, self.c, self.d = words
        # A few rounds so the first outputs do not mirror the seeding function.
        self.uniforms(12)

    def uniforms(self, count):
        """count numbers, uniform in [0, 1) with 32 bits of resolution."""
        a, b, c, d = self.a, self.b, self.c, self.d
        out = [0.0] * count
        for i in range(count):
            t = (a + b + d) & 0xFFFFFFFF
            d = (d + 1) & 0xFFFFFFFF
            a = b ^ (b >> 9)
            b = (c + (c << 3)) & 0xFFFFFFFF
            c = ((((c << 21) | (c >> 11)) & 0xFFFFFFFF) + t) & 0xFFFFFFFF
            out[i] = t / 4294967296
        self.a, self.b, self.c, self.d = a, b, c, d
        return out

    def skip(self, count):
        while count > 0:
            chunk = min(count, 65536)
            self.uniforms(chunk)
            count -= chunk

    def permutation(self, n):
        """The training rows' order for one epoch: Fisher-Yates from the last position down."""
        order = list(range(n))
        draws = self.uniforms(max(n - 1, 0))
        for k, i in enumerate(range(n - 1, 0, -1)):
            j = int(draws[k] * (i + 1))
            order[i], order[j] = order[j], order[i]
        return order`;
  return {
    id: 'generator',
    text: section(
      t('The seeded generator'),
      t("*Same file, same curves.* Every random choice in the playground comes from one generator seeded by the model's `seed`. Rewritten here rather than storing every epoch's permutation: it is the same few lines whatever the number of epochs, and it also gives the dropout masks."),
    ),
    code,
  };
}

function data(plan: ExportPlan): ScriptPart {
  const { raw } = plan;
  const classification = raw.kind === 'classification';
  const inputs = raw.inputSize;
  const labels = (split: typeof raw.train) =>
    classification ? pyList(split.y.subarray(0, split.n)) : pyTable(split.y, split.n, raw.targetSize);
  const source = describeSource(plan);
  const stats = plan.standardization;
  // Counts as the code writes them (no grouping), so the comment and the text match the tables.
  const rows = { train: String(raw.train.n), test: String(raw.test.n) };
  const lines = [
    pyComment(
      t("{source}, split as the playground split it (seed {seed}): {train} training and {test} test rows,\nin the playground's order, with the raw feature values (before standardisation).", {
        source,
        seed: pyNumber(plan.options.seed),
        ...rows,
      }),
    ),
    `FEATURE_NAMES = ${pyValue(raw.featureNames)}`,
    ...(classification ? [`CLASS_NAMES = ${pyValue(raw.classNames ?? Array.from({ length: raw.classes }, (_, i) => String(i)))}`] : []),
    `TRAIN_FEATURES = ${pyTable(raw.train.x, raw.train.n, inputs)}`,
    `TRAIN_TARGETS = ${labels(raw.train)}`,
    `TEST_FEATURES = ${pyTable(raw.test.x, raw.test.n, inputs)}`,
    `TEST_TARGETS = ${labels(raw.test)}`,
  ];
  if (stats) {
    lines.push(
      pyComment(t("Standardised with the training split's mean and (population) standard deviation, applied to both splits.")),
      `FEATURE_MEAN = ${pyList(stats.mean)}`,
      `FEATURE_STD = ${pyList(stats.std)}`,
    );
  }
  lines.push('', encodingCode(plan), '', loadDataCode(plan));
  const split = stats
    ? t("{source}: {train} training rows and {test} test rows, exactly as the playground split them, then standardised with the training split's statistics (zero mean, unit variance), as the playground does.", { source, ...rows })
    : t('{source}: {train} training rows and {test} test rows, exactly as the playground split them.', { source, ...rows });
  const text = section(t('The data'), sentences([split, classification ? encodingText(plan) : t('The targets are values to fit (regression), used as they are.')]));
  return { id: 'data', text, code: lines.join('\n') };
}

function describeSource(plan: ExportPlan): string {
  const features = plan.spec.data.inputFeatures;
  const source = describeRawSource(plan);
  // The features are computed once, when the data is built: the script holds their values.
  return features === undefined ? source : FEATURE_MESSAGES.exportSource({ source, features: features.join(', ') });
}

function describeRawSource(plan: ExportPlan): string {
  const d = plan.spec.data;
  switch (d.kind) {
    case 'generator':
      return t('The "{generator}" generator\'s {samples} samples (noise {noise})', { generator: d.generator, samples: String(d.samples), noise: pyNumber(d.noise) });
    case 'dataset':
      return t('The bundled {dataset} data set', { dataset: d.dataset });
    case 'inline':
      return t("The model's {samples} inline samples", { samples: String(d.inputs.length) });
    case 'csv':
      return t('The rows of {path}', { path: d.path });
  }
}

function encodingText(plan: ExportPlan): string {
  const e = plan.encoding;
  if (e.kind === 'one-hot') return t('Each class becomes a one-hot row over the {classes} output units; the predicted class is the unit with the largest output.', { classes: String(e.classes) });
  if (e.kind === 'binary') {
    return t('The two classes become the targets {negative} and {positive} of the single output unit; an output above {threshold} predicts class 1.', {
      negative: pyNumber(e.negative),
      positive: pyNumber(e.positive),
      threshold: pyNumber(e.threshold),
    });
  }
  return '';
}

function encodingCode(plan: ExportPlan): string {
  const e = plan.encoding;
  switch (e.kind) {
    case 'one-hot':
      return `CLASSIFICATION = True


def encode(labels, dtype):
    """Class indices -> one-hot rows, one column per output unit."""
    return nn.functional.one_hot(labels, ${e.classes}).to(dtype)


def predicted_class(outputs):
    """The unit with the largest output (the first one on a tie, as the playground)."""
    return outputs.argmax(dim=1)`;
    case 'binary':
      return `CLASSIFICATION = True


def encode(labels, dtype):
    """Class 1 -> ${pyNumber(e.positive)}, class 0 -> ${pyNumber(e.negative)}: the single output unit's targets."""
    return torch.where(labels == 1, ${pyNumber(e.positive)}, ${pyNumber(e.negative)}).to(dtype).reshape(-1, 1)


def predicted_class(outputs):
    """Class 1 when the output is above ${pyNumber(e.threshold)}."""
    return (outputs[:, 0] > ${pyNumber(e.threshold)}).long()`;
    case 'values':
      return `CLASSIFICATION = False


def encode(values, dtype):
    """Regression: the targets are the values themselves."""
    return values.to(dtype)


predicted_class = None`;
  }
}

function loadDataCode(plan: ExportPlan): string {
  const classification = plan.raw.kind === 'classification';
  const inputs = plan.raw.inputSize;
  const standardise = plan.standardization
    ? `    mean = torch.tensor(FEATURE_MEAN, dtype=torch.float64)
    std = torch.tensor(FEATURE_STD, dtype=torch.float64)
`
    : '';
  const features = plan.standardization ? '((x - mean) / std)' : 'x';
  return `def load_data(dtype=DTYPE, device="cpu"):
    """The splits as tensors: features (standardised in float64 first), encoded targets and labels."""
${standardise}    splits = {}
    for name, rows, targets in (("train", TRAIN_FEATURES, TRAIN_TARGETS), ("test", TEST_FEATURES, TEST_TARGETS)):
        x = torch.tensor(rows, dtype=torch.float64).reshape(len(rows), ${inputs})
        labels = torch.tensor(targets, dtype=${classification ? 'torch.long' : 'torch.float64'})${classification ? '' : `.reshape(len(rows), ${plan.raw.targetSize})`}
        splits[name] = {
            "x": ${features}.to(device=device, dtype=dtype),
            "t": encode(labels, dtype).to(device),
            "labels": labels.to(device),
        }
    return splits`;
}

function layerActivations(plan: ExportPlan): ActivationName[] {
  return plan.options.network.layers.map((layer) => layer.activation);
}

function model(plan: ExportPlan): ScriptPart {
  const layers = plan.options.network.layers;
  const helpers = new Set(layerActivations(plan).map((a) => pytorchActivation(a).helper).filter((h) => h !== undefined));
  const hasDropout = layers.slice(0, -1).some((layer) => (layer.dropout ?? 0) > 0);
  const blocks: string[] = [];
  if (helpers.has('Step')) {
    blocks.push(`class Step(nn.Module):
    """The McCulloch-Pitts threshold: 1 when z >= 0, else 0 (torch.heaviside would give 0.5 at 0)."""

    def forward(self, z):
        return (z >= 0).to(z.dtype)`);
  }
  if (helpers.has('Sign')) {
    blocks.push(`class Sign(nn.Module):
    """The perceptron's sign: +1 when z >= 0, else -1 (torch.sign gives 0 at 0)."""

    def forward(self, z):
        return torch.where(z >= 0, 1.0, -1.0).to(z.dtype)`);
  }
  if (hasDropout) {
    const mode = plan.options.training.dropoutMode;
    blocks.push(`class PlaygroundDropout(nn.Module):
    """Dropout with the playground's masks, drawn from its generator (nn.Dropout draws from torch's).

    Training keeps each output with probability 1 - p. "inverted" (nn.Dropout's behaviour) scales
    the kept outputs by 1/(1 - p) while training and does nothing at test time; "scale-at-test"
    keeps them as they are and multiplies every output by 1 - p at test time instead. Both give
    each unit the same expected output. This model uses "${mode}".
    """

    def __init__(self, p, mode, rng):
        super().__init__()
        self.p, self.mode, self.rng = p, mode, rng

    def forward(self, a):
        keep = 1 - self.p
        if not self.training:
            return a if self.mode == "inverted" else a * keep
        kept = 1 / keep if self.mode == "inverted" else 1.0
        draws = self.rng.uniforms(a.numel())  # row by row, unit by unit
        mask = torch.tensor([0.0 if u < self.p else kept for u in draws], dtype=a.dtype, device=a.device)
        return a * mask.reshape(a.shape)`);
  }
  let inputs = plan.options.network.inputSize;
  const rows: string[] = [];
  layers.forEach((layer, l) => {
    const last = l === layers.length - 1;
    const p = layer.dropout ?? 0;
    rows.push(`${SEQUENTIAL_INDENT}# layer ${l + 1}${last ? ' (output)' : ''}: ${layer.units} ${layer.activation} unit${layer.units === 1 ? '' : 's'}${p > 0 ? `, dropout ${pyNumber(p)}` : ''}`);
    rows.push(`${SEQUENTIAL_INDENT}nn.Linear(${inputs}, ${layer.units}),`);
    rows.push(`${SEQUENTIAL_INDENT}${pytorchActivation(layer.activation).module},`);
    // The engine refuses dropout on the output layer, so only hidden layers have one.
    if (p > 0 && !last) rows.push(`${SEQUENTIAL_INDENT}PlaygroundDropout(${pyNumber(p)}, ${pyString(plan.options.training.dropoutMode)}, rng),`);
    inputs = layer.units;
  });
  blocks.push(`def build_model(rng):
    """The layers as nn.Sequential: each layer is an nn.Linear and its activation${hasDropout ? ', then its dropout' : ''}."""
    return nn.Sequential(
${rows.join('\n')}
    )`);
  const paragraph = [
    layers.length > 1
      ? t('The model is a multilayer perceptron: hidden layers between input and output, H = φ(X·W + b) layer after layer.')
      : t('The model is a single layer of units: each unit weighs its inputs, adds its bias and passes the sum through its activation.'),
    ...(layers.slice(0, -1).some((layer) => layer.activation !== 'linear') ? [t('The non-linear hidden activations keep the stack from collapsing into one linear map.')] : []),
    t("Each activation is the PyTorch module that computes what the playground's does."),
    ...(hasDropout ? [t("Dropout draws its masks from the playground's generator, so they are the same masks.")] : []),
  ];
  return {
    id: 'model',
    text: section(t('The network'), sentences(paragraph)),
    code: blocks.join('\n\n\n'),
  };
}

function weights(plan: ExportPlan): ScriptPart {
  const { options } = plan;
  const entries = plan.weights.layers.map((layer, l) => {
    const units = options.network.layers[l].units;
    const inputs = layer.weights.length / units;
    // The engine stores inputs × units (weight i → j at i·units + j); nn.Linear wants units × inputs.
    const transposed = new Float64Array(layer.weights.length);
    for (let i = 0; i < inputs; i++) for (let j = 0; j < units; j++) transposed[j * inputs + i] = layer.weights[i * units + j];
    return `    {  # layer ${l + 1}\n        "weight": ${pyTable(transposed, units, inputs, '            ').replace(/\n\]$/, '\n        ]')},\n        "bias": ${pyList(layer.biases)},\n    },`;
  });
  const what =
    plan.weightsKind === 'trained'
      ? t("The trained weights saved beside the model (its .weights.json sidecar),\nin nn.Linear's layout: row j holds the weights into unit j (units x inputs).")
      : t("The initial weights the playground drew from seed {seed} ({init}),\nin nn.Linear's layout: row j holds the weights into unit j (units x inputs).", { seed: pyNumber(options.seed), init: describeInit(plan) });
  const code = `${pyComment(what)}
WEIGHTS = [
${entries.join('\n')}
]
${pyComment(t('Drawing the initial weights took this many numbers from the generator: the first shuffle comes next.'))}
INIT_DRAWS = ${plan.initDraws}
${pyComment(t('Layers marked "trainable": false in the model (1-based): training leaves them as they are.'))}
FROZEN = ${pyList(frozenLayers(plan))}


def load_weights(model):
    linears = [m for m in model if isinstance(m, nn.Linear)]
    with torch.no_grad():
        for linear, values in zip(linears, WEIGHTS):
            linear.weight.copy_(torch.tensor(values["weight"], dtype=torch.float64))
            linear.bias.copy_(torch.tensor(values["bias"], dtype=torch.float64))
    for number, linear in enumerate(linears, start=1):
        linear.weight.requires_grad_(number not in FROZEN)
        linear.bias.requires_grad_(number not in FROZEN)`;
  const text =
    plan.weightsKind === 'trained'
      ? section(t('The weights'), t('The trained weights saved beside the model: training continues from them, as the playground does when it finds them.'))
      : section(
          t('The initial weights'),
          sentences([
            t('Good initialisation eases training: {init}.', { init: describeInit(plan) }),
            handSet(plan)
              ? t('They are embedded exactly as the playground drew them, so both runs start from the same point; the weights and biases the model sets by hand replace the draws of their layers, and the other biases start at 0.')
              : t('They are embedded exactly as the playground drew them, so both runs start from the same point; the biases start at 0.'),
          ]),
        );
  return { id: 'weights', text, code };
}

/** The 1-based numbers of the layers training leaves alone (`trainable: false`). */
function frozenLayers(plan: ExportPlan): number[] {
  return plan.options.network.layers.flatMap((layer, l) => (layer.trainable === false ? [l + 1] : []));
}

function handSet(plan: ExportPlan): boolean {
  return plan.options.network.layers.some((layer) => layer.weights !== undefined || layer.biases !== undefined);
}

function describeInit(plan: ExportPlan): string {
  const inits = plan.options.network.layers.map((layer) => layer.init ?? plan.options.network.init);
  const names = [...new Set(inits.map((init) => init.distribution))];
  const one = (d: string) => {
    switch (d) {
      case 'xavier':
        return t('Xavier/Glorot, uniform in ±√(6/(fan_in + fan_out))');
      case 'he':
        return t('He, normal with std √(2/fan_in)');
      case 'gaussian':
        return t('Gaussian');
      case 'uniform':
        return t('uniform');
      default:
        return t('all zeros, so every unit of a layer stays identical');
    }
  };
  // Each layer's distribution once: "Xavier/Glorot, …; He, …".
  return names.map(one).reduce((list, item) => t('{list}; {item}', { list, item }));
}

function loss(plan: ExportPlan): ScriptPart {
  const squared = plan.kernel === 'mse' || plan.kernel === 'softmax-mse';
  const fused = !squared;
  const criterion =
    squared
      ? `${pyComment(t('Mean squared error, averaged over the rows and output units (nn.MSELoss\'s "mean", as ours).'))}\nLOSS = nn.MSELoss()`
      : plan.kernel === 'sigmoid-cross-entropy'
        ? `${pyComment(t('Binary cross-entropy from the logits, averaged over the rows and output units, as ours:\nsigmoid and cross-entropy computed together never take log(0).'))}\nLOSS = nn.BCEWithLogitsLoss()`
        : `${pyComment(t('Softmax cross-entropy from the logits, -sum(t * log softmax(z)) averaged over the rows, as ours.'))}\nLOSS = nn.CrossEntropyLoss()`;
  const code = `${criterion}


def forward(model, x):
    """The output layer's logits and outputs${fused ? ' (the loss reads the logits)' : ''}."""
    logits = model[:-1](x)
    return logits, model[-1](logits)


def batch_loss(logits, outputs, t):
    return LOSS(${fused ? 'logits' : 'outputs'}, t)`;
  const which = squared
    ? plan.kernel === 'softmax-mse'
      ? t('Here mean squared error on the softmax probabilities: autograd carries its gradient back through the softmax.')
      : t('Here mean squared error.')
    : plan.kernel === 'sigmoid-cross-entropy'
      ? t('Cross-entropy on a sigmoid output, computed from the logits as the playground fuses them.')
      : t('Cross-entropy on a softmax output, computed from the logits as the playground fuses them.');
  const text = section(t('The loss'), sentences([t('The loss is the gap for one sample, the cost its mean over the samples.'), which]));
  return { id: 'loss', text, code };
}

function optimizer(plan: ExportPlan): ScriptPart {
  const training = plan.options.training;
  const r = training.regularization;
  const lambda = r.type === 'none' ? 0 : r.lambda;
  const regularization =
    r.type === 'none' || lambda === 0
      ? `${pyComment(t('No regularisation: the objective is the cost.'))}
LAMBDA = 0


def regularisation_gradient(weight):
    return None


def regularisation_term(model):
    return 0.0`
      : `${pyComment(
          t(
            "{type} on the weights only, as the playground does (biases shift a unit, they do not make the\nmodel more complex): objective = cost + {penalty}, whose gradient {gradient} is added to\neach weight's gradient before the optimiser's step. Not the optimiser's weight_decay=: PyTorch\napplies it to every parameter it is given, the biases too.",
            { type: r.type.toUpperCase(), penalty: r.type === 'l2' ? '(lambda/2)*sum(w^2)' : 'lambda*sum(|w|)', gradient: r.type === 'l2' ? 'lambda*w' : 'lambda*sign(w)' },
          ),
        )}
LAMBDA = ${pyNumber(lambda)}


def regularisation_gradient(weight):
    return ${r.type === 'l2' ? 'LAMBDA * weight' : 'LAMBDA * torch.sign(weight)  # sign(0) = 0'}


def regularisation_term(model):
    weights = [m.weight.detach() for m in model if isinstance(m, nn.Linear)]
    return ${r.type === 'l2' ? '0.5 * LAMBDA * sum(float((w * w).sum()) for w in weights)' : 'LAMBDA * sum(float(w.abs().sum()) for w in weights)'}`;
  let make: string;
  let text: string;
  switch (training.optimizer) {
    case 'sgd':
      make = 'torch.optim.SGD(trainable, lr=LEARNING_RATE)';
      text = t('Gradient descent: every weight moves against its gradient, w ← w − LR·g.');
      break;
    case 'momentum':
      make = `torch.optim.SGD(trainable, lr=LEARNING_RATE, momentum=${pyNumber(training.momentum ?? 0.9)})`;
      text = t("Gradient descent with momentum: v ← μ·v + g, w ← w − LR·v (PyTorch's SGD with momentum is the same rule).");
      break;
    case 'adam':
      make = `torch.optim.Adam(trainable, lr=LEARNING_RATE, betas=(${pyNumber(training.beta1 ?? 0.9)}, ${pyNumber(training.beta2 ?? 0.999)}), eps=${pyNumber(training.epsilon ?? 1e-8)})`;
      text = t('Adam: gradient descent with bias-corrected running means of the gradient and its square.');
      break;
    case 'perceptron':
      make = `None  ${pyComment(t('the perceptron rule is written out in update() below (trainable is unused)'))}`;
      text = t("Rosenblatt's perceptron rule, not gradients: sign and step have derivative 0, so the update uses the error itself.");
      break;
  }
  const regText =
    r.type === 'none' || lambda === 0
      ? []
      : [
          r.type === 'l2'
            ? t("The objective adds L2, (λ/2)Σw², which makes SGD decay the weights, on the weights only: not PyTorch's `weight_decay`, which would decay the biases too.")
            : t("The objective adds L1, λΣ|w|, which pulls weights to exactly 0, on the weights only: not PyTorch's `weight_decay`, which would decay the biases too."),
        ];
  return {
    id: 'optimizer',
    text: section(t('The optimiser and the regularisation'), sentences([text, ...regText])),
    code: `${regularization}


def make_optimizer(model):
    trainable = [p for p in model.parameters() if p.requires_grad]
    if not trainable:
        return None  # every layer is marked "trainable": false: nothing to update
    return ${make}`,
  };
}

function training(plan: ExportPlan): ScriptPart {
  const perceptron = plan.options.training.optimizer === 'perceptron';
  const update = perceptron
    ? `def update(model, optimizer, loss, x, t, outputs):
    """Rosenblatt's rule w <- w + LR*(y - y_hat)*x, averaged over the batch (the bias is the weight of
    a constant input 1): written as the gradient step it equals, delta = -(t - y_hat)/rows."""
    linear = model[0]
    if not linear.weight.requires_grad:
        return  # marked "trainable": false
    with torch.no_grad():
        delta = -(t - outputs) / x.shape[0]
        weight_grad = delta.T @ x
        extra = regularisation_gradient(linear.weight)
        if extra is not None:
            weight_grad = weight_grad + extra
        linear.weight -= LEARNING_RATE * weight_grad
        linear.bias -= LEARNING_RATE * delta.sum(dim=0)`
    : `def update(model, optimizer, loss, x, t, outputs):
    """Backpropagation, the regularisation's gradient on the weights, one optimiser step."""
    if optimizer is None:
        return  # every layer is marked "trainable": false
    optimizer.zero_grad()
    loss.backward()
    for linear in (m for m in model if isinstance(m, nn.Linear) and m.weight.requires_grad):
        extra = regularisation_gradient(linear.weight.detach())
        if extra is not None:
            linear.weight.grad += extra
    optimizer.step()`;
  const code = `${update}


def evaluate(model, split):
    """Cost (and accuracy) over a whole split, without dropout."""
    model.eval()
    with torch.no_grad():
        logits, outputs = forward(model, split["x"])
        cost = float(batch_loss(logits, outputs, split["t"]))
        accuracy = float((predicted_class(outputs) == split["labels"]).double().mean()) if CLASSIFICATION else None
    return cost, accuracy


def all_finite(model):
    return all(bool(torch.isfinite(p).all()) for p in model.parameters())


def train(epochs=EPOCHS, dtype=DTYPE, device="cpu", on_epoch=None):
    """Trains as the playground does and returns the history and the final metrics.

    Each epoch shuffles the training rows with the generator, then runs minibatches of BATCH_SIZE
    rows: forward (drawing dropout masks), loss, update. An epoch's training cost is the mean loss
    over its batches as they were trained. Training stops when the loss or a weight stops being a
    finite number, or the cost blows up past BLOWUP_RATIO x its start (divergence), as the
    playground's does.
    """
    data = load_data(dtype, device)
    train_split, test_split = data["train"], data["test"]
    rng = PlaygroundRng(SEED)
    rng.skip(INIT_DRAWS)
    model = build_model(rng).to(device=device, dtype=dtype)
    load_weights(model)
    optimizer = make_optimizer(model)
    start_cost = evaluate(model, train_split)[0]
    blowup = max(BLOWUP_RATIO * abs(start_cost) if math.isfinite(start_cost) else 0.0, BLOWUP_FLOOR)
    n = train_split["x"].shape[0]
    batch_size = min(BATCH_SIZE, n)
    history = []
    diverged = False
    for epoch in range(1, epochs + 1):
        model.train()
        order = rng.permutation(n)
        loss_sum, correct, seen = 0.0, 0, 0
        for start in range(0, n, batch_size):
            rows = torch.tensor(order[start:start + batch_size], device=device)
            x, t = train_split["x"][rows], train_split["t"][rows]
            logits, outputs = forward(model, x)
            loss = batch_loss(logits, outputs, t)
            batch_sum = loss.item() * len(rows)
            if not math.isfinite(batch_sum):
                diverged = True
                break
            loss_sum += batch_sum
            seen += len(rows)
            if CLASSIFICATION:
                correct += int((predicted_class(outputs) == train_split["labels"][rows]).sum())
            update(model, optimizer, loss, x, t, outputs)
        if not diverged and not all_finite(model):
            diverged = True
        point = {
            "epoch": epoch,
            "train_cost": loss_sum / seen if seen > 0 else math.nan,
            "train_accuracy": (correct / seen if seen > 0 else math.nan) if CLASSIFICATION else None,
            "regularization": regularisation_term(model),
        }
        if test_split["x"].shape[0] > 0 and not diverged:
            point["test_cost"], point["test_accuracy"] = evaluate(model, test_split)
        history.append(point)
        if on_epoch is not None:
            on_epoch(point, epochs)
        if diverged or not math.isfinite(point["train_cost"]) or point["train_cost"] > blowup:
            diverged = True
            break
    if diverged:
        # The parameters hold NaN or infinity: report the last epoch as it was trained.
        last = history[-1]
        final_train = (last["train_cost"], last["train_accuracy"])
    else:
        final_train = evaluate(model, train_split)
    final_test = evaluate(model, test_split) if test_split["x"].shape[0] > 0 and not diverged else None
    return {"model": model, "history": history, "train": final_train, "test": final_test, "diverged": diverged}`;
  return {
    id: 'training',
    text: section(
      t('The training loop'),
      perceptron
        ? t("Each epoch shuffles the training rows with the playground's generator and runs minibatches: forward, loss, the perceptron's update. Training stops when the numbers overflow, as the playground stops on divergence.")
        : t("Each epoch shuffles the training rows with the playground's generator and runs minibatches: forward, loss, backward, the step. Training stops when the numbers overflow, as the playground stops on divergence."),
    ),
    code,
  };
}

function run(plan: ExportPlan, notebook: boolean): ScriptPart {
  const problems = `${pyComment(t("What the playground found in the model's text and data when it was exported (its static checks);\nnn-playground train --json adds the problems it finds in the training statistics."))}
PROBLEMS = ${pyValue(plan.problems)}`;
  const report = `def metrics(cost, accuracy):
    value = {"loss": cost if math.isfinite(cost) else None}
    if CLASSIFICATION:
        value["accuracy"] = accuracy if accuracy is not None and math.isfinite(accuracy) else None
    return value


def result_object(result):
    """The object nn-playground train --json prints."""
    return {
        "epochs": len(result["history"]),
        "train": metrics(*result["train"]),
        "test": metrics(*result["test"]) if result["test"] is not None else None,
        "problems": PROBLEMS,
    }


def print_epoch(point, epochs):
    line = f"epoch {point['epoch']:>{len(str(epochs))}}/{epochs}  train loss {point['train_cost']:.6g}"
    if CLASSIFICATION:
        line += f"  accuracy {100 * point['train_accuracy']:.1f}%"
    if "test_cost" in point:
        line += f"  test loss {point['test_cost']:.6g}"
        if CLASSIFICATION:
            line += f"  accuracy {100 * point['test_accuracy']:.1f}%"
    print(line)


def print_results(result):
    print(f"{MODEL_NAME}: {len(result['history'])} epochs{' (stopped: training diverged)' if result['diverged'] else ''}")
    for name, values in (("train", result["train"]), ("test", result["test"])):
        if values is None:
            print(f"{name:<6} -")
            continue
        cost, accuracy = values
        print(f"{name:<6} loss {cost:.4g}" + (f"   accuracy {100 * accuracy:.1f}%" if CLASSIFICATION else ""))`;
  const entry = notebook
    ? `result = train(on_epoch=print_epoch)
print_results(result)`
    : `def main(argv=None):
    parser = argparse.ArgumentParser(description=MODEL_NAME)
    parser.add_argument("--json", action="store_true", help="print one JSON object, the same as nn-playground train --json")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"epochs to train (default {EPOCHS})")
    parser.add_argument("--dtype", choices=["float64", "float32"], default=str(DTYPE).replace("torch.", ""), help="float64 reproduces the playground's numbers")
    parser.add_argument("--device", default="cpu", help='where to train, e.g. "cuda" for a GPU')
    args = parser.parse_args(argv)
    result = train(args.epochs, getattr(torch, args.dtype), args.device, on_epoch=None if args.json else print_epoch)
    if args.json:
        print(json.dumps(result_object(result), separators=(",", ":"), ensure_ascii=False))
    else:
        print_results(result)


if __name__ == "__main__":
    main()`;
  return {
    id: 'run',
    text: section(t('Run it'), t("Trains for the model's epochs, printing each epoch's training and test loss (the playground's loss curve), then the final results.")),
    code: `${problems}


${report}${notebook ? '\n\n\n' : '\n\n\n'}${entry}`,
  };
}

/** The parts in order. `notebook` leaves out what only a command-line program needs. */
export function scriptParts(plan: ExportPlan, notebook: boolean): ScriptPart[] {
  return [header(plan, notebook), generator(), data(plan), model(plan), weights(plan), loss(plan), optimizer(plan), training(plan), run(plan, notebook)];
}

/** The `.py`: the parts joined, two blank lines between them. */
export function pytorchScript(plan: ExportPlan): string {
  return `${scriptParts(plan, false)
    .map((part) => part.code)
    .join('\n\n\n')}\n`;
}
