// The problems list: errors first, then warnings, then notes, each in file order.

import type { ProblemView } from '../protocol/webview-messages';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function sortedProblems(problems: readonly ProblemView[]): ProblemView[] {
  return [...problems].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.character - b.character);
}

/** Lines and columns are 0-based in the protocol, 1-based where people read them. */
export function problemLocation(p: ProblemView): string {
  return `Ln ${p.line + 1}, Col ${p.character + 1}`;
}

export function problemsSummary(problems: readonly ProblemView[]): string {
  if (problems.length === 0) return 'No problems.';
  const count = (s: ProblemView['severity']) => problems.filter((p) => p.severity === s).length;
  const parts = [
    [count('error'), 'error'],
    [count('warning'), 'warning'],
    [count('info'), 'note'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  return `${parts.join(', ')}.`;
}
