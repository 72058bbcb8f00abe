// Everything the extension does, wired together: each adapter registers itself (`static register`)
// and pushes its disposables on the context; the data flows text → session (worker) → snapshots →
// these adapters. The same wiring runs in the desktop extension host (src/wiring.ts, with
// worker_threads) and in the browser's (src/web/extension.ts, with a Web Worker): only the
// HostPlatform differs.

import * as vscode from 'vscode';
import { bvMessage } from './experiments/messages';
import { configureL10n } from './shared/l10n';
import { ExperimentResults, registerPlaygroundPanel } from './editor/panel';
import { createTrainingSession } from './session/session';
import type { SessionRegistry } from './session/session-api';
import { QuickFixes } from './editor/code-actions';
import { ModelCodeLenses } from './editor/codelens';
import { ContextKeys } from './editor/context-keys';
import { COMMANDS } from './editor/commands-ids';
import { ModelDiagnostics } from './editor/diagnostics';
import { registerExampleCommand } from './editor/examples';
import { openWalkthroughOnFirstRun } from './editor/first-run';
import { ModelHovers } from './editor/hover';
import { registerWalkthroughProgress } from './editor/walkthrough-progress';
import { ModelCommands } from './editor/model-commands';
import { OutputLog } from './editor/output';
import type { HostPlatform } from './editor/platform';
import { createSessionHost } from './editor/session-host';
import { DocumentSessions } from './editor/session-registry';
import { ModelStatusBar } from './editor/status-bar';
import { t } from './shared/l10n';

/** What the extension's activation resolves to: the sessions, for the panel, tests and other extensions. */
export interface NnPlaygroundApi {
  registry: SessionRegistry;
}

export function wireExtension(context: vscode.ExtensionContext, platform: HostPlatform): NnPlaygroundApi {
  // Every message (host, worker, panel) reads VS Code's language and the bundle it loaded for it.
  configureL10n({ locale: vscode.env.language, contents: vscode.l10n.bundle });
  const log = OutputLog.register(context);
  const registry = DocumentSessions.register(context, createTrainingSession, (uri) => createSessionHost(uri, context.extensionUri, log, platform), log);
  ModelDiagnostics.register(context, registry);
  QuickFixes.register(context, registry);
  ModelCodeLenses.register(context, registry);
  ModelHovers.register(context, registry);
  ModelStatusBar.register(context, registry);
  ContextKeys.register(context, registry);
  registerWalkthroughProgress(context, registry);
  const commands = ModelCommands.register(context, registry, log, platform);
  registerExampleCommand(context, log);
  const experiments = new ExperimentResults();
  context.subscriptions.push(experiments);
  if (platform.registerExperiments) platform.registerExperiments(context, commands, experiments, log);
  else
    context.subscriptions.push(
      vscode.commands.registerCommand(COMMANDS.measureBiasVariance, () => void vscode.window.showInformationMessage(bvMessage('desktopOnly'))),
    );
  registerPlaygroundPanel(context, registry, (message) => log.info(message), experiments);
  log.info(t('NN Playground activated'));
  platform.registerProbe?.(context, registry);
  openWalkthroughOnFirstRun(context, (message) => log.info(message), platform.keepWalkthroughClosed?.() ?? false);
  return { registry };
}
