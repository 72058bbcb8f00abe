// The PyTorch export: pure code that writes a script or a notebook from a parsed model.

export { exportModel, exportFileName, type ExportRequest, type ExportResult } from './export-model';
export { EXPORT_MESSAGES, EXPORT_TARGET_NAMES } from './messages';
export { pytorchActivation, type PytorchActivation } from './pytorch-activations';
export type { ExportDtype, ExportTarget, ExportWeights } from './plan';
