// Registers the playground panel: the `nnPlayground.openPanel` command and the serializer that
// brings the panel back after a window reload, attached to the document it showed.

import * as vscode from 'vscode';
import type { SessionRegistry } from '../../session/session-api';
import type { ExperimentResults } from './experiment-results';
import type { PanelWebviewState } from '../../shared/protocol/webview-messages';
import { PANEL_VIEW_TYPE, PlaygroundPanel } from './playground-panel';
import { isModelUri } from '../model-documents';
import { COMMANDS } from '../commands-ids';
import { openExamplesTogether } from '../examples';
import { ACTIVATION_COMPARISON } from '../example-table';
import { t } from '../../shared/l10n';

export const OPEN_PANEL_COMMAND = 'nnPlayground.openPanel';

/**
 * Call once from `activate`. `log` writes to the extension's output channel (optional).
 * The command accepts the model's URI (Uri or string, as CodeLens and menus pass it); without one
 * the panel shows the active model. There is one panel; it follows the active `.nn.json` editor.
 */
export function registerPlaygroundPanel(
  context: vscode.ExtensionContext,
  sessions: SessionRegistry,
  log: (message: string) => void = () => undefined,
  experiments?: ExperimentResults,
): vscode.Disposable {
  let current: PlaygroundPanel | undefined;

  const adopt = (panel: vscode.WebviewPanel, key?: string): PlaygroundPanel => {
    current?.dispose();
    const created = new PlaygroundPanel(panel, context.extensionUri, sessions, log, key, experiments);
    created.onDidDispose(() => {
      if (current === created) current = undefined;
    });
    current = created;
    return created;
  };

  const open = (target?: vscode.Uri | string) => {
    const key = typeof target === 'string' ? target : target instanceof vscode.Uri ? target.toString() : undefined;
    if (current) return current.show(key);
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'NN Playground', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    adopt(panel, key);
  };

  /** Opens the named examples (a walkthrough link passes them) and pins their runs side by side. */
  const compareExamples = async (names?: unknown) => {
    // Without an argument: the three deep-net lessons.
    const files = names === undefined ? ACTIVATION_COMPARISON : Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
    const keys = await openExamplesTogether(context.extensionUri, files);
    if (keys.length < 2) {
      void vscode.window.showWarningMessage(t('NN Playground: a comparison needs two or more of the bundled examples; found {count}.', { count: keys.length }));
      return;
    }
    open(keys.at(-1));
    current?.compare(keys);
  };

  const registration = vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_PANEL_COMMAND, open),
    vscode.commands.registerCommand(COMMANDS.compareExamples, compareExamples),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const stored = (state as PanelWebviewState | undefined)?.sessionKey;
        // The webview's saved state is not trusted: only a model file's URI is reopened.
        const key = typeof stored === 'string' && isModelUri(vscode.Uri.parse(stored)) ? stored : undefined;
        // After a reload the model's document may not be open yet; opening it starts its session.
        if (key && !sessions.get(key)) {
          await Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(key))).catch(() => undefined);
        }
        adopt(panel, key);
      },
    }),
    { dispose: () => current?.dispose() },
  );
  context.subscriptions.push(registration);
  return registration;
}
