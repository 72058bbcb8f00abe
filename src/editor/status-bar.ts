// The status bar item for the active model (click: open the panel). The context key menus and
// keybindings read is set in context-keys.ts.

import * as vscode from 'vscode';
import type { TrainingSession } from '../session/session-api';
import { COMMANDS } from './commands-ids';
import { statusText } from './format';
import { modelFileName } from './model-documents';
import type { DocumentSessions } from './session-registry';
import { errorCount, statusNumbers } from './session-view';
import { timed } from '../session/host-counters';
import { throttle } from './timing';
import { t, tn } from '../shared/l10n';

/** A session's notice (a reset for an edit, a pause for errors) is in the item's text this long, then in its tooltip. */
export const NOTICE_SHOWN_MS = 10_000;

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
  /** The notice in the text, and until when; a timer takes it out. */
  private shownNotice: { session: TrainingSession; text: string; until: number } | undefined;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

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
        if (change.kind === 'notice') this.showNotice(session);
        // A state change or a notice says what just happened: render at once.
        if (change.kind === 'state' || change.kind === 'notice') this.render();
        else this.refresh.schedule();
      }),
      registry.onDidChangeSessions(() => this.refresh.schedule()),
    );
    this.render();
  }

  private render(): void {
    timed('statusBar.render', () => this.renderNow());
  }

  private renderNow(): void {
    const session = this.registry.active;
    if (!session) {
      this.item.hide();
      return;
    }
    const name = modelFileName(vscode.Uri.parse(session.key));
    const errors = errorCount(session);
    const shown = this.shownNotice;
    const notice = shown && shown.session === session && shown.text === session.notice && Date.now() < shown.until ? ` — ${shown.text}` : '';
    const tooltipNotice = session.notice ? `\n${session.notice}` : '';
    if (errors > 0) {
      this.item.text = `$(error) NN: ${tn(errors, '{count} error', '{count} errors')}${notice}`;
      this.item.tooltip = `${t('{file}: fix the problems to train. Click to open the playground panel.', { file: name })}${tooltipNotice}`;
    } else {
      this.item.text = `${ICONS[session.state]} NN: ${statusText(statusNumbers(session))}${notice}`;
      this.item.tooltip = `${t('{file} — click to open the playground panel', { file: name })}${tooltipNotice}`;
    }
    this.item.show();
  }

  private showNotice(session: TrainingSession): void {
    if (this.noticeTimer !== undefined) clearTimeout(this.noticeTimer);
    this.noticeTimer = undefined;
    const text = session.notice;
    if (!text) {
      this.shownNotice = undefined;
      return;
    }
    this.shownNotice = { session, text, until: Date.now() + NOTICE_SHOWN_MS };
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = undefined;
      this.shownNotice = undefined;
      this.render();
    }, NOTICE_SHOWN_MS);
  }

  dispose(): void {
    if (this.noticeTimer !== undefined) clearTimeout(this.noticeTimer);
    this.refresh.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
