// Each syntax error is listed once in the Problems panel. VS Code's JSON language service validates
// every .nn.json (a jsonc file with our schema) and reports its syntax errors on the token where
// jsonc-parser finds them, the same place ours would go, so ours stay out of Problems while that
// service validates. The session still counts them (the lens says "1 error — fix to train"). The
// schema allows comments and trailing commas, as the README promises: nobody flags those.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { log } from '../runner/log';
import { codeOf, keepPanelClosedDuringSuite, ourDiagnostics, positionOf, resolvedLenses, sessionOf, show, until, writeModel } from './helpers';

/** Comments, trailing commas, and one missing comma after the layers list (before "loss"). */
const MODEL = `// A model with comments and trailing commas, which the README allows.
{
  "name": "Syntax once", /* a block comment */
  "data": { "generator": "xor", },
  "layers": [
    { "units": 4, "activation": "tanh", },
    { "units": 1, "activation": "sigmoid" },
  ]
  "loss": "cross-entropy",
}
`;

const isError = (d: vscode.Diagnostic) => d.severity === vscode.DiagnosticSeverity.Error;

suite('syntax errors in Problems', () => {
  keepPanelClosedDuringSuite();

  test('a missing comma is listed once, on the token after it; comments and trailing commas are not flagged', async () => {
    const uri = await writeModel('syntax-once.nn.json', MODEL);
    await show(uri);
    const session = await sessionOf(uri);
    const at = positionOf(MODEL, '"loss"');
    await until(() => session.problems.some((p) => p.code === 'syntax-error'), 'the session to find the syntax error');
    const json = await until(
      () => vscode.languages.getDiagnostics(uri).find((d) => d.source !== 'NN Playground' && isError(d)),
      'VS Code\u2019s JSON service to report the syntax error',
      30_000,
    );
    log(`      JSON service: ${json.source ?? '(no source)'} "${json.message}" at ${json.range.start.line}:${json.range.start.character}`);
    // Where we would have put it: the session's own problem for it.
    const ours = session.problems.find((p) => p.code === 'syntax-error')!;
    assert.equal(json.range.start.line, ours.range.start.line);
    assert.equal(json.range.start.character, ours.range.start.character);
    assert.equal(json.range.start.line, at.line);
    // Give our diagnostics the time to be published (they are throttled), then count.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const all = vscode.languages.getDiagnostics(uri);
    log(`      diagnostics: ${JSON.stringify(all.map((d) => `${d.source}:${d.range.start.line}:${d.message}`))}`);
    const onThatLine = all.filter((d) => isError(d) && d.range.start.line === at.line);
    assert.equal(onThatLine.length, 1, `the syntax error is listed ${onThatLine.length} times`);
    assert.equal(ourDiagnostics(uri).filter((d) => codeOf(d) === 'syntax-error').length, 0);
    // Nothing on the comments or the trailing commas (lines 1-7 and 9), from any source.
    const elsewhere = all.filter((d) => d.source !== 'NN Playground' && d.range.start.line !== at.line);
    assert.deepEqual(elsewhere.map((d) => `${d.source}: ${d.message}`), []);
    // The lens still counts it.
    const lenses = await resolvedLenses(uri);
    assert.ok(lenses.some((l) => /1 error/.test(l.command?.title ?? '')), 'the lens does not count the syntax error');
  });
});
