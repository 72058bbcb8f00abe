// What the webview is told about the model as written and its problems: plain data cut from the
// session's parse, so the webview never sees the parser's types.

import { dataFacts, handDataView } from '../../model/index';
import type { Problem, ParseResult } from '../../model/spec';
import type { DataView } from '../../shared/protocol/snapshot';
import type { ModelSummary, ProblemView } from '../../shared/protocol/webview-messages';

/** Null when the text does not parse into a trainable model (its problems say why). */
export function modelSummary(parse: ParseResult, fileName: string, data: DataView | null): ModelSummary | null {
  const spec = parse.spec;
  if (!spec) return null;
  const t = spec.training;
  return {
    name: spec.name,
    fileName,
    // Before the data is built (or when it failed), what the file itself says about the inputs.
    inputSize: data?.inputSize ?? dataFacts(spec.data).inputSize ?? 0,
    layers: spec.layers.map((l) => ({
      units: l.units,
      activation: l.activation,
      dropout: l.dropout ?? 0,
      ...(l.init ? { init: { ...l.init } } : {}),
    })),
    loss: spec.loss,
    init: { ...spec.init },
    training: {
      optimizer: t.optimizer,
      learningRate: t.learningRate,
      batchSize: t.batchSize,
      epochs: t.epochs,
      regularization: { type: t.regularization.type, lambda: t.regularization.lambda },
    },
    handData: handDataView(spec.data, spec.layers.at(-1)),
  };
}

export function problemViews(problems: readonly Problem[]): ProblemView[] {
  return problems.map((p) => ({
    code: p.code,
    severity: p.severity,
    message: p.message,
    line: p.range.start.line,
    character: p.range.start.character,
    source: p.source,
    ...(p.layer === undefined ? {} : { layer: p.layer }),
  }));
}

/** The problem a Problems link points at, so the editor selects its whole range. */
export function problemAt(problems: readonly Problem[], line: number, character: number): Problem | undefined {
  return problems.find((p) => p.range.start.line === line && p.range.start.character === character);
}
