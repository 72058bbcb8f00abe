// The status bar item for the active model (click: open the panel), and the context key
// `nnPlayground.activeState` that menus and keybindings use to offer Train or Pause.

import * as vscode from 'vscode';
import type { TrainingSession } from '../training/session-api';
import { COMMANDS } from './commands-ids';
import { statusText } from './format';
import { modelFileName } from './model-documents';
import type { DocumentSessions } from './session-registry';
import { errorCount, statusNumbers } from './session-view';
import { throttle } from './timing';

export const ACTIVE_STATE_CONTEXT = 'nnPlayground.activeState';

const ICONS: Record<TrainingSession['state'], string> = {
  idle: '$(circuit-board)',
  training: '$(sync~spin)',
  paused: '$(debug-pause)',
  finished: '$(pass)',
  diverged: '$(warning)',
};

export class ModelStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('nnPlayground.status', vscode.StatusBarAlignment.Left, 50);
  private readonly refresh = throttle(() => this.render(), 200);
  private readonly disposables: vscode.Disposable[] = [];
  private lastState: string | undefined;

  static register(context: vscode.ExtensionContext, registry: DocumentSessions): ModelStatusBar {
    const bar = new ModelStatusBar(registry);
    context.subscriptions.push(bar);
    return bar;
  }

  constructor(private readonly registry: DocumentSessions) {
    this.item.name = 'NN Playground';
    this.item.command = COMMANDS.openPanel;
    this.disposables.push(
      this.item,
      registry.onDidChangeActive(() => this.refresh.schedule()),
      registry.onDidChangeSession(({ session, change }) => {
        if (session !== registry.active) return;
        // A state change flips menus and keybindings: render it at once, not after the throttle.
        if (change.kind === 'state') this.render();
        else this.refresh.schedule();
      }),
      registry.onDidChangeSessions(() => this.refresh.schedule()),
    );
    this.render();
  }

  private render(): void {
    const session = this.registry.active;
    this.setContext(session?.state);
    if (!session) {
      this.item.hide();
      return;
    }
    const name = modelFileName(vscode.Uri.parse(session.key));
    const errors = errorCount(session);
    if (errors > 0) {
      this.item.text = `$(error) NN: ${errors} error${errors === 1 ? '' : 's'}`;
      this.item.tooltip = `${name}: fix the problems to train. Click to open the playground panel.`;
    } else {
      this.item.text = `${ICONS[session.state]} NN: ${statusText(statusNumbers(session))}`;
      this.item.tooltip = `${name} — click to open the playground panel`;
    }
    this.item.show();
  }

  private setContext(state: string | undefined): void {
    if (state === this.lastState) return;
    this.lastState = state;
    void vscode.commands.executeCommand('setContext', ACTIVE_STATE_CONTEXT, state ?? '');
  }

  dispose(): void {
    this.refresh.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
