// "NN Playground: Measure Bias and Variance": asks once or which sweep, trains the K runs (for each
// value) in worker threads on every core with a cancellable progress notification, stores the
// measurement for the panel and opens it. The editor stays responsive: the host only hands out
// runs and adds up their outputs. The figures are those `nn-playground bias-variance` prints.

import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { bvMessage, BV_MESSAGES, formatFigure } from '../experiments/messages';
import { assembleReport, experimentTasks } from '../experiments/report';
import { DEFAULT_RUNS, ExperimentError, MAX_RUNS, MIN_RUNS } from '../experiments/run-experiment';
import { parseSweep, settingName, SWEEP_PRESETS, sweepText, type Sweep } from '../experiments/sweep';
import type { ExperimentResults } from './panel/experiment-results';
import type { BiasVarianceReport } from '../shared/protocol/experiment';
import { planRun } from '../run/run-core';
import { COMMANDS } from './commands-ids';
import { ExperimentCancelled, runInWorkers } from './experiment-pool';
import { blockingErrors, type ModelCommands } from './model-commands';
import { modelFileName } from './model-documents';
import { errorMessage, type Log } from './output';
import { readSettings } from './settings';
import type { LocalDisk } from './platform';
import { readDataRelative } from './session-host';
import { TRUST_MESSAGES } from '../model/trust-messages';

/** What tests and lessons may pass instead of answering the pickers. */
interface MeasureOptions {
  uri?: vscode.Uri | string;
  runs?: number;
  /** `lambda=0,0.001,0.01`, or "" for one measurement without a sweep. */
  sweep?: string;
}

type Picked = { sweep?: Sweep } | undefined;

async function pickSweep(): Promise<Picked> {
  type Item = vscode.QuickPickItem & { sweep?: Sweep; custom?: boolean };
  const items: Item[] = [
    { label: BV_MESSAGES.pickOnce },
    ...SWEEP_PRESETS.map((sweep) => ({ label: settingName(sweep.setting), description: sweepText(sweep), sweep })),
    { label: BV_MESSAGES.pickCustom, custom: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: BV_MESSAGES.pickTitle, placeHolder: BV_MESSAGES.pickSweep });
  if (picked === undefined) return undefined;
  if (!picked.custom) return picked.sweep !== undefined ? { sweep: picked.sweep } : {};
  const typed = await vscode.window.showInputBox({
    prompt: BV_MESSAGES.customPrompt,
    value: 'units=2,4,8,16,32',
    validateInput: (text) => {
      const parsed = parseSweep(text);
      return 'error' in parsed ? parsed.error : undefined;
    },
  });
  if (typed === undefined) return undefined;
  const parsed = parseSweep(typed);
  return 'error' in parsed ? undefined : { sweep: parsed };
}

function optionsOf(arg: unknown): MeasureOptions {
  if (arg instanceof vscode.Uri || typeof arg === 'string') return { uri: arg };
  if (arg !== null && typeof arg === 'object') return arg as MeasureOptions;
  return {};
}

export class BiasVarianceCommand {
  static register(context: vscode.ExtensionContext, commands: ModelCommands, results: ExperimentResults, log: Log, disk?: LocalDisk): void {
    const command = new BiasVarianceCommand(context.extensionUri, commands, results, log, disk);
    context.subscriptions.push(
      vscode.commands.registerCommand(COMMANDS.measureBiasVariance, async (arg: unknown) => {
        try {
          return await command.run(optionsOf(arg));
        } catch (error) {
          log.error(`${COMMANDS.measureBiasVariance} failed`, error);
          void vscode.window.showErrorMessage(`NN Playground: ${errorMessage(error)}`);
          return undefined;
        }
      }),
    );
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly commands: ModelCommands,
    private readonly results: ExperimentResults,
    private readonly log: Log,
    private readonly disk: LocalDisk | undefined,
  ) {}

  /** The measurement (also returned to tests), or undefined when dismissed, refused or cancelled. */
  async run(options: MeasureOptions): Promise<BiasVarianceReport | undefined> {
    const session = await this.commands.target(options.uri);
    if (session === undefined) return undefined;
    const model = modelFileName(vscode.Uri.parse(session.key));
    const spec = session.parse.spec;
    if (spec === undefined || blockingErrors(session).length > 0) {
      void vscode.window.showErrorMessage(bvMessage('hasErrors', { model }));
      return undefined;
    }
    let sweep: Sweep | undefined;
    if (options.sweep !== undefined) {
      if (options.sweep !== '') {
        const parsed = parseSweep(options.sweep);
        if ('error' in parsed) throw new ExperimentError(parsed.error);
        sweep = parsed;
      }
    } else {
      const picked = await pickSweep();
      if (picked === undefined) return undefined;
      sweep = picked.sweep;
    }
    const runs = options.runs ?? DEFAULT_RUNS;
    if (!Number.isInteger(runs) || runs < MIN_RUNS || runs > MAX_RUNS) throw new ExperimentError(bvMessage('runsRange', { min: MIN_RUNS, max: MAX_RUNS, value: runs }));
    const { maxParameters } = readSettings();
    // CSV data is read as training reads it (in the workspace, trusted only): its bootstrap runs need the rows.
    let csvText: string | undefined;
    if (spec.data.kind === 'csv') {
      try {
        if (!vscode.workspace.isTrusted) throw new Error(TRUST_MESSAGES.csvNeedsTrust({ path: spec.data.path }));
        csvText = await readDataRelative(vscode.Uri.parse(session.key), spec.data.path, this.disk);
      } catch (error) {
        void vscode.window.showErrorMessage(bvMessage('failed', { model, reason: errorMessage(error) }));
        return undefined;
      }
    }
    const plan = planRun(spec, session.parse, { maxParameters, ...(csvText !== undefined ? { csvText } : {}) });
    if (!plan.ok) {
      void vscode.window.showErrorMessage(bvMessage('failed', { model, reason: plan.problems[0]?.message ?? '' }));
      return undefined;
    }
    let tasks;
    try {
      tasks = experimentTasks(plan.inputs, runs, sweep, maxParameters);
    } catch (error) {
      if (!(error instanceof ExperimentError)) throw error;
      void vscode.window.showErrorMessage(error.message);
      return undefined;
    }
    const total = tasks.length * runs;
    const threads = Math.max(1, availableParallelism());
    const started = Date.now();
    let done = 0;
    const outputs = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: bvMessage('progressTitle', { model }), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
          return await runInWorkers(tasks, {
            workerPath: vscode.Uri.joinPath(this.extensionUri, 'dist', 'experiment-worker.js').fsPath,
            threads,
            signal: abort.signal,
            onRun: (finished, all) => {
              progress.report({ increment: (100 * (finished - done)) / all, message: bvMessage('progressRun', { done: finished, total: all }) });
              done = finished;
            },
          });
        } catch (error) {
          if (error instanceof ExperimentCancelled) return undefined;
          throw error;
        } finally {
          subscription.dispose();
        }
      },
    );
    if (outputs === undefined) {
      const message = bvMessage('cancelled', { model, done, total });
      this.log.info(message);
      void vscode.window.showInformationMessage(message);
      return undefined;
    }
    const report = assembleReport(spec.name, tasks, outputs, sweep);
    this.log.info(bvMessage('logRuns', { model, total, threads: Math.min(threads, total), seconds: ((Date.now() - started) / 1000).toFixed(1) }));
    const best = report.points[report.best].result;
    const line =
      best.kind === 'regression'
        ? bvMessage('regressionLine', { runs: best.runs, points: best.points, bias2: formatFigure(best.decomposition.bias2), variance: formatFigure(best.decomposition.variance), noise: formatFigure(best.decomposition.noise), sum: formatFigure(best.decomposition.expectedError), measured: formatFigure(best.measured) })
        : bvMessage('classificationLine', { runs: best.runs, points: best.points, bias: formatFigure(best.decomposition.bias), netVariance: formatFigure(best.decomposition.netVariance), sum: formatFigure(best.decomposition.bias + best.decomposition.netVariance), measured: formatFigure(best.measured) });
    this.log.info(`${model}: ${line}`);
    this.results.set(session.key, report);
    await vscode.commands.executeCommand(COMMANDS.openPanel, session.key);
    return report;
  }
}
