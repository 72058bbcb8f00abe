// Typed reading of one JSON object of the model: unknown and duplicate keys, type errors and
// out-of-range numbers are reported on the exact value, and each reader returns undefined for a
// missing or bad value so the caller can fall back to the default and keep checking the rest.

import type { Node } from 'jsonc-parser';
import { MAX_UNKNOWN_FIELDS_LISTED, type ParseContext } from './context';
import { didYouMean } from '../text/did-you-mean';
import { replaceNodeFix } from '../text/json-edits';
import { quoted } from '../../engine/quote';

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
      return `the text ${quoted(String(node.value))}`;
    case 'number':
      return `the number ${node.value}`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'object':
      return 'an object { … }';
    case 'array':
      return 'a list [ … ]';
    default:
      return 'something else';
  }
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

function expected(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number';
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`${rule.minExclusive ? '>' : '≥'} ${rule.min}`);
  if (rule.max !== undefined) parts.push(`${rule.maxExclusive ? '<' : '≤'} ${rule.max}`);
  if (rule.min !== undefined && rule.max !== undefined) {
    const open = rule.minExclusive ? '(' : '[';
    const close = rule.maxExclusive ? ')' : ']';
    return `${kind} in ${open}${rule.min}, ${rule.max}${close}`;
  }
  return parts.length > 0 ? `${kind} ${parts.join(' and ')}` : kind;
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
    this.ctx.error('wrong-type', `"${field.key}" must be ${wanted}; found ${field.value ? describeValue(field.value) : 'nothing'}.`, node, {
      ...extras,
      path: field.path,
    });
  }

  number(key: string, rule: NumberRule, extras: { layer?: number } = {}): number | undefined {
    const field = this.fields.get(key);
    if (field?.value === undefined) return undefined;
    const node = field.value;
    if (node.type !== 'number' || typeof node.value !== 'number') {
      this.typeError(field, `${expected(rule)} (${rule.meaning})`, extras);
      return undefined;
    }
    const value: number = node.value;
    if (!Number.isFinite(value)) {
      this.ctx.error(rule.rangeCode, `"${key}" must be a finite number (${rule.meaning}); ${node.value} is too large to represent.`, node, { ...extras, path: field.path });
      return undefined;
    }
    if (rule.integer && !Number.isInteger(value)) {
      this.ctx.error('not-an-integer', `"${key}" must be a whole number (${rule.meaning}); found ${value}.`, node, {
        ...extras,
        path: field.path,
        fixes: [replaceNodeFix(this.ctx, node, String(Math.max(rule.min ?? -Infinity, Math.round(value))), `Round to ${Math.max(rule.min ?? -Infinity, Math.round(value))}`)],
      });
      return undefined;
    }
    const belowMin = rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min);
    const aboveMax = rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max);
    if (belowMin || aboveMax) {
      const why = rule.why ? ` ${rule.why}` : '';
      this.ctx.error(rule.rangeCode, `"${key}" must be ${expected(rule)} (${rule.meaning}); found ${value}.${why}`, node, { ...extras, path: field.path });
      return undefined;
    }
    return value;
  }

  boolean(key: string, meaning: string): boolean | undefined {
    const field = this.fields.get(key);
    if (field?.value === undefined) return undefined;
    if (field.value.type !== 'boolean') {
      this.typeError(field, `true or false (${meaning})`);
      return undefined;
    }
    return field.value.value as boolean;
  }

  string(key: string, meaning: string, extras: { layer?: number } = {}): string | undefined {
    const field = this.fields.get(key);
    if (field?.value === undefined) return undefined;
    if (field.value.type !== 'string') {
      this.typeError(field, `a text in quotes (${meaning})`, extras);
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
      this.typeError(field, `one of ${allowed.map((a) => `"${a}"`).join(', ')} (${noun})`, extras);
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
  const known = `Known: ${allowed.join(', ')}.`;
  const hint = suggestion !== undefined ? ` Did you mean "${suggestion}"?` : '';
  const explain = extras.explain ? ` ${extras.explain}` : '';
  ctx.error(code, `Unknown ${noun} ${quoted(written)}.${hint} ${known}${explain}`, node, {
    layer: extras.layer,
    path: extras.path,
    fixes: suggestion !== undefined ? [replaceNodeFix(ctx, node, JSON.stringify(suggestion), `Change to "${suggestion}"`)] : [],
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
    const name = extras.keyName ?? (path === '' ? 'The model' : `"${path.split('.').pop()}"`);
    ctx.error('wrong-type', `${name} must be an object { … } (${what}); found ${describeValue(node)}.`, node, { layer: extras.layer, path });
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
      ctx.warning('duplicate-field', `${quoted(key)} appears twice in ${what}; the later one wins and this one is ignored.`, previous.keyNode, {
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
      let hint = suggestion !== undefined ? ` Did you mean "${suggestion}"?` : '';
      if (suggestion === undefined && extras.elsewhere !== undefined) {
        // A field written one level too high, e.g. "learningRate" next to "layers".
        for (const [home, keys] of Object.entries(extras.elsewhere)) {
          const there = didYouMean(key, keys);
          if (there !== undefined) {
            hint = ` Did you mean "${there}"? It belongs inside "${home}".`;
            break;
          }
        }
      }
      ctx.warning(
        'unknown-field',
        `${quoted(key)} is not a field of ${what}, so it is ignored.${hint} Fields here: ${allowedKeys.filter((k) => !k.startsWith('$')).join(', ')}.`,
        keyNode,
        {
          layer: extras.layer,
          path: fieldPath,
          fixes: suggestion !== undefined && !taken ? [replaceNodeFix(ctx, keyNode, JSON.stringify(suggestion), `Rename to "${suggestion}"`)] : [],
        },
      );
    }
  }
  return new ObjectView(ctx, node, path, fields);
}
