// Maps VS Code's model documents to training sessions: one per open `.nn.json` document, keyed by
// its URI string. Edits reach the session debounced (each one, which the session announces); a closed document keeps its session for a
// grace period (reopening it, or the panel showing it, keeps the training), then it is disposed so
// no worker, timer or listener outlives it.

import * as vscode from 'vscode';
import type { SessionChange, SessionHost, SessionRegistry, TrainingSession } from '../session/session-api';
import { isModelDocument, isModelUri, modelFileName } from './model-documents';
import { errorMessage, type Log } from './output';
import { t } from '../shared/l10n';
import { onDidChangeSettings, readSettings } from './settings';
import { count } from '../session/host-counters';
import { debounce, type Scheduled } from './timing';

/** Sessions that can re-read `host.settings()` when they change (the worker-backed ones can). */
interface SettingsAware {
  applySettings(): void;
}

export type SessionFactory = (key: string, text: string, host: SessionHost) => TrainingSession;
export type HostFactory = (uri: vscode.Uri) => SessionHost;

/** Edits typed in a burst are parsed once; short enough that problems follow the typing. */
export const EDIT_DEBOUNCE_MS = 300;

interface Entry {
  readonly session: TrainingSession;
  readonly uri: vscode.Uri;
  document: vscode.TextDocument;
  /** The document is shown (or at least loaded) in the editor; false during the grace period. */
  open: boolean;
  /** Holders that keep the session alive while closed (the panel showing it). */
  retainers: number;
  closeTimer?: ReturnType<typeof setTimeout>;
  readonly edits: Scheduled;
  readonly subscription: { dispose(): void };
}

export interface SessionEvent {
  session: TrainingSession;
  change: SessionChange;
  /** The model document the session trains. */
  uri: vscode.Uri;
}

export class DocumentSessions implements SessionRegistry, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private activeKey: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly activeEmitter = new vscode.EventEmitter<TrainingSession | undefined>();
  private readonly sessionEmitter = new vscode.EventEmitter<SessionEvent>();
  private readonly lifecycleEmitter = new vscode.EventEmitter<{ key: string; open: boolean }>();
  private readonly setEmitter = new vscode.EventEmitter<void>();
  private reportedFailure = false;

  /** Every change of every session, with the session it came from (adapters listen to this once). */
  readonly onDidChangeSession = this.sessionEmitter.event;
  /** A model document was closed (open: false) or (re)opened (open: true). */
  readonly onDidChangeOpen = this.lifecycleEmitter.event;
  /** A session was created or disposed. */
  readonly onDidChangeSessions = this.setEmitter.event;

  static register(context: vscode.ExtensionContext, createSession: SessionFactory, createHost: HostFactory, log: Log): DocumentSessions {
    const registry = new DocumentSessions(createSession, createHost, log);
    context.subscriptions.push(registry);
    registry.start();
    return registry;
  }

  constructor(
    private readonly createSession: SessionFactory,
    private readonly createHost: HostFactory,
    private readonly log: Log,
  ) {}

  private start(): void {
    this.disposables.push(
      this.activeEmitter,
      this.sessionEmitter,
      this.lifecycleEmitter,
      this.setEmitter,
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isModelDocument(document)) this.ensure(document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)),
      vscode.workspace.onDidCloseTextDocument((document) => this.markClosed(document.uri.toString())),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.onActiveEditor(editor)),
      vscode.window.tabGroups.onDidChangeTabs((event) => this.onTabs(event)),
      onDidChangeSettings(() => {
        // Sessions read limits and rule families from the host; the worker-backed ones also
        // re-read them on request, so a changed setting applies without reopening the file.
        for (const entry of this.entries.values()) (entry.session as Partial<SettingsAware>).applySettings?.();
      }),
      // Trust granted (no reload for a `limited` extension): the host now reads what it refused in
      // Restricted Mode, so a model refused its CSV is prepared again and its problem goes.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        for (const entry of this.entries.values()) (entry.session as Partial<SettingsAware>).applySettings?.();
      }),
    );
    for (const document of vscode.workspace.textDocuments) {
      if (isModelDocument(document)) this.ensure(document);
    }
    this.onActiveEditor(vscode.window.activeTextEditor);
  }

  // ---- SessionRegistry ------------------------------------------------------------------------

  get(uri: string): TrainingSession | undefined {
    return this.entries.get(uri)?.session;
  }

  get active(): TrainingSession | undefined {
    return this.activeKey === undefined ? undefined : this.entries.get(this.activeKey)?.session;
  }

  onDidChangeActive(listener: (session: TrainingSession | undefined) => void): vscode.Disposable {
    return this.activeEmitter.event(listener);
  }

  all(): readonly TrainingSession[] {
    return [...this.entries.values()].map((entry) => entry.session);
  }

  // ---- What the editor adapters and commands use -----------------------------------------------

  /** The session of a model document, created when it has none yet. Undefined if creation failed. */
  ensure(document: vscode.TextDocument): TrainingSession | undefined {
    const key = document.uri.toString();
    const existing = this.entries.get(key);
    if (existing) {
      existing.document = document;
      if (!existing.open) this.reopen(existing);
      return existing.session;
    }
    let session: TrainingSession;
    const text = document.getText();
    try {
      session = this.createSession(key, text, this.createHost(document.uri));
    } catch (error) {
      this.log.error(t('Could not start a session for {file}', { file: modelFileName(document.uri) }), error);
      if (!this.reportedFailure) {
        this.reportedFailure = true;
        void vscode.window.showErrorMessage(t('NN Playground could not start a session for {file}: {reason}', { file: modelFileName(document.uri), reason: errorMessage(error) }));
      }
      return undefined;
    }
    const entry: Entry = {
      session,
      uri: document.uri,
      document,
      open: true,
      retainers: 0,
      edits: debounce(() => this.pushText(entry), EDIT_DEBOUNCE_MS),
      subscription: session.onDidChange((change) => {
        if (change.kind === 'model' && change.reset && change.reason) this.log.info(`${modelFileName(entry.uri)}: reset — ${change.reason}`);
        if (change.kind === 'state') this.log.info(`${modelFileName(entry.uri)}: ${change.state}`);
        this.sessionEmitter.fire({ session, change, uri: entry.uri });
      }),
    };
    this.entries.set(key, entry);
    this.log.info(t('Session opened for {file}', { file: modelFileName(document.uri) }));
    this.setEmitter.fire();
    return session;
  }

  /** Whether the model document is open in the editor (not in its grace period). */
  isOpen(uri: string): boolean {
    return this.entries.get(uri)?.open ?? false;
  }

  /** The document behind a session. */
  documentOf(uri: string): vscode.TextDocument | undefined {
    return this.entries.get(uri)?.document;
  }

  /** Applies pending edits now, so a reader (hover, quick fix) sees the parse of the current text. */
  flush(uri: string): void {
    this.entries.get(uri)?.edits.flush();
  }

  /** Keeps a session alive while its holder shows it, even after its document closes. */
  retain(uri: string): vscode.Disposable {
    const entry = this.entries.get(uri);
    if (!entry) return new vscode.Disposable(() => undefined);
    entry.retainers++;
    this.cancelClose(entry);
    let released = false;
    return new vscode.Disposable(() => {
      if (released) return;
      released = true;
      entry.retainers--;
      if (!entry.open && entry.retainers === 0 && this.entries.get(uri) === entry) this.scheduleClose(entry);
    });
  }

  dispose(): void {
    for (const key of [...this.entries.keys()]) this.disposeEntry(key);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  // ---- Lifecycle ------------------------------------------------------------------------------

  private pushText(entry: Entry): void {
    const text = entry.document.getText();
    count('registry.pushText');
    // Every debounced edit reaches the session, even one that left the text as it was: the session
    // announces it (and does not parse an unchanged text).
    try {
      entry.session.updateText(text);
    } catch (error) {
      // The session reports bad models as problems; reaching here is a bug, logged, never fatal.
      this.log.error(t('Could not update {file}', { file: modelFileName(entry.uri) }), error);
    }
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const entry = this.entries.get(event.document.uri.toString());
    if (!entry) return;
    entry.document = event.document;
    if (!entry.open) this.reopen(entry);
    entry.edits.schedule();
  }

  private onActiveEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isModelDocument(editor.document)) return;
    const session = this.ensure(editor.document);
    if (session && this.activeKey !== session.key) {
      this.activeKey = session.key;
      this.activeEmitter.fire(session);
    }
  }

  /**
   * VS Code keeps a closed tab's document loaded for a while before `onDidCloseTextDocument`, so
   * the last tab of a model closing counts as closing it (its problems disappear at once).
   */
  private onTabs(event: vscode.TabChangeEvent): void {
    for (const tab of event.closed) {
      const uri = tabUri(tab);
      if (uri && isModelUri(uri) && !isShownInTab(uri)) this.markClosed(uri.toString());
    }
    for (const tab of [...event.opened, ...event.changed]) {
      const uri = tabUri(tab);
      if (!uri || !isModelUri(uri)) continue;
      const entry = this.entries.get(uri.toString());
      if (entry && !entry.open) this.reopen(entry);
      else if (!entry) {
        const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        if (document) this.ensure(document);
      }
    }
  }

  private reopen(entry: Entry): void {
    entry.open = true;
    this.cancelClose(entry);
    // The text may have changed while closed (reverted, edited on disk).
    entry.edits.schedule();
    entry.edits.flush();
    this.lifecycleEmitter.fire({ key: entry.session.key, open: true });
  }

  private markClosed(key: string): void {
    const entry = this.entries.get(key);
    if (!entry || !entry.open) return;
    entry.open = false;
    entry.edits.flush();
    this.lifecycleEmitter.fire({ key, open: false });
    if (entry.retainers === 0) this.scheduleClose(entry);
  }

  private scheduleClose(entry: Entry): void {
    this.cancelClose(entry);
    const key = entry.session.key;
    entry.closeTimer = setTimeout(() => {
      entry.closeTimer = undefined;
      if (this.entries.get(key) === entry && !entry.open && entry.retainers === 0) this.disposeEntry(key);
    }, readSettings().sessionGracePeriodMs);
  }

  private cancelClose(entry: Entry): void {
    if (entry.closeTimer !== undefined) clearTimeout(entry.closeTimer);
    entry.closeTimer = undefined;
  }

  private disposeEntry(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.cancelClose(entry);
    entry.edits.dispose();
    entry.subscription.dispose();
    try {
      entry.session.dispose();
    } catch (error) {
      this.log.error(t('Disposing the session of {file} failed', { file: modelFileName(entry.uri) }), error);
    }
    this.log.info(t('Session closed for {file}', { file: modelFileName(entry.uri) }));
    if (this.activeKey === key) {
      this.activeKey = undefined;
      this.activeEmitter.fire(undefined);
    }
    this.setEmitter.fire();
  }
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

function isShownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tabUri(tab)?.toString() === key));
}
