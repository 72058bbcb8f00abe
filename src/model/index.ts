// The model's public entry points: text → spec + problems, spec → trainer inputs, and the rules
// that turn training statistics into problems. Pure: the editor, the worker and the CLI all call these.

export { parseModel, defaultLoss, type ParseOptions } from './parse/parse-model';
export { SYNTAX_ERROR } from './parse/syntax';
export { MAX_EPOCHS } from './parse/read-training';
export type { ModelSpec, DataSpec, LayerSpec, Problem, SourceRange, Severity, TextFix, ParseResult, SpecLocations, DataFacts } from './spec';
export { DEFAULTS, defaultLearningRate } from './defaults';
export { THRESHOLDS } from './thresholds';
export { STATIC_RULES } from './rules/static';
export type { StaticRule, LiveRule, LiveContext, PreviousLiveProblem } from './rules/rule';
export { dataFacts } from './data-facts';
export { predictedSaturation } from './rules/static/init-saturation';
export { layerInits, weightSecondMoment, type LayerInit } from './init-scale';
export { LineIndex } from './text/line-index';
export { didYouMean, editDistance } from './text/did-you-mean';
export { toTrainerInputs, type TrainerInputs } from './to-trainer-inputs';
export { checkAgainstData, checkCsv, csvNeedsTrustProblem, csvReadProblem, CSV_READ_TIMEOUT_MS, CSV_REFUSALS, MAX_CSV_BYTES, type DataSummary } from './check-data';
export { liveProblems, LIVE_RULES, LIVE_CODES, type LiveInput } from './rules/live';
export { fixSourceOf } from './fixes';
export { RULE_CODES, RULE_DOCS_DIR, RULE_DOC_LANGUAGES, ruleDocPath } from './rules/codes';
export { addPointEdit, handDataView, removePointEdit, type HandEdit } from './hand-data';
