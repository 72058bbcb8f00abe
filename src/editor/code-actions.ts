// Quick fixes: each problem's TextFixes (from the model rules) as code actions whose edits go
// through a WorkspaceEdit, so they are undoable like typing.

import * as vscode from 'vscode';
import type { Problem, TextFix } from '../model/spec';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { MODEL_SELECTOR } from './model-documents';
import { toDocumentRange } from './ranges';
import type { DocumentSessions } from './session-registry';

/** The problem a diagnostic was made from: same rule code, same start. */
function problemOf(problems: readonly Problem[], diagnostic: vscode.Diagnostic): Problem | undefined {
  const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
  return problems.find(
    (problem) =>
      problem.code === code && problem.range.start.line === diagnostic.range.start.line && problem.range.start.character === diagnostic.range.start.character,
  );
}

export function fixToEdit(document: vscode.TextDocument, fix: TextFix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of fix.edits) edit.replace(document.uri, toDocumentRange(document, change.range), change.newText);
  return edit;
}

export class QuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  static register(context: vscode.ExtensionContext, registry: DocumentSessions): QuickFixes {
    const provider = new QuickFixes(registry);
    context.subscriptions.push(vscode.languages.registerCodeActionsProvider(MODEL_SELECTOR, provider, { providedCodeActionKinds: QuickFixes.kinds }));
    return provider;
  }

  constructor(private readonly registry: DocumentSessions) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const key = document.uri.toString();
    // The fixes' ranges must be those of the text as it is now, not of a parse 300 ms old.
    this.registry.flush(key);
    const session = this.registry.get(key);
    if (!session) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const fixes = problemOf(session.problems, diagnostic)?.fixes ?? [];
      fixes.forEach((fix, index) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = fixToEdit(document, fix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0 && fixes.length === 1;
        actions.push(action);
      });
    }
    return actions;
  }
}
