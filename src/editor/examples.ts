// New Model from Example: a quick pick over the examples bundled with the extension, in lesson
// order (the one table, example-table.ts), in the UI's language (Chinese lessons when VS Code runs
// in Chinese), each shown with its name and the lesson it teaches (from its leading comment),
// opened as a new untitled `.nn.json` in the workspace folder, so nothing is written until the
// person saves.

import { parse as parseJsonc } from 'jsonc-parser';
import * as vscode from 'vscode';
import { COMMANDS } from './commands-ids';
import { describeExample } from './example-text';
import { EXAMPLE_TABLE, examplePath, type LessonLanguage, lessonLanguage } from './example-table';
import { MODEL_SUFFIX } from './model-documents';
import { PANEL_VIEW_TYPE } from './panel/playground-panel';
import { t } from '../shared/l10n';
import { errorMessage, type Log } from './output';

export interface ExampleModel {
  uri: vscode.Uri;
  fileName: string;
  name: string;
  /** `Lesson 3`, from the example's leading comment, when it has one. */
  lesson?: string;
  /** What the example teaches: the first sentence of its leading comment. */
  description?: string;
  text: string;
}

const decoder = new TextDecoder('utf-8');

/**
 * Reads the bundled examples in lesson order, each in the given language; an example the language
 * lacks is read in English, so a missing translation never hides a lesson.
 */
export async function readExamples(extensionUri: vscode.Uri, language: LessonLanguage = lessonLanguage(vscode.env.language)): Promise<ExampleModel[]> {
  const examples: ExampleModel[] = [];
  for (const { file } of EXAMPLE_TABLE) {
    let uri = vscode.Uri.joinPath(extensionUri, examplePath(language, file));
    let text = await readText(uri);
    if (text === undefined && language !== 'en') {
      uri = vscode.Uri.joinPath(extensionUri, examplePath('en', file));
      text = await readText(uri);
    }
    if (text === undefined) continue;
    const json: unknown = parseJsonc(text);
    const name = typeof json === 'object' && json !== null && typeof (json as { name?: unknown }).name === 'string' ? (json as { name: string }).name : file;
    const { lesson, description } = describeExample(text);
    examples.push({ uri, fileName: file, name, text, lesson, description });
  }
  return examples;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** An untitled URI for the copy, in the first workspace folder, not clashing with an existing file. */
async function untitledTarget(fileName: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return vscode.Uri.from({ scheme: 'untitled', path: fileName });
  const stem = fileName.slice(0, -MODEL_SUFFIX.length);
  const taken = new Set(vscode.workspace.textDocuments.map((document) => document.uri.path));
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder.uri, n === 1 ? fileName : `${stem}-${n}${MODEL_SUFFIX}`);
    if (taken.has(candidate.path)) continue;
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate.with({ scheme: 'untitled' });
    }
  }
}

/**
 * Opens a copy of an example. `fileName` (as the walkthrough's links pass it) picks one directly;
 * without it, or when it names no bundled example, the person chooses from a quick pick.
 */
export async function newModelFromExample(extensionUri: vscode.Uri, fileName?: unknown, viewColumn?: vscode.ViewColumn): Promise<vscode.TextEditor | undefined> {
  const examples = await readExamples(extensionUri);
  if (examples.length === 0) {
    void vscode.window.showWarningMessage(t('NN Playground: no examples are bundled with this installation.'));
    return undefined;
  }
  const named = typeof fileName === 'string' ? examples.find((example) => example.fileName === fileName) : undefined;
  const picked = named ? { example: named } : await vscode.window.showQuickPick(
    examples.map((example) => ({
      label: example.name,
      description: example.lesson ? `${example.lesson} · ${example.fileName}` : example.fileName,
      detail: example.description,
      example,
    })),
    { title: t('NN Playground: New Model from Example'), placeHolder: t('Pick an example to start from'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return undefined;
  const target = await untitledTarget(picked.example.fileName);
  const document = await vscode.workspace.openTextDocument(target);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(target, new vscode.Range(0, 0, document.lineCount, 0), picked.example.text);
  await vscode.workspace.applyEdit(edit);
  // A named example comes from a walkthrough link: open it beside the walkthrough, which stays in
  // view so the student can read the step while training; from the palette, in the active group.
  // `viewColumn`: several opened together (a comparison) go in one group, as tabs.
  return vscode.window.showTextDocument(document, { preview: false, viewColumn: viewColumn ?? (named ? vscode.ViewColumn.Beside : undefined) });
}

/**
 * Opens each named bundled example as a new model, all in one editor group beside the current one,
 * and returns their documents' URIs (the keys of their sessions). Names that are not bundled
 * examples are skipped: no quick pick pops up for them.
 */
export async function openExamplesTogether(extensionUri: vscode.Uri, fileNames: readonly string[]): Promise<string[]> {
  const bundled = new Set(EXAMPLE_TABLE.map((entry) => entry.file));
  const keys: string[] = [];
  // One group for all: the one beside what is in front (the walkthrough, an editor), or the
  // active group itself when it is empty. "Beside" alone moves with each editor opened.
  // Never the playground panel's group: the new tabs would hide the panel that shows them.
  const active = vscode.window.tabGroups.activeTabGroup;
  let column: vscode.ViewColumn = active.tabs.length > 0 ? active.viewColumn + 1 : active.viewColumn;
  const panelColumns = new Set(vscode.window.tabGroups.all.filter((group) => group.tabs.some(isPanelTab)).map((group) => group.viewColumn));
  while (panelColumns.has(column)) column++;
  for (const name of fileNames.filter((f) => bundled.has(f))) {
    const editor = await newModelFromExample(extensionUri, name, column);
    if (editor) keys.push(editor.document.uri.toString());
  }
  return keys;
}

export function registerExampleCommand(context: vscode.ExtensionContext, log: Log): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.newFromExample, async (fileName?: unknown) => {
      try {
        return await newModelFromExample(context.extensionUri, fileName);
      } catch (error) {
        log.error(t('New Model from Example failed'), error);
        void vscode.window.showErrorMessage(`NN Playground: ${errorMessage(error)}`);
        return undefined;
      }
    }),
  );
}

/** A tab of the playground panel (its webview's view type, which VS Code prefixes). */
function isPanelTab(tab: vscode.Tab): boolean {
  return tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PANEL_VIEW_TYPE);
}
