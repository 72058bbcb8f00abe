// The problems list: errors first, then warnings, then notes, each in file order.

import type { ProblemView } from '../protocol/webview-messages';
import { joinList, t, tn } from '../l10n';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function sortedProblems(problems: readonly ProblemView[]): ProblemView[] {
  return [...problems].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.character - b.character);
}

/** Lines and columns are 0-based in the protocol, 1-based where people read them. */
export function problemLocation(p: ProblemView): string {
  return t('Ln {line}, Col {column}', { line: String(p.line + 1), column: String(p.character + 1) });
}

export function problemsSummary(problems: readonly ProblemView[]): string {
  if (problems.length === 0) return t('No problems.');
  const count = (s: ProblemView['severity']) => problems.filter((p) => p.severity === s).length;
  const parts = [
    tn(count('error'), '{count} error', '{count} errors'),
    tn(count('warning'), '{count} warning', '{count} warnings'),
    tn(count('info'), '{count} note', '{count} notes'),
  ].filter((_, i) => [count('error'), count('warning'), count('info')][i]! > 0);
  return t('{list}.', { list: joinList(parts) });
}
