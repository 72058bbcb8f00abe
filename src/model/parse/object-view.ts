// Typed reading of one JSON object of the model: unknown and duplicate keys, type errors and
// out-of-range numbers are reported on the exact value, and each reader returns undefined for a
// missing or bad value so the caller can fall back to the default and keep checking the rest.

import type { Node } from 'jsonc-parser';
import { MAX_UNKNOWN_FIELDS_LISTED, type ParseContext } from './context';
import { didYouMean } from '../text/did-you-mean';
import { replaceNodeFix } from '../text/json-edits';
import { quoted } from '../../engine/quote';
import { t } from '../../shared/l10n/index';

export interface Field {
  key: string;
  keyNode: Node;
  value: Node | undefined;
  path: string;
}

export function joinPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

/** How a value reads in a message: `the text "four"`, `true`, `an object`. */
export function describeValue(node: Node): string {
  switch (node.type) {
    case 'string':
      return t('the text {text}', { text: quoted(String(node.value)) });
    case 'number':
      return t('the number {value}', { value: String(node.value) });
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'object':
      return t('an object { … }');
    case 'array':
      return t('a list [ … ]');
    default:
      return t('something else');
  }
}

/** One sentence after another: a space in English, none in Chinese. */
function twoSentences(first: string, second: string): string {
  return t('{first} {second}', { first, second });
}

export interface NumberRule {
  integer?: boolean;
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  /** Code reported when the number is outside [min, max]. */
  rangeCode: string;
  /** What the field is, for messages: "the layer's number of neurons". */
  meaning: string;
  /** The theory behind the bound, appended to the out-of-range message. */
  why?: string;
}

/** What a number field takes, as a phrase: `a whole number ≥ 1`, `a number in [0, 1)`. */
function expected(rule: NumberRule): string {
  if (rule.min !== undefined && rule.max !== undefined) {
    const interval = `${rule.minExclusive ? '(' : '['}${rule.min}, ${rule.max}${rule.maxExclusive ? ')' : ']'}`;
    return rule.integer ? t('a whole number in {interval}', { interval }) : t('a number in {interval}', { interval });
  }
  let bound: string | undefined;
  if (rule.min !== undefined) bound = `${rule.minExclusive ? '>' : '≥'} ${rule.min}`;
  if (rule.max !== undefined) bound = `${rule.maxExclusive ? '<' : '≤'} ${rule.max}`;
  if (bound === undefined) return rule.integer ? t('a whole number') : t('a number');
  return rule.integer ? t('a whole number {bound}', { bound }) : t('a number {bound}', { bound });
}

export class ObjectView {
  constructor(
    readonly ctx: ParseContext,
    readonly node: Node,
    readonly path: string,
    readonly fields: Map<string, Field>,
  ) {}

  has(key: string): boolean {
    return this.fields.get(key)?.value !== undefined;
  }

  field(key: string): Field | undefined {
    return this.fields.get(key);
  }

  value(key: string): Node | undefined {
    return this.fields.get(key)?.value;
  }

  typeError(field: Field, wanted: string, extras: { layer?: number } = {}): void {
    const node = field.value ?? field.keyNode;
    this.ctx.error('wrong-type', t('"{key}" must be {wanted}; found {found}.', { key: field.key, wanted, found: field.value ? describeValue(field.value) : t('nothing') }), node, {
      ...extras,
      path: field.path,
    });
  }

  number(key: string, rule: NumberRule, extras: { layer?: number } = {}): number | undefined {
    const field = this.fields.get(key);
    if (field?.value === undefined) return undefined;
    const node = field.value;
    if (node.type !== 'number' || typeof node.value !== 'number') {
      this.typeError(field, t('{expected} ({meaning})', { expected: expected(rule), meaning: rule.meaning }), extras);
      return undefined;
    }
    const value: number = node.value;
    if (!Number.isFinite(value)) {
      this.ctx.error(rule.rangeCode, t('"{key}" must be a finite number ({meaning}); {value} is too large to represent.', { key, meaning: rule.meaning, value: String(node.value) }), node, { ...extras, path: field.path });
      return undefined;
    }
    if (rule.integer && !Number.isInteger(value)) {
      const rounded = String(Math.max(rule.min ?? -Infinity, Math.round(value)));
      this.ctx.error('not-an-integer', t('"{key}" must be a whole number ({meaning}); found {value}.', { key, meaning: rule.meaning, value: String(value) }), node, {
        ...extras,
        path: field.path,
        fixes: [replaceNodeFix(this.ctx, node, rounded, t('Round to {value}', { value: rounded }))],
      });
      return undefined;
    }
    const belowMin = rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min);
    const aboveMax = rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max);
    if (belowMin || aboveMax) {
      const message = t('"{key}" must be {expected} ({meaning}); found {value}.', { key, expected: expected(rule), meaning: rule.meaning, value: String(value) });
      this.ctx.error(rule.rangeCode, rule.why ? twoSentences(message, rule.why) : message, node, { ...extras, path: field.path });
      return undefined;
    }
    return value;
  }

  boolean(key: string, meaning: string): boolean | undefined {
    const field = this.fields.get(key);
    if (field?.value === undefined) return undefined;
    if (field.value.type !== 'boolean') {
      this.typeError(field, t('true or false ({meaning})', { meaning }));
      return undefined;
    }
    return field.value.value as boolean;
  }

  string(key: string, meaning: string, extras: { layer?: number } = {}): string | undefined {
    const field = this.fields.get(key);
    if (field?.value === undefined) return undefined;
    if (field.value.type !== 'string') {
      this.typeError(field, t('a text in quotes ({meaning})', { meaning }), extras);
      return undefined;
    }
    return field.value.value as string;
  }

  /**
   * One of a fixed set of names. An unknown name is an error with a "did you mean" fix when a
   * known name is close; `explain` adds what the known names are for.
   */
  name<T extends string>(key: string, allowed: readonly T[], code: string, noun: string, extras: { layer?: number; explain?: string } = {}): T | undefined {
    const field = this.fields.get(key);
    if (field?.value === undefined) return undefined;
    const node = field.value;
    if (node.type !== 'string') {
      this.typeError(field, t('one of {names} ({noun})', { names: allowed.map((a) => `"${a}"`).join(', '), noun }), extras);
      return undefined;
    }
    const written = node.value as string;
    if ((allowed as readonly string[]).includes(written)) return written as T;
    reportUnknownName(this.ctx, node, written, allowed, code, noun, { layer: extras.layer, path: field.path, explain: extras.explain });
    return undefined;
  }
}

export function reportUnknownName(
  ctx: ParseContext,
  node: Node,
  written: string,
  allowed: readonly string[],
  code: string,
  noun: string,
  extras: { layer?: number; path?: string; explain?: string },
): void {
  const suggestion = didYouMean(written, allowed);
  const args = { noun, name: quoted(written), known: allowed.join(', '), suggestion: suggestion ?? '' };
  const message = suggestion !== undefined ? t('Unknown {noun} {name}. Did you mean "{suggestion}"? Known: {known}.', args) : t('Unknown {noun} {name}. Known: {known}.', args);
  ctx.error(code, extras.explain ? twoSentences(message, extras.explain) : message, node, {
    layer: extras.layer,
    path: extras.path,
    fixes: suggestion !== undefined ? [replaceNodeFix(ctx, node, JSON.stringify(suggestion), t('Change to "{name}"', { name: suggestion }))] : [],
  });
}

/**
 * Reads an object node: records every property's location, warns about unknown keys (with a
 * rename fix when one is close) and duplicates (the last one wins, as in JSON.parse).
 * Returns undefined, after a `wrong-type` error, when the node is not an object.
 */
export function readObject(
  ctx: ParseContext,
  node: Node,
  path: string,
  allowedKeys: readonly string[],
  what: string,
  extras: { layer?: number; keyName?: string; elsewhere?: Record<string, readonly string[]> } = {},
): ObjectView | undefined {
  if (node.type !== 'object') {
    const name = extras.keyName ?? (path === '' ? t('The model') : `"${path.split('.').pop()}"`);
    ctx.error('wrong-type', t('{name} must be an object { … } ({what}); found {found}.', { name, what, found: describeValue(node) }), node, { layer: extras.layer, path });
    return undefined;
  }
  const fields = new Map<string, Field>();
  for (const property of node.children ?? []) {
    const keyNode = property.children?.[0];
    if (property.type !== 'property' || keyNode === undefined || typeof keyNode.value !== 'string') continue;
    const key: string = keyNode.value;
    const value = property.children?.[1];
    const fieldPath = joinPath(path, key);
    const previous = fields.get(key);
    if (previous !== undefined) {
      ctx.warning('duplicate-field', t('{key} appears twice in {what}; the later one wins and this one is ignored.', { key: quoted(key), what }), previous.keyNode, {
        layer: extras.layer,
        path: fieldPath,
      });
    }
    fields.set(key, { key, keyNode, value, path: fieldPath });
    const known = allowedKeys.includes(key);
    if (!known && ++ctx.unknownFields > MAX_UNKNOWN_FIELDS_LISTED) {
      // Counted for the summary, not recorded: nothing reads the location of an ignored field.
      ctx.firstUnlisted ??= keyNode;
      continue;
    }
    ctx.record(fieldPath, keyNode, value);
    if (!known) {
      const suggestion = didYouMean(key, allowedKeys.filter((k) => !k.startsWith('$')));
      const taken = suggestion !== undefined && node.children?.some((p) => p.children?.[0]?.value === suggestion);
      const args = { key: quoted(key), what, fields: allowedKeys.filter((k) => !k.startsWith('$')).join(', '), suggestion: suggestion ?? '' };
      let message =
        suggestion !== undefined
          ? t('{key} is not a field of {what}, so it is ignored. Did you mean "{suggestion}"? Fields here: {fields}.', args)
          : t('{key} is not a field of {what}, so it is ignored. Fields here: {fields}.', args);
      if (suggestion === undefined && extras.elsewhere !== undefined) {
        // A field written one level too high, e.g. "learningRate" next to "layers".
        for (const [home, keys] of Object.entries(extras.elsewhere)) {
          const there = didYouMean(key, keys);
          if (there !== undefined) {
            message = t('{key} is not a field of {what}, so it is ignored. Did you mean "{there}"? It belongs inside "{home}". Fields here: {fields}.', { ...args, there, home });
            break;
          }
        }
      }
      ctx.warning(
        'unknown-field',
        message,
        keyNode,
        {
          layer: extras.layer,
          path: fieldPath,
          fixes: suggestion !== undefined && !taken ? [replaceNodeFix(ctx, keyNode, JSON.stringify(suggestion), t('Rename to "{name}"', { name: suggestion }))] : [],
        },
      );
    }
  }
  return new ObjectView(ctx, node, path, fields);
}
