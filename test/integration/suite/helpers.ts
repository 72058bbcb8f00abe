// Shared by the editor suites: the installed extension's API, waiting on state (never fixed
// sleeps), model files written into the test workspace, and the VS Code API calls the suites make.
import * as assert from 'node:assert/strict';
import { suiteSetup, suiteTeardown } from 'mocha';
import * as vscode from 'vscode';
import type { SessionRegistry, TrainingSession } from '../../../src/session/session-api';

export const EXTENSION_ID = 'nn-playground.nn-playground';

interface Api {
  registry: SessionRegistry;
}

/** The running extension's API (activate returns the session registry). */
export async function extensionApi(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  assert.ok(api?.registry, 'activate() returned no session registry');
  return api;
}

/** Polls `probe` until it returns something truthy; fails naming what it waited for. */
export async function until<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  return folder.uri;
}

/** Writes a model into the workspace's `generated/` folder (a fresh file each run) and returns its URI. */
export async function writeModel(fileName: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), 'generated', fileName);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The workspace's copy of an example, or a fixture written from `fallback` when examples are absent. */
export async function exampleModel(fileName: string, fallback: string): Promise<vscode.Uri> {
  const [found] = await vscode.workspace.findFiles(`examples/${fileName}`, undefined, 1);
  return found ?? writeModel(fileName, fallback);
}

export async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The session of a model, once the registry has one. */
export async function sessionOf(uri: vscode.Uri): Promise<TrainingSession> {
  const { registry } = await extensionApi();
  return until(() => registry.get(uri.toString()), `a session for ${uri.path}`);
}

/**
 * The lenses as the editor shows them: resolved (VS Code resolves a lens when it draws it). The
 * provider words every lens when it is read, so resolving changes nothing today; asking for it
 * keeps these tests reading what the editor draws if that ever changes.
 */
export async function resolvedLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, LENSES_TO_RESOLVE)) ?? [];
}

/** More than any model here has lenses (one per layer plus the row above the model). */
const LENSES_TO_RESOLVE = 10_000;

export async function lensCommands(uri: vscode.Uri): Promise<{ title: string; command: string }[]> {
  const lenses = await resolvedLenses(uri);
  return lenses.map((lens) => ({ title: lens.command?.title ?? '', command: lens.command?.command ?? '' }));
}

export async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  return (await lensCommands(uri)).map((lens) => lens.title);
}

/** The lenses above a model: each runs its command and reads as its word (after a codicon). */
export const MODEL_LENSES: [command: string, word: string][] = [
  ['nnPlayground.train', 'Train'],
  ['nnPlayground.step', 'Step'],
  ['nnPlayground.reset', 'Reset'],
  ['nnPlayground.openPanel', 'Open Panel'],
];

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

/** Our diagnostics of a document (the JSON language service may add its own). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'NN Playground');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** 0-based line and column of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, index).split(/\r\n|\r|\n/);
  return new vscode.Position(before.length - 1, before[before.length - 1].length);
}

/** Sets a user setting for the duration of a suite; returns the restore function. */
export async function withSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const [section, ...rest] = key.split('.');
  const name = rest.join('.');
  const config = vscode.workspace.getConfiguration(section);
  const previous = config.inspect(name)?.globalValue;
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration(section).update(name, previous, vscode.ConfigurationTarget.Global);
  };
}

/**
 * For suites about the editor: the panel (the panel suite's business) does not open on Train while
 * the suite runs, so focus stays on the editor; afterwards the setting is restored and editors close.
 */
export function keepPanelClosedDuringSuite(): void {
  let restore: (() => Promise<void>) | undefined;
  suiteSetup(async () => {
    restore = await withSetting('nnPlayground.autoOpenPanel', false);
  });
  suiteTeardown(async () => {
    await restore?.();
    await closeAllEditors();
  });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Stops a session's training so the next test starts from a quiet machine. */
export async function pauseAndSettle(session: TrainingSession): Promise<void> {
  if (session.state !== 'training') return;
  await vscode.commands.executeCommand('nnPlayground.pause', session.key);
  await until(() => session.state !== 'training', `${session.key} to stop training`);
}

// ---- Models --------------------------------------------------------------------------------

/** Fallback for examples/xor.nn.json: 2 → 4 tanh → 1 sigmoid on the XOR generator. */
export const XOR_MODEL = `{
  "name": "XOR needs a hidden layer",
  "seed": 1,
  "data": { "generator": "xor", "samples": 200, "noise": 0.1 },
  "layers": [
    { "units": 4, "activation": "tanh" },
    { "units": 1, "activation": "sigmoid" }
  ],
  "loss": "cross-entropy",
  "training": { "optimizer": "sgd", "learningRate": 0.3, "batchSize": 10, "epochs": 300 }
}
`;

/** XOR that trains long enough to pause, step and reset it mid-run. */
export const LONG_XOR_MODEL = XOR_MODEL.replace('"epochs": 300', '"epochs": 100000').replace('"name": "XOR needs a hidden layer"', '"name": "XOR, long run"');

/** A hidden layer without a non-linearity: the static `linear-collapse` rule. */
export const LINEAR_COLLAPSE_MODEL = `{
  "name": "Linear collapse",
  "seed": 1,
  "data": { "generator": "circle", "samples": 200, "noise": 0.1 },
  "layers": [
    { "units": 8, "activation": "linear" },
    { "units": 1, "activation": "sigmoid" }
  ],
  "loss": "cross-entropy"
}
`;

/**
 * Six sigmoid layers initialised with N(0, 4) on the spiral: about 80% of the hidden layers'
 * pre-activations sit in the saturation zone, and the net stays far from the accuracy at which the
 * live rules consider it learnt (a circle would be learnt within ~50 epochs despite saturation).
 */
export const SATURATED_SIGMOID_MODEL = `{
  "name": "Deep sigmoid, saturated",
  "seed": 1,
  "data": { "generator": "spiral", "samples": 200, "noise": 0.1 },
  "init": { "distribution": "gaussian", "std": 4 },
  "layers": [
    { "units": 32, "activation": "sigmoid" },
    { "units": 32, "activation": "sigmoid" },
    { "units": 32, "activation": "sigmoid" },
    { "units": 32, "activation": "sigmoid" },
    { "units": 32, "activation": "sigmoid" },
    { "units": 32, "activation": "sigmoid" },
    { "units": 1, "activation": "sigmoid" }
  ],
  "loss": "cross-entropy",
  "training": { "learningRate": 0.1, "epochs": 100000 }
}
`;

/** Enough work per epoch to keep the worker busy for seconds (the event-loop measurement). */
export const BUSY_MODEL = `{
  "name": "Spiral, busy",
  "seed": 3,
  "data": { "generator": "spiral", "samples": 2000, "noise": 0.1 },
  "layers": [
    { "units": 32, "activation": "tanh" },
    { "units": 32, "activation": "tanh" },
    { "units": 1, "activation": "sigmoid" }
  ],
  "loss": "cross-entropy",
  "training": { "optimizer": "adam", "learningRate": 0.01, "batchSize": 16, "epochs": 100000 }
}
`;

/** Broken JSON: a missing closing bracket. */
export const BROKEN_JSON_MODEL = `{
  "name": "Broken",
  "data": { "generator": "xor" },
  "layers": [
    { "units": 4, "activation": "tanh" },
    { "units": 1, "activation": "sigmoid" }
  "loss": "cross-entropy"
}
`;

export const MISSING_CSV_MODEL = `{
  "name": "Missing CSV",
  "data": { "csv": "no-such-file.csv", "target": "label" },
  "layers": [
    { "units": 4, "activation": "tanh" },
    { "units": 1, "activation": "sigmoid" }
  ],
  "loss": "cross-entropy"
}
`;

/** 10 hidden layers of 4,096 units: about 151 million parameters, far above the 5 million default. */
export const HUGE_MODEL = `{
  "name": "Huge",
  "data": { "generator": "xor" },
  "layers": [
${Array.from({ length: 10 }, () => '    { "units": 4096, "activation": "relu" },').join('\n')}
    { "units": 1, "activation": "sigmoid" }
  ],
  "loss": "cross-entropy"
}
`;

/** Lesson 6's learning rate of 20: the loss overflows within a few epochs and the run diverges. */
export const DIVERGING_MODEL = `{
  "name": "Learning rate too high",
  "seed": 2,
  "data": { "generator": "plane", "samples": 200, "noise": 0.05, "testFraction": 0.2 },
  "layers": [{ "units": 8, "activation": "tanh" }, { "units": 1, "activation": "linear" }],
  "loss": "mse",
  "training": { "optimizer": "sgd", "learningRate": 20, "batchSize": 10, "epochs": 100 }
}
`;
