// Problems in the editor: static and live rules on their exact lines, quick fixes that edit the
// text (and undo), bad input that gives a clear message and never a crash, and clearing on close.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { log } from '../runner/log';
import {
  BROKEN_JSON_MODEL,
  codeOf,
  HUGE_MODEL,
  LINEAR_COLLAPSE_MODEL,
  MISSING_CSV_MODEL,
  ourDiagnostics,
  pauseAndSettle,
  positionOf,
  SATURATED_SIGMOID_MODEL,
  sessionOf,
  show,
  until,
  writeModel,
  keepPanelClosedDuringSuite,
} from './helpers';

suite('problems and quick fixes', () => {
  keepPanelClosedDuringSuite();

  test('a linear hidden layer shows linear-collapse on its activation, and the quick fix edits the text (undoably)', async () => {
    const uri = await writeModel('linear-collapse.nn.json', LINEAR_COLLAPSE_MODEL);
    const editor = await show(uri);
    const expected = positionOf(LINEAR_COLLAPSE_MODEL, '"linear"');
    const diagnostic = await until(() => ourDiagnostics(uri).find((d) => codeOf(d) === 'linear-collapse'), 'the linear-collapse problem');
    assert.equal(diagnostic.range.start.line, expected.line, 'linear-collapse is not on the linear activation’s line');
    assert.equal(diagnostic.range.start.character, expected.character);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    // Its code links to the rule's page shipped in the extension, in the UI language.
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code.target instanceof vscode.Uri, `linear-collapse's code ${JSON.stringify(code)} is not a link`);
    const page = vscode.env.language.startsWith('zh') ? 'docs/rules/zh-cn/linear-collapse.md' : 'docs/rules/linear-collapse.md';
    assert.ok(code.target.path.endsWith(page), `${code.target.toString()} is not ${page}`);
    assert.ok((await vscode.workspace.fs.stat(code.target)).size > 0, `${code.target.toString()} does not exist`);

    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const toTanh = actions.find((action) => /tanh/.test(action.title) && action.edit);
    assert.ok(toTanh, `no tanh quick fix among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.ok(await vscode.workspace.applyEdit(toTanh.edit!));
    assert.equal(editor.document.lineAt(expected.line).text.trim(), '{ "units": 8, "activation": "tanh" },');
    await until(() => !ourDiagnostics(uri).some((d) => codeOf(d) === 'linear-collapse'), 'linear-collapse to go after the fix');

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await until(() => editor.document.getText() === LINEAR_COLLAPSE_MODEL, 'undo to restore the linear activation');
    await until(() => ourDiagnostics(uri).some((d) => codeOf(d) === 'linear-collapse'), 'linear-collapse to come back after undo');
  });

  test('closing a model clears its problems', async () => {
    const uri = await writeModel('linear-collapse-close.nn.json', LINEAR_COLLAPSE_MODEL);
    await show(uri);
    await until(() => ourDiagnostics(uri).length > 0, 'problems of the open model');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await until(() => ourDiagnostics(uri).length === 0, 'the problems to clear after closing', 5_000);
  });

  test('a saturated deep sigmoid net shows a live problem while it trains, with a quick fix', async function () {
    this.timeout(60_000);
    const uri = await writeModel('saturated-sigmoid.nn.json', SATURATED_SIGMOID_MODEL);
    await show(uri);
    const session = await sessionOf(uri);
    const staticCodes = new Set(ourDiagnostics(uri).map(codeOf));
    await vscode.commands.executeCommand('nnPlayground.train', uri.toString());
    const live = await until(
      () => ourDiagnostics(uri).find((d) => ['sigmoid-saturation', 'vanishing-gradient'].includes(codeOf(d))),
      'a sigmoid-saturation or vanishing-gradient problem',
      45_000,
    );
    assert.ok(session.problems.some((problem) => problem.source === 'live' && problem.code === codeOf(live)), `${codeOf(live)} is not a live problem`);
    const layer = session.problems.find((problem) => problem.code === codeOf(live))?.layer;
    log(`      live problem ${codeOf(live)} on line ${live.range.start.line + 1} (layer ${layer === undefined ? '?' : layer + 1}) after epoch ${session.latest?.epoch}; static before training: ${[...staticCodes].join(', ')}`);
    assert.ok(live.range.start.line >= positionOf(SATURATED_SIGMOID_MODEL, '"layers"').line, 'the live problem is not on a layer');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, live.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    assert.ok(actions.some((action) => action.edit), `no quick fix for ${codeOf(live)}`);
    await pauseAndSettle(session);
  });

  test('broken JSON: a clear error on its line, Train refuses without a crash', async () => {
    const uri = await writeModel('broken.nn.json', BROKEN_JSON_MODEL);
    await show(uri);
    const session = await sessionOf(uri);
    // Listed once in Problems: by VS Code's JSON service, which puts it where we would (syntax-once.test.ts).
    const error = await until(() => vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error), 'a syntax error');
    const expectedLine = positionOf(BROKEN_JSON_MODEL, '"loss"').line;
    assert.ok(Math.abs(error.range.start.line - expectedLine) <= 1, `syntax error on line ${error.range.start.line}, expected near ${expectedLine}`);
    await vscode.commands.executeCommand('nnPlayground.train', uri.toString());
    assert.equal(session.state, 'idle');
  });

  test('a missing CSV file is named in a problem', async () => {
    const uri = await writeModel('missing-csv.nn.json', MISSING_CSV_MODEL);
    await show(uri);
    const problem = await until(() => ourDiagnostics(uri).find((d) => d.message.includes('no-such-file.csv')), 'a problem naming the missing CSV');
    log(`      missing CSV: ${problem.message}`);
  });

  test('a huge network is refused with a message naming its parameter count, and the editor stays responsive', async () => {
    const uri = await writeModel('huge.nn.json', HUGE_MODEL);
    await show(uri);
    const session = await sessionOf(uri);
    await vscode.commands.executeCommand('nnPlayground.train', uri.toString());
    const problem = await until(() => ourDiagnostics(uri).find((d) => /parameter/i.test(d.message) && /\d{3}[,\s ]?\d{3}/.test(d.message)), 'a problem naming the parameter count');
    log(`      huge model: ${problem.message}`);
    assert.notEqual(session.state, 'training');
    // The editor still answers: a lens request completes.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.ok(lenses && lenses.length > 0);
  });
});
