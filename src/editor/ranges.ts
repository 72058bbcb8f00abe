// The model's SourceRange (0-based lines and characters, as the parser counts them) in VS Code terms.

import * as vscode from 'vscode';
import type { SourceRange } from '../model/spec';

export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A range clamped to the document, so a range from a slightly older parse never throws. */
export function toDocumentRange(document: vscode.TextDocument, range: SourceRange): vscode.Range {
  return document.validateRange(toRange(range));
}
