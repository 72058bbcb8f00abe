// Wiring only: each adapter registers itself (`static register`) and pushes its disposables on
// the context; the data flows text → session (worker) → snapshots → these adapters.

import type * as vscode from 'vscode';
import { ModelCodeLenses } from './editor/codelens';
import { QuickFixes } from './editor/code-actions';
import { ModelDiagnostics } from './editor/diagnostics';
import { registerExampleCommand } from './editor/examples';
import { ModelHovers } from './editor/hover';
import { ModelCommands } from './editor/model-commands';
import { OutputLog } from './editor/output';
import { createSessionHost } from './editor/session-host';
import { DocumentSessions } from './editor/session-registry';
import { ModelStatusBar } from './editor/status-bar';
import { registerPlaygroundPanel } from './panel';
import { createTrainingSession } from './training/session';
import type { SessionRegistry } from './training/session-api';

/** What the extension returns from activate: the sessions, for the panel, tests and other extensions. */
export interface NnPlaygroundApi {
  registry: SessionRegistry;
}

export function activate(context: vscode.ExtensionContext): NnPlaygroundApi {
  const log = OutputLog.register(context);
  const registry = DocumentSessions.register(context, createTrainingSession, (uri) => createSessionHost(uri, context.extensionUri, log), log);
  ModelDiagnostics.register(context, registry);
  QuickFixes.register(context, registry);
  ModelCodeLenses.register(context, registry);
  ModelHovers.register(context, registry);
  ModelStatusBar.register(context, registry);
  ModelCommands.register(context, registry, log);
  registerExampleCommand(context, log);
  registerPlaygroundPanel(context, registry, (message) => log.info(message));
  log.info('NN Playground activated');
  return { registry };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
