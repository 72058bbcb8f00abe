// Everything the extension does, wired together: each adapter registers itself (`static register`)
// and pushes its disposables on the context; the data flows text → session (worker) → snapshots →
// these adapters. Built as its own bundle (dist/wiring.js) and loaded by src/extension.ts just after
// activation, so VS Code's activation figure does not include loading the model parser, the
// training session and the panel (see extension.ts for why).

import { configureL10n } from '../l10n';
import * as vscode from 'vscode';
import { registerPlaygroundPanel } from '../panel';
import { createTrainingSession } from '../training/session';
import type { SessionRegistry } from '../training/session-api';
import { QuickFixes } from './code-actions';
import { ModelCodeLenses } from './codelens';
import { ModelDiagnostics } from './diagnostics';
import { registerExampleCommand } from './examples';
import { ModelHovers } from './hover';
import { ModelCommands } from './model-commands';
import { OutputLog } from './output';
import { createSessionHost } from './session-host';
import { DocumentSessions } from './session-registry';
import { registerSoakProbe } from './soak-probe';
import { ModelStatusBar } from './status-bar';

/** What the extension's activation resolves to: the sessions, for the panel, tests and other extensions. */
export interface NnPlaygroundApi {
  registry: SessionRegistry;
}

export function wire(context: vscode.ExtensionContext): NnPlaygroundApi {
  // Every message (host, worker, panel) reads VS Code's language and the bundle it loaded for it.
  configureL10n({ locale: vscode.env.language, contents: vscode.l10n.bundle });
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
  registerSoakProbe(context, registry);
  return { registry };
}
