// jsonc-parser's syntax errors, said the way a student can act on them.

import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import { t } from '../../shared/l10n/index';
import type { ParseContext } from './context';

/** The code of every JSON syntax problem. */
export const SYNTAX_ERROR = 'syntax-error';

/** Functions, so each sentence is read in the UI's language when the error is reported. */
const MESSAGES: Record<string, () => string> = {
  InvalidSymbol: () => t('This is not a JSON value: expected a number, a "text" in double quotes, true, false, null, a list [ … ] or an object { … }.'),
  InvalidNumberFormat: () => t('This number is not written the JSON way: use forms like 0.1, 4 or 1e-3 (no leading "+" or ".", no trailing ".").'),
  PropertyNameExpected: () => t('Expected a field name in double quotes here, like "units".'),
  ValueExpected: () => t('Expected a value here.'),
  ColonExpected: () => t('Expected a ":" between the field name and its value.'),
  CommaExpected: () => t('Expected a comma "," between these two entries.'),
  CloseBraceExpected: () => t('This object is not closed: expected "}".'),
  CloseBracketExpected: () => t('This list is not closed: expected "]".'),
  EndOfFileExpected: () => t('Unexpected text after the end of the model: the file holds one object { … }.'),
  InvalidCommentToken: () => t('This comment is not valid: use // to the end of the line or /* … */.'),
  UnexpectedEndOfComment: () => t('This comment is not closed: expected "*/".'),
  UnexpectedEndOfString: () => t('This text is not closed: expected a closing double quote ".'),
  UnexpectedEndOfNumber: () => t('This number ends too early (e.g. "1e" needs its exponent).'),
  InvalidUnicode: () => t('Invalid \\u escape: it needs four hexadecimal digits, like \\u00e9.'),
  InvalidEscapeCharacter: () => t('Invalid escape in this text: JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.'),
  InvalidCharacter: () => t('This character is not allowed inside a JSON text (a line break or control character); write it as an escape like \\n.'),
};

export function reportSyntaxErrors(ctx: ParseContext, errors: ParseError[]): void {
  const seen = new Set<number>();
  for (const error of errors) {
    // One broken spot often yields a cascade of errors at the same offset; the first says it best.
    if (seen.has(error.offset)) continue;
    seen.add(error.offset);
    const name = printParseErrorCode(error.error);
    let message = MESSAGES[name]?.() ?? t('This is not valid JSON.');
    const at = ctx.text.slice(error.offset, error.offset + Math.max(1, error.length));
    if (at.startsWith("'")) message = t(`JSON needs double quotes: write "…" instead of '…'.`);
    ctx.error(SYNTAX_ERROR, message, ctx.lines.range(error.offset, error.length));
  }
  if (errors.length > 0) ctx.syntaxBroken = true;
}
