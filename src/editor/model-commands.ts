// The commands that act on a model: Train, Pause, Step, Reset, Verify Gradients, Save Trained
// Weights. Each acts on the model it is given (CodeLens passes its document), else the active
// `.nn.json` editor, else the model last active, else asks which.

import * as vscode from 'vscode';
import { TRUST_MESSAGES } from '../model/trust-messages';
import { exportRefusal, sidecarRefusal, type SidecarTarget } from '../session/sidecar';
import type { GradientCheckResult } from '../engine/trainer-api';
import type { TrainingSession } from '../session/session-api';
import { judgeGradientCheck } from '../run/gradient-check';
import { blocksTraining, waitsForPoints } from '../run/problems';
import { noPointsYetMessage } from '../shared/view-models/hand-points';
import { COMMANDS } from './commands-ids';
import { isModelDocument, isModelUri, modelFileName, openModelDocuments, weightsSidecarUri } from './model-documents';
import { errorMessage, type Log } from './output';
import { t } from '../shared/l10n';
import type { HostPlatform, LocalDisk } from './platform';
import { replaceAction, replaceQuestion, saveReport, saveWeightsFile } from './save-weights';
import type { DocumentSessions } from './session-registry';
import { readSettings } from './settings';
import { readDataRelative } from './session-host';
import { EXPORT_MESSAGES, EXPORT_TARGET_NAMES, exportFileName, exportModel, type ExportTarget } from '../export/index';

/** How long after a command a refusal found while preparing the run is still reported. */
const REFUSAL_WATCH_MS = 3000;

export class ModelCommands {
  static register(context: vscode.ExtensionContext, registry: DocumentSessions, log: Log, platform: HostPlatform): ModelCommands {
    const commands = new ModelCommands(registry, log, platform.disk);
    const register = (id: string, run: (arg: unknown) => Promise<unknown>) =>
      vscode.commands.registerCommand(id, async (arg: unknown) => {
        try {
          // Results (a gradient check, the sidecar's URI) are returned to callers such as tests.
          return await run(arg);
        } catch (error) {
          log.error(`${id} failed`, error);
          void vscode.window.showErrorMessage(`NN Playground: ${errorMessage(error)}`);
          return undefined;
        }
      });
    context.subscriptions.push(
      register(COMMANDS.train, (arg) => commands.train(arg)),
      register(COMMANDS.pause, (arg) => commands.simple(arg, (session) => session.pause())),
      register(COMMANDS.step, (arg) => commands.whenValid(arg, (session) => session.step())),
      register(COMMANDS.reset, (arg) => commands.whenValid(arg, (session) => session.reset())),
      register(COMMANDS.verifyGradients, (arg) => commands.verifyGradients(arg)),
      register(COMMANDS.saveWeights, (arg) => commands.saveWeights(arg)),
      register(COMMANDS.exportPytorch, (arg) => commands.exportPytorch(arg)),
    );
    return commands;
  }

  constructor(
    private readonly registry: DocumentSessions,
    private readonly log: Log,
    private readonly disk: LocalDisk | undefined,
  ) {}

  /** The session a command acts on; undefined when the person dismissed the question. */
  async target(arg: unknown): Promise<TrainingSession | undefined> {
    const given = toUri(arg);
    if (given) return this.sessionFor(given);
    const editor = vscode.window.activeTextEditor;
    if (editor && isModelDocument(editor.document)) return this.registry.ensure(editor.document);
    const last = this.registry.active;
    if (last && this.registry.isOpen(last.key)) return last;
    return this.ask();
  }

  private async sessionFor(uri: vscode.Uri): Promise<TrainingSession | undefined> {
    if (!isModelUri(uri)) throw new Error(t('{file} is not a model: model files end in .nn.json.', { file: modelFileName(uri) }));
    const document = this.registry.documentOf(uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    return this.registry.ensure(document);
  }

  private async ask(): Promise<TrainingSession | undefined> {
    const open = openModelDocuments().map((document) => document.uri);
    const known = new Set(open.map((uri) => uri.toString()));
    const found = (await vscode.workspace.findFiles('**/*.nn.json', '**/node_modules/**', 200)).filter((uri) => !known.has(uri.toString()));
    const candidates = [...open, ...found];
    if (candidates.length === 0) {
      const choice = await vscode.window.showInformationMessage(t('No .nn.json model is open.'), t('New Model from Example'));
      if (choice) await vscode.commands.executeCommand(COMMANDS.newFromExample);
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      candidates.map((uri) => ({ label: modelFileName(uri), description: vscode.workspace.asRelativePath(uri), uri })),
      { title: t('NN Playground: which model?'), placeHolder: t('Pick a .nn.json model') },
    );
    if (!picked) return undefined;
    await vscode.window.showTextDocument(picked.uri, { preview: false });
    return this.sessionFor(picked.uri);
  }

  private async simple(arg: unknown, run: (session: TrainingSession) => void): Promise<void> {
    const session = await this.target(arg);
    if (session) run(session);
  }

  /** Runs only when the model has no errors; otherwise says what is wrong and where. */
  private async whenValid<T>(arg: unknown, run: (session: TrainingSession) => T | Promise<T>): Promise<{ session: TrainingSession; result: T } | undefined> {
    const session = await this.target(arg);
    if (!session) return undefined;
    if (!session.parse.spec || blockingErrors(session).length > 0) {
      this.reportErrors(session);
      return undefined;
    }
    if (waitsForPoints(session.problems)) {
      // Not an error: the plane is waiting for points, which are placed in the panel.
      void vscode.window.showInformationMessage(noPointsYetMessage());
      await vscode.commands.executeCommand(COMMANDS.openPanel, session.key).then(undefined, (error: unknown) => this.log.warn(t('Could not open the panel: {reason}', { reason: errorMessage(error) })));
      return undefined;
    }
    const result = await run(session);
    this.watchForRefusal(session);
    return { session, result };
  }

  /** Says what blocks training; never awaited, so the command ends while the message is shown. */
  private reportErrors(session: TrainingSession): void {
    const errors = blockingErrors(session);
    const first = errors[0];
    const file = modelFileName(vscode.Uri.parse(session.key));
    const head = errors.length > 1 ? t('{file} has {count} errors to fix before training.', { file, count: errors.length }) : t('{file} has an error to fix before training.', { file });
    const where = first ? ` ${t('Line {line}: {message}', { line: first.range.start.line + 1, message: first.message })}` : '';
    const message = `${head}${where}`;
    this.log.warn(message);
    void vscode.window.showErrorMessage(message, t('Show Problems')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }

  /**
   * Some refusals are found only once the run is prepared (a CSV that cannot be read, a model over
   * the parameter limit): if one appears right after a command, say so, not only in Problems.
   */
  private watchForRefusal(session: TrainingSession): void {
    if (blockingErrors(session).length > 0) {
      this.reportErrors(session);
      return;
    }
    const subscription = session.onDidChange((change) => {
      if (change.kind !== 'problems' || blockingErrors(session).length === 0) return;
      stop();
      this.reportErrors(session);
    });
    const timer = setTimeout(() => stop(), REFUSAL_WATCH_MS);
    const stop = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
  }

  async train(arg: unknown): Promise<void> {
    const ran = await this.whenValid(arg, (target) => target.train());
    if (!ran || !readSettings().autoOpenPanel) return;
    try {
      await vscode.commands.executeCommand(COMMANDS.openPanel, ran.session.key);
    } catch (error) {
      this.log.warn(t('Could not open the panel: {reason}', { reason: errorMessage(error) }));
    }
  }

  /** Restricted Mode: says why, and offers VS Code's trust editor (granting trust needs no reload). */
  private refuseUntrusted(message: string): void {
    this.log.warn(message);
    void vscode.window.showWarningMessage(message, TRUST_MESSAGES.manageTrust()).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
  }

  async verifyGradients(arg: unknown): Promise<GradientCheckResult | undefined> {
    const ran = await this.whenValid(arg, async (session): Promise<GradientCheckResult | undefined> => {
      const name = modelFileName(vscode.Uri.parse(session.key));
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Verifying the gradients of {file}…', { file: name }), cancellable: true },
        async (_progress, token) => {
          const abort = new AbortController();
          const subscription = token.onCancellationRequested(() => abort.abort());
          try {
            return await session.gradientCheck(abort.signal);
          } catch (error) {
            if (token.isCancellationRequested) return undefined;
            throw error;
          } finally {
            subscription.dispose();
          }
        },
      );
      if (!result) {
        this.log.info(t('{file}: gradient check cancelled', { file: name }));
        return undefined;
      }
      const { pass, text } = judgeGradientCheck(result, session.parse.spec?.layers.map((layer) => layer.activation) ?? []);
      this.log.info(`${name}: ${text}`);
      if (pass) void vscode.window.showInformationMessage(text);
      else void vscode.window.showWarningMessage(text);
      return result;
    });
    return ran?.result;
  }

  async saveWeights(arg: unknown): Promise<vscode.Uri | undefined> {
    const ran = await this.whenValid(arg, async (session): Promise<vscode.Uri | undefined> => {
      const modelUri = vscode.Uri.parse(session.key);
      if (modelUri.scheme === 'untitled') {
        void vscode.window.showWarningMessage(t('Save the model file first: the weights are saved next to it, as <name>.weights.json.'));
        return undefined;
      }
      const sidecar = weightsSidecarUri(modelUri);
      if (!vscode.workspace.isTrusted) {
        this.refuseUntrusted(TRUST_MESSAGES.saveNeedsTrust({ sidecar: vscode.workspace.asRelativePath(sidecar) }));
        return undefined;
      }
      // Exported before any question, so the file holds the weights of the moment the person asked
      // to save, not of whenever they answered while training went on.
      const file = await session.exportWeights();
      const modelName = modelFileName(modelUri);
      const where = vscode.workspace.asRelativePath(sidecar);
      const outcome = await saveWeightsFile({
        refusal: async () => sidecarRefusal(await sidecarTarget(sidecar, this.disk), where),
        exists: () => fileExists(sidecar),
        askReplace: () => {
          const question = replaceQuestion(modelFileName(sidecar), modelName, where);
          return vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, replaceAction());
        },
        write: () => vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode(`${JSON.stringify(file)}\n`)),
      });
      const report = saveReport(outcome, modelName, where);
      this.log.info(report);
      // Cancel in a modal needs no second message: the log has it.
      if (outcome === 'kept') return undefined;
      if (typeof outcome === 'object') {
        void vscode.window.showWarningMessage(report);
        return undefined;
      }
      void vscode.window.showInformationMessage(report, 'Open').then((choice) => {
        if (choice) void vscode.window.showTextDocument(sidecar);
      });
      return sidecar;
    });
    return ran?.result;
  }

  /**
   * Export to PyTorch: asks script or notebook and which weights, writes <name>.py or .ipynb next
   * to the model with one file write (asking before it replaces a file), and offers to open it.
   * `options` lets tests answer the questions.
   */
  async exportPytorch(arg: unknown, options: { to?: ExportTarget; trained?: boolean; replace?: boolean } = {}): Promise<vscode.Uri | undefined> {
    const given = arg !== null && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? (arg as { uri?: unknown; to?: ExportTarget; trained?: boolean; replace?: boolean }) : undefined;
    if (given) options = { ...given, ...options };
    const ran = await this.whenValid(given ? given.uri : arg, async (session): Promise<vscode.Uri | undefined> => {
      const modelUri = vscode.Uri.parse(session.key);
      const modelName = modelFileName(modelUri);
      if (modelUri.scheme === 'untitled') {
        void vscode.window.showWarningMessage(t('Save the model file first: the export is written next to it.'));
        return undefined;
      }
      if (!vscode.workspace.isTrusted) {
        // Asked before the questions: an export reads the data file and writes beside the model.
        const file = vscode.workspace.asRelativePath(vscode.Uri.joinPath(modelUri, '..', exportFileName(modelName, options.to ?? 'pytorch')));
        this.refuseUntrusted(TRUST_MESSAGES.exportNeedsTrust({ file }));
        return undefined;
      }
      const to = options.to ?? (await vscode.window.showQuickPick(exportKinds(), { title: t('NN Playground: export {file} as', { file: modelName }) }))?.to;
      if (to === undefined) return undefined;
      const trained = options.trained ?? (await vscode.window.showQuickPick(exportWeights(), { title: t('NN Playground: start the exported run of {file} from', { file: modelName }) }))?.trained;
      if (trained === undefined) return undefined;
      const weights = trained ? await session.exportWeights() : undefined;
      const document = this.registry.documentOf(session.key);
      const text = document?.getText() ?? session.parse.text ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(modelUri));
      const spec = session.parse.spec;
      let csvText: string | undefined;
      if (spec?.data.kind === 'csv') {
        try {
          csvText = await readDataRelative(modelUri, spec.data.path, this.disk, spec.data.encoding);
        } catch (error) {
          const reason = EXPORT_MESSAGES.dataUnreadable(spec.data.path, errorMessage(error));
          this.log.warn(reason);
          void vscode.window.showErrorMessage(reason);
          return undefined;
        }
      }
      const result = exportModel({ text, source: modelName, to, ...(csvText !== undefined ? { csvText } : {}), ...(weights !== undefined ? { trained: weights } : {}) });
      if (!result.ok) {
        this.log.warn(result.reason);
        void vscode.window.showErrorMessage(result.reason);
        return undefined;
      }
      const target = vscode.Uri.joinPath(modelUri, '..', exportFileName(modelName, to));
      const targetName = modelFileName(target);
      const where = vscode.workspace.asRelativePath(target);
      const outcome = await saveWeightsFile({
        refusal: async () => exportRefusal(await sidecarTarget(target, this.disk), where),
        exists: () => fileExists(target),
        askReplace: () =>
          options.replace !== undefined
            ? Promise.resolve(options.replace ? replaceAction() : undefined)
            : vscode.window.showWarningMessage(EXPORT_MESSAGES.replaceQuestion(targetName), { modal: true, detail: EXPORT_MESSAGES.replaceDetail(targetName) }, replaceAction()),
        write: () => vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content)),
      });
      if (outcome === 'kept') {
        this.log.info(EXPORT_MESSAGES.kept(where));
        return undefined;
      }
      if (typeof outcome === 'object') {
        this.log.warn(outcome.refused);
        void vscode.window.showWarningMessage(outcome.refused);
        return undefined;
      }
      const report = EXPORT_MESSAGES.written(EXPORT_TARGET_NAMES[to], where);
      this.log.info(report);
      void vscode.window.showInformationMessage(report, 'Open').then((choice) => {
        if (choice) void vscode.commands.executeCommand('vscode.open', target);
      });
      return target;
    });
    return ran?.result;
  }
}

/**
 * What is at the sidecar's path, a link not followed: on a local disk by the disk (workspace.fs.stat
 * follows links and only flags them), elsewhere by workspace.fs.
 */
async function sidecarTarget(uri: vscode.Uri, disk: LocalDisk | undefined): Promise<SidecarTarget> {
  const read = async (): Promise<SidecarTarget> => ({ kind: 'file', text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
  if (uri.scheme === 'file' && disk) {
    const entry = await disk.entry(uri.fsPath);
    return entry === 'file' ? read() : { kind: entry };
  }
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return { kind: 'absent' };
  }
  if (stat.type & vscode.FileType.SymbolicLink) return { kind: 'symlink' };
  if (stat.type & vscode.FileType.Directory) return { kind: 'directory' };
  return stat.type & vscode.FileType.File ? read() : { kind: 'other' };
}

/** The export's two questions, as quick-pick items (worded when asked: the UI's language is set at activation). */
function exportKinds(): { label: string; detail: string; to: ExportTarget }[] {
  return [
    {
      label: t('PyTorch script (.py)'),
      detail: t('One self-contained file: python <name>.py prints the loss curve, --json the same object as nn-playground train --json.'),
      to: 'pytorch',
    },
    {
      label: t('Jupyter notebook (.ipynb)'),
      detail: t('The same code in cells, each after a text saying what it is and which lesson it carries. VS Code opens it natively.'),
      to: 'notebook',
    },
  ];
}
function exportWeights(): { label: string; detail: string; trained: boolean }[] {
  return [
    { label: t('Initial weights'), detail: t('As the seed draws them: the script reproduces the run from the start.'), trained: false },
    { label: t('Trained weights'), detail: t('The weights this session has now: the script trains on from them.'), trained: true },
  ];
}

export function blockingErrors(session: TrainingSession) {
  return session.problems.filter(blocksTraining);
}

/**
 * Through `workspace.fs`, so remote and virtual workspaces answer too. Only "not found" means
 * absent: any other failure counts as present, so the person is asked rather than a file lost.
 */
async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (error) {
    return !(error instanceof vscode.FileSystemError && error.code === 'FileNotFound');
  }
}

function toUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg.length > 0) return vscode.Uri.parse(arg);
  return undefined;
}
