// Command-line arguments → a command, or a usage error (exit code 2). No parsing library: four
// commands and their few flags are clearer written out.

import { t } from '../shared/l10n';
import type { ExportDtype, ExportTarget, ExportWeights } from '../export/index';
import { MAX_EPOCHS } from '../model/index';
import { DEFAULT_MAX_PARAMETERS } from '../run/run-core';
import { DEFAULT_RUNS, MAX_RUNS, MIN_RUNS } from '../experiments/run-experiment';
import { BV_MESSAGES } from '../experiments/messages';
import { parseSweep, type Sweep } from '../experiments/sweep';

export type Command =
  | { command: 'train'; file: string; epochs?: number; seed?: number; maxParameters?: number; json: boolean; saveWeights: boolean; allowDataOutside: boolean }
  | { command: 'check'; file: string; maxParameters?: number; json: boolean; allowDataOutside: boolean }
  | { command: 'gradcheck'; file: string; maxParameters?: number; json: boolean; allowDataOutside: boolean }
  | { command: 'export'; file: string; to: ExportTarget; out?: string; weights: ExportWeights; dtype: ExportDtype; force: boolean; allowDataOutside: boolean }
  | { command: 'bias-variance'; file: string; runs: number; sweep?: Sweep; maxParameters?: number; json: boolean; allowDataOutside: boolean }
  | { command: 'help' };

export type Parsed = Command | { usageError: string };

/** The help text, in the UI's language. */
export function usage(): string {
  return t(`Usage: nn-playground <command> <model.nn.json> [options]

Commands:
  train <file>        train the model; prints train/test loss and accuracy and the problems found
  check <file>        parse the model and run the static rules, without training
  gradcheck <file>    compare backpropagation with finite differences
  export <file>       write the model as a PyTorch script or notebook that reproduces its run
  bias-variance <file>  train on many fresh training sets; split the error into bias², variance and noise

Options:
  --epochs N            train for N epochs instead of the model's "training.epochs", at most {maxEpochs} (train)
  --seed N              use seed N instead of the model's "seed" (train)
  --max-parameters N    refuse models with more than N weights and biases (default {maxParameters})
  --save-weights        write the trained weights to <name>.weights.json next to the model (train)
  --allow-data-outside  read a "csv" path that leads outside the model's folder (refused otherwise)
  --json                print one JSON object instead of text
  --to KIND             pytorch (a .py script) or notebook (a .ipynb) (export, required)
  --out PATH            where to write (export; default <name>.py or <name>.ipynb next to the model)
  --weights FROM        initial (drawn from the seed, the default) or trained (<name>.weights.json) (export)
  --dtype TYPE          float64 (the default: reproduces our numbers) or float32 (faster) (export)
  --force               replace the output file when it exists (export)
  --runs K              training sets to draw, {minRuns} to {maxRuns} (bias-variance; default {defaultRuns})
  --sweep S=V1,V2,…     measure at each value of units, depth, lambda or epochs, e.g. units=2,4,8,16,32 (bias-variance)
  --lang LANG           en or zh-cn, the language of the messages (default: from LC_ALL, LC_MESSAGES or LANG)
  -h, --help            show this help

Exit codes: 0 ok, 1 the model has errors, 2 usage (bad arguments, missing or unreadable file).`, { maxEpochs: MAX_EPOCHS, maxParameters: DEFAULT_MAX_PARAMETERS, minRuns: MIN_RUNS, maxRuns: MAX_RUNS, defaultRuns: DEFAULT_RUNS });
}

const FLAGS: Record<string, readonly string[]> = {
  train: ['--epochs', '--seed', '--max-parameters', '--json', '--save-weights', '--allow-data-outside'],
  check: ['--max-parameters', '--json', '--allow-data-outside'],
  gradcheck: ['--max-parameters', '--json', '--allow-data-outside'],
  export: ['--to', '--out', '--weights', '--dtype', '--force', '--allow-data-outside'],
  'bias-variance': ['--runs', '--sweep', '--max-parameters', '--json', '--allow-data-outside'],
};

/** The smallest and largest value of each numeric flag, and why the largest. */
const BOUNDS: Record<string, { min: number; max?: number; why?: () => string }> = {
  '--epochs': { min: 1, max: MAX_EPOCHS, why: () => t('the most a model file allows in "training.epochs"') },
  '--seed': { min: 0 },
  '--max-parameters': { min: 1 },
  '--runs': { min: MIN_RUNS, max: MAX_RUNS, why: () => t('more runs add little precision and much time') },
};

/** The values each export option takes, the first one its default (none for --to: it is required). */
const CHOICES = {
  '--to': ['pytorch', 'notebook'],
  '--weights': ['initial', 'trained'],
  '--dtype': ['float64', 'float32'],
} as const;

function choice(flag: keyof typeof CHOICES, value: string | undefined): string | { usageError: string } {
  const allowed: readonly string[] = CHOICES[flag];
  if (value === undefined || value.startsWith('--')) return { usageError: `${flag} needs a value: ${allowed.join(' or ')}` };
  if (!allowed.includes(value)) return { usageError: `${flag} must be ${allowed.join(' or ')}, got "${value}"` };
  return value;
}

function parseExport(file: string | undefined, rest: readonly string[]): Parsed {
  const values: Record<string, string> = {};
  let force = false;
  let allowDataOutside = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-')) {
      if (file === undefined) {
        file = arg;
        continue;
      }
      return { usageError: t('expected one model file, got "{first}" and "{second}"', { first: file, second: arg }) };
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!FLAGS.export.includes(flag)) return { usageError: `unknown option "${flag}" for export` };
    if (flag === '--force') {
      force = true;
      continue;
    }
    if (flag === '--allow-data-outside') {
      allowDataOutside = true;
      continue;
    }
    const value = inline ?? rest[++i];
    if (flag === '--out') {
      if (value === undefined || value.startsWith('--') || value.length === 0) return { usageError: '--out needs a path, e.g. --out spiral.py' };
      values[flag] = value;
      continue;
    }
    const checked = choice(flag as keyof typeof CHOICES, value);
    if (typeof checked !== 'string') return checked;
    values[flag] = checked;
  }
  if (file === undefined) return { usageError: t('export needs a model file, e.g. nn-playground export examples/spiral.nn.json --to pytorch') };
  if (values['--to'] === undefined) return { usageError: t('export needs --to pytorch or --to notebook') };
  return {
    command: 'export',
    file,
    to: values['--to'] as ExportTarget,
    ...(values['--out'] !== undefined ? { out: values['--out'] } : {}),
    weights: (values['--weights'] ?? CHOICES['--weights'][0]) as ExportWeights,
    dtype: (values['--dtype'] ?? CHOICES['--dtype'][0]) as ExportDtype,
    force,
    allowDataOutside,
  };
}


function wholeNumber(flag: string, value: string | undefined): number | string {
  const { min, max, why } = BOUNDS[flag];
  if (value === undefined || value.startsWith('--')) return t('{flag} needs a value, e.g. {flag} 100', { flag });
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) return t('{flag} must be a whole number ≥ {min}, got "{value}"', { flag, min: String(min), value });
  if (max !== undefined && Number(value) > max) return t('{flag} must be at most {max} ({why}), got "{value}"', { flag, max: String(max), why: why?.() ?? '', value });
  return Number(value);
}

export function parseArgs(argv: readonly string[]): Parsed {
  if (argv.length === 0) return { usageError: 'missing command' };
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  const allowed = FLAGS[command];
  if (allowed === undefined) return { usageError: t('unknown command "{command}" (expected train, check, gradcheck, export or bias-variance)', { command }) };
  if (command === 'export') return parseExport(undefined, rest);
  let file: string | undefined;
  let epochs: number | undefined;
  let seed: number | undefined;
  let maxParameters: number | undefined;
  let json = false;
  let saveWeights = false;
  let allowDataOutside = false;
  let runs = DEFAULT_RUNS;
  let sweep: Sweep | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('-')) {
      const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (!allowed.includes(flag)) return { usageError: `unknown option "${flag}" for ${command}` };
      if (flag === '--json') json = true;
      else if (flag === '--save-weights') saveWeights = true;
      else if (flag === '--allow-data-outside') allowDataOutside = true;
      else if (flag === '--sweep') {
        const value = inline ?? rest[++i];
        if (value === undefined || value.startsWith('--')) return { usageError: BV_MESSAGES.sweepNeedsValue };
        const parsed = parseSweep(value);
        if ('error' in parsed) return { usageError: parsed.error };
        sweep = parsed;
      } else {
        const value = inline ?? rest[++i];
        const parsed = wholeNumber(flag, value);
        if (typeof parsed === 'string') return { usageError: parsed };
        if (flag === '--epochs') epochs = parsed;
        else if (flag === '--max-parameters') maxParameters = parsed;
        else if (flag === '--runs') runs = parsed;
        else seed = parsed;
      }
    } else if (file === undefined) file = arg;
    else return { usageError: t('expected one model file, got "{first}" and "{second}"', { first: file, second: arg }) };
  }
  if (file === undefined) return { usageError: `${command} needs a model file, e.g. nn-playground ${command} examples/xor.nn.json` };
  const cap = maxParameters !== undefined ? { maxParameters } : {};
  if (command === 'bias-variance') return { command, file, json, allowDataOutside, runs, ...(sweep !== undefined ? { sweep } : {}), ...cap };
  if (command === 'train') return { command, file, json, saveWeights, allowDataOutside, ...(epochs !== undefined ? { epochs } : {}), ...(seed !== undefined ? { seed } : {}), ...cap };
  return { command: command as 'check' | 'gradcheck', file, json, allowDataOutside, ...cap };
}
