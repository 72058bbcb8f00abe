// Every sentence a person reads goes through `t` (or `tn` where English needs a plural): the
// English text is the key, `{name}` placeholders carry the values, and a bundle maps the key to
// the sentence in the UI's language. The bundles are the files VS Code itself loads
// (`l10n/bundle.l10n.json`, `l10n/bundle.l10n.<locale>.json`, the format of `vscode.l10n` and
// `@vscode/l10n`), so the extension host, the worker, the CLI and the webview read the same ones:
// the host takes VS Code's loaded bundle (`vscode.l10n.bundle`), the worker and the webview get it
// from the host, the CLI picks it from LANG/LC_ALL or `--lang`.
// Pure: no vscode, Node or DOM, so the engine, the model and the webview may import it.

import { formatCount, formatNumber, setNumberLocale } from './numbers';

/** A bundle as VS Code writes it: the English message → the translated one (or with comments). */
export type Bundle = Readonly<Record<string, string | { readonly message: string; readonly comment?: readonly string[] }>>;

/** What a placeholder is filled with: text as it is, numbers formatted for the locale. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** The locales with a bundle of their own; English is the keys themselves. */
export const LOCALES = ['en', 'zh-cn'] as const;
export type UiLocale = (typeof LOCALES)[number];

let translations: Readonly<Record<string, string>> = {};
let locale: UiLocale = 'en';

/** `zh-cn` for zh, zh-CN, zh_CN.UTF-8, zh-Hans…; `en` for everything without a bundle. */
export function toUiLocale(tag: string | undefined): UiLocale {
  const lower = (tag ?? '').toLowerCase().replace(/_/g, '-');
  if (lower === 'zh' || lower.startsWith('zh-cn') || lower.startsWith('zh-hans') || lower.startsWith('zh-sg')) return 'zh-cn';
  return 'en';
}

/** Sets the language of every message and number from here on (one call at start-up per process). */
export function configureL10n(options: { locale: string | undefined; contents?: Bundle | undefined }): void {
  locale = toUiLocale(options.locale);
  const flat: Record<string, string> = {};
  if (locale !== 'en' && options.contents) {
    for (const [key, value] of Object.entries(options.contents)) flat[key] = typeof value === 'string' ? value : value.message;
  }
  translations = flat;
  setNumberLocale(locale);
}

/** The UI's locale, as set by configureL10n: `en` or `zh-cn`. */
export function uiLocale(): UiLocale {
  return locale;
}

/** The bundle in force (the worker and the webview are sent this). */
export function currentBundle(): Readonly<Record<string, string>> {
  return translations;
}

/** The message in the UI's language, its `{name}` placeholders filled in. */
export function t(message: string, args?: MessageArgs): string {
  return fillPlaceholders(translations[message] ?? message, args);
}

/**
 * A message whose English depends on a count: `one` for 1, `other` otherwise, both whole sentences
 * (a language without plurals translates both the same). `{count}` is the count, formatted.
 */
export function tn(count: number, one: string, other: string, args?: MessageArgs): string {
  const message = count === 1 ? one : other;
  return fillPlaceholders(translations[message] ?? message, { count, ...args });
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a template, sorted: what a translation must keep. */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1]);
  return [...names].sort();
}

/**
 * Fills a template's `{name}` placeholders: text as it is, numbers formatted for the locale. For a
 * template already in the UI's language (a getter that called t()); t() and tn() call it too.
 */
export function fillPlaceholders(template: string, args: MessageArgs | undefined): string {
  if (!args) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = args[name];
    if (value === undefined) return whole;
    if (typeof value === 'string') return value;
    return Number.isInteger(value) ? formatCount(value) : formatNumber(value);
  });
}

/** Items of a list joined as the UI language joins them ("a, b, c"; Chinese "a，b，c"). */
export function joinList(items: readonly string[]): string {
  return items.reduce((list, item) => (list === '' ? item : t('{list}, {item}', { list, item })), '');
}
