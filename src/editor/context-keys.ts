// The context keys menus, the command palette and keybindings read, set from the session registry
// at once on every change of the active model or of its state (never throttled: a stale key would
// offer Pause after training stopped, or hide it while it runs).
//   nnPlayground.activeState  the active model's state: idle | training | paused | finished |
//                             diverged, or '' when no model has been active ('' is falsy in `when`).

import * as vscode from 'vscode';
import type { DocumentSessions } from './session-registry';

export const ACTIVE_STATE_CONTEXT = 'nnPlayground.activeState';

export class ContextKeys implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private last: string | undefined;

  static register(context: vscode.ExtensionContext, registry: DocumentSessions): ContextKeys {
    const keys = new ContextKeys(registry);
    context.subscriptions.push(keys);
    return keys;
  }

  constructor(private readonly registry: DocumentSessions) {
    this.disposables.push(
      registry.onDidChangeActive(() => this.update()),
      registry.onDidChangeSession(({ session, change }) => {
        if (change.kind === 'state' && session === registry.active) this.update();
      }),
      registry.onDidChangeSessions(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const state = this.registry.active?.state ?? '';
    if (state === this.last) return;
    this.last = state;
    void vscode.commands.executeCommand('setContext', ACTIVE_STATE_CONTEXT, state);
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
