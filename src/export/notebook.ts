// The notebook: the script's parts as nbformat 4 cells, a markdown cell before each code cell
// saying what it is and which lesson of the theory it carries. VS Code opens .ipynb natively.

import { EXPORT_MESSAGES } from './messages';
import type { ExportPlan } from './plan';
import { scriptParts } from './pytorch-script';

interface Cell {
  cell_type: 'markdown' | 'code';
  metadata: Record<string, never>;
  source: string[];
  execution_count?: null;
  outputs?: never[];
}

/** nbformat stores a cell's text as lines that keep their newline, the last one without. */
function lines(text: string): string[] {
  const parts = text.split('\n');
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line)).filter((line) => line.length > 0);
}

const markdown = (text: string): Cell => ({ cell_type: 'markdown', metadata: {}, source: lines(text) });
const code = (text: string): Cell => ({ cell_type: 'code', metadata: {}, source: lines(text), execution_count: null, outputs: [] });

export function pytorchNotebook(plan: ExportPlan): string {
  const cells: Cell[] = [markdown(`# ${plan.spec.name}\n\n${EXPORT_MESSAGES.notebookIntro(plan.spec.name, plan.source)}`)];
  for (const part of scriptParts(plan, true)) cells.push(markdown(part.text), code(part.code));
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    cells: cells.map((cell, i) => ({ id: `cell-${i + 1}`, ...cell })),
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
