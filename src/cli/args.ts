// Command-line arguments → a command, or a usage error (exit code 2). No parsing library: three
// commands and six flags are clearer written out.

import { MAX_EPOCHS } from '../model/index';
import { DEFAULT_MAX_PARAMETERS } from '../training/run-core';

export type Command =
  | { command: 'train'; file: string; epochs?: number; seed?: number; maxParameters?: number; json: boolean; saveWeights: boolean; allowDataOutside: boolean }
  | { command: 'check'; file: string; maxParameters?: number; json: boolean; allowDataOutside: boolean }
  | { command: 'gradcheck'; file: string; maxParameters?: number; json: boolean; allowDataOutside: boolean }
  | { command: 'help' };

export type Parsed = Command | { usageError: string };

export const USAGE = `Usage: nn-playground <command> <model.nn.json> [options]

Commands:
  train <file>        train the model; prints train/test loss and accuracy and the problems found
  check <file>        parse the model and run the static rules, without training
  gradcheck <file>    compare backpropagation with finite differences

Options:
  --epochs N            train for N epochs instead of the model's "training.epochs", at most ${MAX_EPOCHS} (train)
  --seed N              use seed N instead of the model's "seed" (train)
  --max-parameters N    refuse models with more than N weights and biases (default ${DEFAULT_MAX_PARAMETERS})
  --save-weights        write the trained weights to <name>.weights.json next to the model (train)
  --allow-data-outside  read a "csv" path that leads outside the model's folder (refused otherwise)
  --json                print one JSON object instead of text
  -h, --help            show this help

Exit codes: 0 ok, 1 the model has errors, 2 usage (bad arguments, missing or unreadable file).`;

const FLAGS: Record<string, readonly string[]> = {
  train: ['--epochs', '--seed', '--max-parameters', '--json', '--save-weights', '--allow-data-outside'],
  check: ['--max-parameters', '--json', '--allow-data-outside'],
  gradcheck: ['--max-parameters', '--json', '--allow-data-outside'],
};

/** The smallest and largest value of each numeric flag, and why the largest. */
const BOUNDS: Record<string, { min: number; max?: number; why?: string }> = {
  '--epochs': { min: 1, max: MAX_EPOCHS, why: 'the most a model file allows in "training.epochs"' },
  '--seed': { min: 0 },
  '--max-parameters': { min: 1 },
};

function wholeNumber(flag: string, value: string | undefined): number | string {
  const { min, max, why } = BOUNDS[flag];
  if (value === undefined || value.startsWith('--')) return `${flag} needs a value, e.g. ${flag} 100`;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) return `${flag} must be a whole number ≥ ${min}, got "${value}"`;
  if (max !== undefined && Number(value) > max) return `${flag} must be at most ${max} (${why}), got "${value}"`;
  return Number(value);
}

export function parseArgs(argv: readonly string[]): Parsed {
  if (argv.length === 0) return { usageError: 'missing command' };
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  const allowed = FLAGS[command];
  if (allowed === undefined) return { usageError: `unknown command "${command}" (expected train, check or gradcheck)` };
  let file: string | undefined;
  let epochs: number | undefined;
  let seed: number | undefined;
  let maxParameters: number | undefined;
  let json = false;
  let saveWeights = false;
  let allowDataOutside = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('-')) {
      const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (!allowed.includes(flag)) return { usageError: `unknown option "${flag}" for ${command}` };
      if (flag === '--json') json = true;
      else if (flag === '--save-weights') saveWeights = true;
      else if (flag === '--allow-data-outside') allowDataOutside = true;
      else {
        const value = inline ?? rest[++i];
        const parsed = wholeNumber(flag, value);
        if (typeof parsed === 'string') return { usageError: parsed };
        if (flag === '--epochs') epochs = parsed;
        else if (flag === '--max-parameters') maxParameters = parsed;
        else seed = parsed;
      }
    } else if (file === undefined) file = arg;
    else return { usageError: `expected one model file, got "${file}" and "${arg}"` };
  }
  if (file === undefined) return { usageError: `${command} needs a model file, e.g. nn-playground ${command} examples/xor.nn.json` };
  const cap = maxParameters !== undefined ? { maxParameters } : {};
  if (command === 'train') return { command, file, json, saveWeights, allowDataOutside, ...(epochs !== undefined ? { epochs } : {}), ...(seed !== undefined ? { seed } : {}), ...cap };
  return { command: command as 'check' | 'gradcheck', file, json, allowDataOutside, ...cap };
}
