// Reads every message of the extension, the worker, the CLI and the webview out of the sources:
// the string literal given to `t(…)` or the two given to `tn(count, one, other)` (src/shared/l10n). The
// English bundle `l10n/bundle.l10n.json` is these, sorted; `npm run l10n` writes it and
// test/unit/l10n/bundles.test.ts fails while the committed one differs. A call whose message is
// not a literal is reported: a computed key cannot be translated.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface MessageScan {
  messages: Map<string, string[]>;
  /** `file:line` of each t/tn call whose message is not a string literal. */
  computed: string[];
}

/** The folders whose code people read the output of. */
export const MESSAGE_ROOTS = ['src', 'webview'];

export function sourceFiles(root: string, folders: readonly string[] = MESSAGE_ROOTS): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files.sort();
}

function literalText(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

export function scanMessages(root: string, files: readonly string[] = sourceFiles(root)): MessageScan {
  const messages = new Map<string, string[]>();
  const computed: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!/\btn?\(/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const where = (node: ts.Node): string => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const add = (node: ts.Node | undefined, call: ts.Node): void => {
      const message = literalText(node);
      if (message === undefined) computed.push(where(call));
      else messages.set(message, [...(messages.get(message) ?? []), where(call)]);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        if (node.expression.text === 't') add(node.arguments[0], node);
        else if (node.expression.text === 'tn') {
          add(node.arguments[1], node);
          add(node.arguments[2], node);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages, computed };
}

/** The English bundle's text: every message mapped to itself, sorted, as VS Code reads it. */
export function renderEnglishBundle(scan: MessageScan): string {
  const keys = [...scan.messages.keys()].sort();
  const bundle: Record<string, string> = {};
  for (const key of keys) bundle[key] = key;
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/**
 * String literals that read like English text (three words or more) and are not a message given
 * to t/tn: what is still to be converted. Not counted: imports, comments, `t`/`tn` arguments, and
 * the properties `code` and `path` (identifiers) and a rule's `summary` (read by no UI).
 */
export function untranslatedLiterals(root: string, files: readonly string[] = sourceFiles(root)): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const prose = /[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}/;
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const texts: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === 't' || node.expression.text === 'tn')) {
        // The message is translated; its arguments may still hold English.
        for (const arg of node.arguments.slice(node.expression.text === 't' ? 1 : 3)) visit(arg);
        return;
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ['code', 'path', 'summary'].includes(node.name.text)) return;
      let text: string | undefined;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
      else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
      if (text !== undefined && prose.test(text)) texts.push(text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (texts.length > 0) found.set(relative(root, file).replace(/\\/g, '/'), texts);
  }
  return found;
}
