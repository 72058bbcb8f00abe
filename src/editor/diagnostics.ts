// Every problem of a model (parse, static rules, live rules) in the Problems panel, on its exact
// range, with the rule's code; refreshed as the file is edited and as training runs (throttled,
// so a training session does not flood the panel), cleared when the file closes.

import * as vscode from 'vscode';
import type { Problem, Severity } from '../model/spec';
import type { TrainingSession } from '../session/session-api';
import { ruleDocPath, SYNTAX_ERROR } from '../model/index';
import { timed } from '../session/host-counters';
import { shown } from '../run/problems';
import { toDocumentRange } from './ranges';
import type { DocumentSessions } from './session-registry';
import { onDidChangeSettings, readSettings } from './settings';
import { throttle, type Scheduled } from './timing';

export const DIAGNOSTIC_SOURCE = 'NN Playground';


/** Live problems follow training: a few refreshes a second is plenty for the Problems panel. */
const REFRESH_INTERVAL_MS = 250;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** VS Code's JSON language features, which validate every `.nn.json` (a jsonc file) against our schema. */
const JSON_LANGUAGE_FEATURES = 'vscode.json-language-features';

/**
 * Whether VS Code's JSON language service reports syntax errors in model files. It parses them with
 * the same jsonc-parser, so it puts each syntax error on the same token as we would; our copy in
 * Problems would list every one twice. (The schema allows comments and trailing commas, so the
 * service does not flag those.) When it is off, ours are the only ones and are published.
 */
export function jsonServiceReportsSyntax(): boolean {
  return vscode.extensions.getExtension(JSON_LANGUAGE_FEATURES) !== undefined && vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true);
}

/**
 * The problems to show under the current settings: the session's own rule (errors always show),
 * without the syntax errors VS Code's JSON service already lists. The session keeps them all: the
 * lens, status bar and panel still count and show them.
 */
export function reportedProblems(problems: readonly Problem[]): Problem[] {
  const families = readSettings().diagnostics;
  const jsonSyntax = jsonServiceReportsSyntax();
  return problems.filter((problem) => shown(problem, families) && !(jsonSyntax && problem.code === SYNTAX_ERROR));
}

/** Where a rule's page is: in the extension itself, in the UI language (works offline, matches the version). */
export type RuleDocs = (code: string) => vscode.Uri | undefined;

export function ruleDocs(extensionUri: vscode.Uri, language: string = vscode.env.language): RuleDocs {
  return (code) => {
    const path = ruleDocPath(code, language);
    return path === undefined ? undefined : vscode.Uri.joinPath(extensionUri, path);
  };
}

export function toDiagnostic(document: vscode.TextDocument, problem: Problem, docs?: RuleDocs): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toDocumentRange(document, problem.range), problem.message, SEVERITY[problem.severity]);
  // A rule's code is a link to its page (Problems panel, hover); other codes stay plain.
  const page = docs?.(problem.code);
  diagnostic.code = page ? { value: problem.code, target: page } : problem.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

export class ModelDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nnPlayground');
  private readonly refreshers = new Map<string, Scheduled>();
  private readonly disposables: vscode.Disposable[] = [];

  static register(context: vscode.ExtensionContext, registry: DocumentSessions): ModelDiagnostics {
    const diagnostics = new ModelDiagnostics(registry, ruleDocs(context.extensionUri));
    context.subscriptions.push(diagnostics);
    return diagnostics;
  }

  constructor(
    private readonly registry: DocumentSessions,
    private readonly docs?: RuleDocs,
  ) {
    this.disposables.push(
      this.collection,
      registry.onDidChangeSession(({ session, change }) => {
        if (change.kind === 'problems' || change.kind === 'model') this.refresherOf(session).schedule();
      }),
      registry.onDidChangeOpen(({ key, open }) => {
        const session = registry.get(key);
        if (open && session) this.publish(session);
        else if (!open) {
          this.forget(key);
        }
      }),
      registry.onDidChangeSessions(() => {
        for (const key of [...this.refreshers.keys()]) if (!registry.get(key)) this.forget(key);
        for (const session of registry.all()) if (!this.refreshers.has(session.key)) this.publish(session);
      }),
      onDidChangeSettings(() => {
        for (const session of registry.all()) this.publish(session);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('json.validate.enable')) return;
        for (const session of registry.all()) this.publish(session);
      }),
    );
    for (const session of registry.all()) this.publish(session);
  }

  private refresherOf(session: TrainingSession): Scheduled {
    let refresher = this.refreshers.get(session.key);
    if (!refresher) {
      refresher = throttle(() => this.publish(session), REFRESH_INTERVAL_MS);
      this.refreshers.set(session.key, refresher);
    }
    return refresher;
  }

  private publish(session: TrainingSession): void {
    timed('diagnostics.publish', () => this.publishNow(session));
  }

  private publishNow(session: TrainingSession): void {
    if (!this.refreshers.has(session.key)) this.refresherOf(session);
    const document = this.registry.documentOf(session.key);
    if (!document || !this.registry.isOpen(session.key)) {
      this.collection.delete(vscode.Uri.parse(session.key));
      return;
    }
    this.collection.set(
      document.uri,
      reportedProblems(session.problems).map((problem) => toDiagnostic(document, problem, this.docs)),
    );
  }

  private forget(key: string): void {
    this.refreshers.get(key)?.dispose();
    this.refreshers.delete(key);
    this.collection.delete(vscode.Uri.parse(key));
  }

  dispose(): void {
    for (const refresher of this.refreshers.values()) refresher.dispose();
    this.refreshers.clear();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
