// Messages and numbers for people: one module, pure, used by every part of the extension and the CLI.
export { configureL10n, currentBundle, fillPlaceholders, joinList, LOCALES, placeholders, t, tn, toUiLocale, uiLocale, type Bundle, type MessageArgs, type UiLocale } from './messages';
export { DIGITS, formatCount, formatNumber, formatPercent, formatUnit } from './numbers';
export { errorMessage, fileName } from './text';
