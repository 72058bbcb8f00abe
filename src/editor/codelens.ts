// CodeLens above the model (Train | Step | Reset | Open Panel, and a live status line) and above
// each layer (its live state). Icons are codicons, not emoji: they render in every font and theme.
//
// VS Code re-reads lenses a delay (250 ms or more) after the last onDidChangeCodeLenses, and every
// signal starts that delay again: signals every 250 ms while training froze the lenses for seconds.
// So signals are paced (pacedSignal): the next goes only once VS Code has asked for the lenses,
// REFRESH_SETTLE_MS after that (VS Code then draws them after a second debounce, which the next
// answer would restart) and REFRESH_GAP_MS after the last signal.
// Lenses are computed whole in provideCodeLenses (nothing to resolve), from the parse of the text
// as it is now: pending edits are applied first, so no lens is placed or worded by an older text.

import * as vscode from 'vscode';
import { COMMANDS } from './commands-ids';
import { layerText, statusText } from './format';
import { MODEL_SELECTOR } from './model-documents';
import type { DocumentSessions } from './session-registry';
import { errorCount, layerHealth, statusNumbers } from './session-view';
import { count, timed } from '../training/host-counters';
import { pacedSignal } from './timing';

/** Signals at least this far apart: longer than VS Code's usual CodeLens delay (250–375 ms). */
const REFRESH_GAP_MS = 500;
/**
 * After VS Code asks for the lenses, the next signal waits this long: VS Code draws the new titles
 * only after a second debounce (250 ms or more) that the next read's answer would start again.
 */
const REFRESH_SETTLE_MS = 300;
/**
 * A signal VS Code dropped (it cancels its pending read when the editor loses focus) goes again
 * after this. Longer than the slowest read seen while training on a loaded 2-core machine (about
 * 1.5 s from signal to read): sent sooner, it would restart VS Code's delay and starve it again.
 */
const REFRESH_RETRY_MS = 2000;

export class ModelCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly refresh = pacedSignal(() => {
    count('lens.signal');
    this.changed.fire();
  }, { minGapMs: REFRESH_GAP_MS, ackTimeoutMs: REFRESH_RETRY_MS, settleMs: REFRESH_SETTLE_MS });
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
      // Focus moving away from an editor makes VS Code drop a read it had pending.
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh.retry()),
      vscode.window.onDidChangeWindowState(() => this.refresh.retry()),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return timed('lens.provide', () => this.lenses(document));
  }

  private lenses(document: vscode.TextDocument): vscode.CodeLens[] {
    this.refresh.acknowledge();
    const session = this.registry.ensure(document);
    if (!session) return [];
    const uri = document.uri.toString();
    // The parse must be of this text: an edit still in the registry's debounce is applied now.
    this.registry.flush(uri);
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
        const text = layerText(layer, layerHealth(session, index, layer), index === spec.layers.length - 1);
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
