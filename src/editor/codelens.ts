// CodeLens above the model (Train | Step | Reset | Open Panel, and a live status line) and above
// each layer (its live state). Icons are codicons, not emoji: they render in every font and theme.
//
// VS Code re-reads lenses a delay (250 ms or more, the provider's average time) after the last
// onDidChangeCodeLenses, and every signal starts that delay again: signals every 250 ms while
// training froze the lenses for seconds. It then draws a lens's title only when it resolves it,
// after a second delay (250 ms or more, the resolve's average time) that the next read restarts.
// So the live lenses (the status line and the layers) are returned without a command and worded
// in resolveCodeLens, from the session as it is at that moment, and signals are paced
// (pacedSignal): the next goes as soon as the read it starts will land after the last read's
// resolve, so the two delays overlap and a figure is as old as one of them, not both in series.
// Nobody reads lenses that no editor shows: no signal then (VS Code reads a model's lenses itself
// when an editor opens it), so a closed model leaves no pacing timer behind.
// Lenses are placed in provideCodeLenses from the parse of the text as it is now: pending edits
// are applied first, so no lens is placed or worded by an older text.

import * as vscode from 'vscode';
import { COMMANDS } from './commands-ids';
import { layerText, statusText } from './format';
import { MODEL_SELECTOR } from './model-documents';
import type { DocumentSessions } from './session-registry';
import { errorCount, layerHealth, statusNumbers } from './session-view';
import { count, timed } from '../session/host-counters';
import { pacedSignal } from './timing';

/** Signals at least this far apart: VS Code's read delay is 250 ms at least, so this never holds one back. */
const REFRESH_GAP_MS = 250;
/** Room for jitter between VS Code's predicted resolve and the next read (pacedSignal's margin). */
const REFRESH_MARGIN_MS = 100;
/**
 * A signal VS Code dropped (it cancels its pending read when the editor loses focus) goes again
 * after this. Longer than the slowest read seen while training on a loaded 2-core machine (about
 * 1.5 s from signal to read): sent sooner, it would restart VS Code's delay and starve it again.
 */
const REFRESH_RETRY_MS = 2000;

/** A lens whose title follows training: worded when VS Code resolves it (resolveCodeLens). */
class LiveLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: string,
    /** The model's status line, or the layer at this index. */
    readonly layer: 'status' | number,
  ) {
    super(range);
  }
}

export class ModelCodeLenses implements vscode.CodeLensProvider<vscode.CodeLens>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly refresh = pacedSignal(() => {
    count('lens.signal');
    this.changed.fire();
  }, { minGapMs: REFRESH_GAP_MS, ackTimeoutMs: REFRESH_RETRY_MS, marginMs: REFRESH_MARGIN_MS });
  private readonly subscription: vscode.Disposable;

  static register(context: vscode.ExtensionContext, registry: DocumentSessions): ModelCodeLenses {
    const provider = new ModelCodeLenses(registry);
    context.subscriptions.push(provider, vscode.languages.registerCodeLensProvider(MODEL_SELECTOR, provider));
    return provider;
  }

  constructor(private readonly registry: DocumentSessions) {
    this.subscription = vscode.Disposable.from(
      registry.onDidChangeSession(() => this.changedSession()),
      registry.onDidChangeSessions(() => this.changedSession()),
      // Focus moving away from an editor makes VS Code drop a read it had pending.
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh.retry()),
      vscode.window.onDidChangeWindowState(() => this.refresh.retry()),
    );
  }

  /** A session changed: signal, if an editor shows a model's lenses. */
  private changedSession(): void {
    if (vscode.window.visibleTextEditors.some((editor) => vscode.languages.match(MODEL_SELECTOR, editor.document) > 0)) this.refresh.schedule();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return timed('lens.provide', () => this.lenses(document));
  }

  private lenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const session = this.registry.ensure(document);
    this.refresh.provided();
    if (!session) {
      this.refresh.resolved();
      return [];
    }
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
      lenses.push(new LiveLens(top, uri, 'status'));
    }
    if (spec) {
      locations.layers.forEach((range, index) => {
        if (!range || !spec.layers[index]) return;
        lenses.push(new LiveLens(new vscode.Range(range.start.line, 0, range.start.line, 0), uri, index));
      });
    }
    // Without a live lens VS Code resolves nothing: the read was the whole round.
    if (!lenses.some((lens) => lens instanceof LiveLens)) this.refresh.resolved();
    return lenses;
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (!(lens instanceof LiveLens)) return lens;
    return timed('lens.resolve', () => {
      this.refresh.resolved();
      lens.command = this.liveCommand(lens);
      return lens;
    });
  }

  /** The live lens's title and command, from the session as it is now. */
  private liveCommand(lens: LiveLens): vscode.Command {
    const session = this.registry.get(lens.uri);
    if (!session) return { title: '', command: '' };
    if (lens.layer === 'status') {
      return { title: statusText(statusNumbers(session)), command: COMMANDS.openPanel, arguments: [lens.uri], tooltip: 'Open the playground panel' };
    }
    const spec = session.parse.spec;
    const layer = spec?.layers[lens.layer];
    if (!spec || !layer) return { title: '', command: '' };
    return { title: layerText(layer, layerHealth(session, lens.layer, layer), lens.layer === spec.layers.length - 1), command: '' };
  }

  dispose(): void {
    this.refresh.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
