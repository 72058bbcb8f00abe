// CodeLens above the model (Train | Step | Reset | Open Panel, and a live status line) and above
// each layer (its live state). Icons are codicons, not emoji: they render in every font and theme. Lenses are re-requested through onDidChangeCodeLenses, throttled,
// so training at 20 snapshots a second costs the editor a few refreshes a second.

import * as vscode from 'vscode';
import { COMMANDS } from './commands-ids';
import { layerText, statusText } from './format';
import { MODEL_SELECTOR } from './model-documents';
import type { DocumentSessions } from './session-registry';
import { errorCount, layerHealth, statusNumbers } from './session-view';
import { throttle } from './timing';

const REFRESH_INTERVAL_MS = 250;

export class ModelCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly refresh = throttle(() => this.changed.fire(), REFRESH_INTERVAL_MS);
  private readonly subscription: vscode.Disposable;

  static register(context: vscode.ExtensionContext, registry: DocumentSessions): ModelCodeLenses {
    const provider = new ModelCodeLenses(registry);
    context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider(MODEL_SELECTOR, provider));
    return provider;
  }

  constructor(private readonly registry: DocumentSessions) {
    this.subscription = vscode.Disposable.from(
      registry.onDidChangeSession(() => this.refresh.schedule()),
      registry.onDidChangeSessions(() => this.refresh.schedule()),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.registry.ensure(document);
    if (!session) return [];
    const uri = document.uri.toString();
    const { locations, spec } = session.parse;
    const top = new vscode.Range(locations.root.start.line, 0, locations.root.start.line, 0);
    const command = (title: string, id: string, tooltip: string): vscode.CodeLens =>
      new vscode.CodeLens(top, { title, command: id, arguments: [uri], tooltip });
    const lenses = [
      session.state === 'training'
        ? command('$(debug-pause) Pause', COMMANDS.pause, 'Pause training (NN Playground: Pause)')
        : command('$(play) Train', COMMANDS.train, 'Train the network (NN Playground: Train Network)'),
      command('$(debug-step-over) Step', COMMANDS.step, 'Train one epoch'),
      command('$(debug-restart) Reset', COMMANDS.reset, 'Re-initialise the weights from the seed'),
      command('$(graph-line) Open Panel', COMMANDS.openPanel, 'Open the playground panel'),
    ];
    const errors = errorCount(session);
    if (errors > 0) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(error) ${errors} error${errors === 1 ? '' : 's'} — fix to train`,
          command: 'workbench.actions.view.problems',
          tooltip: 'Show the Problems panel',
        }),
      );
    } else {
      lenses.push(
        new vscode.CodeLens(top, { title: statusText(statusNumbers(session)), command: COMMANDS.openPanel, arguments: [uri], tooltip: 'Open the playground panel' }),
      );
    }
    if (spec) {
      locations.layers.forEach((range, index) => {
        const layer = spec.layers[index];
        if (!range || !layer) return;
        const line = new vscode.Range(range.start.line, 0, range.start.line, 0);
        const text = layerText(layer, layerHealth(session, index), index === spec.layers.length - 1);
        lenses.push(new vscode.CodeLens(line, { title: text, command: '' }));
      });
    }
    return lenses;
  }

  dispose(): void {
    this.refresh.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
