// CodeLens above the model (Train | Step | Reset | Open Panel, and a live status line) and above
// each layer (its live state). Icons are codicons, not emoji: they render in every font and theme.
//
// How VS Code's CodeLens controller (codelensController.ts, 1.100) shows a lens's title: a signal
// (onDidChangeCodeLenses) restarts a read delay, the provider's average time as VS Code measures it
// (a round trip to this host, 250 ms at least); the answer is drawn when a second delay, the
// resolve's average time (250 ms at least), has run, and each answer restarts that one. Signals
// every 250 ms starved the first delay (the lens froze for seconds). Live lenses worded in
// resolveCodeLens cost a second round trip to this host per redraw, and its time, long on a loaded
// machine, fed the resolve delay: with two delays and two round trips in series the lens was 1-4 s
// behind the status bar. So every lens, the live ones too, is worded here, in provideCodeLenses, from
// the session as it is at that moment: VS Code's resolve step then has nothing to ask this host and
// its delay stays at its 250 ms floor, and a drawn figure is as old as that plus half a round trip.
// Signals are paced (pacedSignal): the next goes once VS Code has read the lenses of the last one,
// REFRESH_SETTLE_MS after that read (so its answer lands after this one's resolve step), and
// REFRESH_GAP_MS after the last signal. Nobody reads lenses that no editor shows: no signal then
// (VS Code reads a model's lenses itself when an editor shows it), so a closed model leaves no
// pacing timer behind. Lenses are placed from the parse of the text as it is now: pending edits are
// applied first, so no lens is placed or worded by an older text.

import * as vscode from 'vscode';
import { COMMANDS } from './commands-ids';
import { layerText, statusText } from './format';
import { MODEL_SELECTOR } from './model-documents';
import type { DocumentSessions } from './session-registry';
import { errorCount, layerHealth, statusNumbers } from './session-view';
import { count, timed } from '../session/host-counters';
import { t, tn } from '../shared/l10n';
import { pacedSignal } from './timing';

/** Signals at least this far apart: VS Code's read delay is 250 ms at least, so this holds none back. */
const REFRESH_GAP_MS = 250;
/**
 * After VS Code reads the lenses, the next signal waits this long: the read it starts then lands
 * (250 ms at least later) after this answer's resolve step (250 ms after it lands), with this much
 * room for the jitter of round trips on a loaded machine.
 */
const REFRESH_SETTLE_MS = 100;
/**
 * A signal VS Code dropped (it cancels its pending read when the editor loses focus) goes again
 * after this. Longer than the slowest read seen while training on a loaded 2-core machine (about
 * 1.5 s from signal to read): sent sooner, it would restart VS Code's delay and starve it again.
 */
const REFRESH_RETRY_MS = 2000;

export class ModelCodeLenses implements vscode.CodeLensProvider<vscode.CodeLens>, vscode.Disposable {
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
    // VS Code acted on the last signal: the next may go (after the settling time).
    this.refresh.acknowledge();
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
        ? command(`$(debug-pause) ${t('Pause')}`, COMMANDS.pause, t('Pause training (NN Playground: Pause)'))
        : command(`$(play) ${t('Train')}`, COMMANDS.train, t('Train the network (NN Playground: Train Network)')),
      command(`$(debug-step-over) ${t('Step')}`, COMMANDS.step, t('Train one epoch')),
      command(`$(debug-restart) ${t('Reset')}`, COMMANDS.reset, t('Re-initialise the weights from the seed')),
      command(`$(graph-line) ${t('Open Panel')}`, COMMANDS.openPanel, t('Open the playground panel')),
    ];
    const errors = errorCount(session);
    if (errors > 0) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(error) ${tn(errors, '{count} error — fix to train', '{count} errors — fix to train')}`,
          command: 'workbench.actions.view.problems',
          tooltip: t('Show the Problems panel'),
        }),
      );
    } else {
      lenses.push(new vscode.CodeLens(top, { title: statusText(statusNumbers(session)), command: COMMANDS.openPanel, arguments: [uri], tooltip: t('Open the playground panel') }));
    }
    if (spec) {
      locations.layers.forEach((range, index) => {
        const layer = spec.layers[index];
        if (!range || !layer) return;
        const title = layerText(layer, layerHealth(session, index, layer), index === spec.layers.length - 1);
        lenses.push(new vscode.CodeLens(new vscode.Range(range.start.line, 0, range.start.line, 0), { title, command: '' }));
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
