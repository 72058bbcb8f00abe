// The codes of the rules (static and live), each documented by a page in both languages under
// docs/rules/ (English) and docs/rules/zh-cn/ (简体中文); a problem's code links to its page.
// Codes of the format itself (a wrong type, an unknown field, …) explain themselves in their
// message and have no page.

import { LIVE_CODES } from './live';
import { STATIC_RULES } from './static';

export const RULE_CODES: readonly string[] = [...STATIC_RULES.map((rule) => rule.code), ...LIVE_CODES];

/** The rule pages' folder, relative to the extension's root. */
export const RULE_DOCS_DIR = 'docs/rules';

/** The languages the rule pages are written in besides English (a folder each). */
export const RULE_DOC_LANGUAGES = ['zh-cn'] as const;

/**
 * The page documenting a code, relative to the extension's root, in the UI language when the pages
 * exist in it (`zh-cn`, also for `zh` and `zh-hans`), else in English; undefined for a code that is
 * not a rule's.
 */
export function ruleDocPath(code: string, language: string): string | undefined {
  if (!RULE_CODES.includes(code)) return undefined;
  const lang = language.toLowerCase();
  const chinese = lang === 'zh' || lang === 'zh-cn' || lang.startsWith('zh-hans');
  return chinese ? `${RULE_DOCS_DIR}/zh-cn/${code}.md` : `${RULE_DOCS_DIR}/${code}.md`;
}
