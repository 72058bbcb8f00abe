// A small JSON Schema (draft-07) checker for the keywords schemas/nn.schema.json uses. Written
// here rather than added as a package: the schema sticks to a dozen keywords, and an unknown
// keyword fails loudly so the checker cannot silently ignore a rule.

type Schema = Record<string, unknown>;

// allowComments / allowTrailingCommas are VS Code's JSON language service options, not rules.
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'allowComments', 'allowTrailingCommas', 'description', 'markdownDescription', 'default', 'enumDescriptions', 'defaultSnippets', 'definitions']);
const KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'oneOf',
  'anyOf',
  '$ref',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (ref: string): Schema => {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
    return ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Schema)[key], root) as Schema;
  };
  const check = (schema: Schema, v: unknown, path: string): void => {
    for (const key of Object.keys(schema)) {
      if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`unsupported keyword ${key} at ${path}`);
    }
    if (typeof schema.$ref === 'string') check(resolve(schema.$ref), v, path);
    const t = typeOf(v);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((want) => want === t || (want === 'number' && t === 'integer'))) {
        errors.push(`${path}: expected ${types.join('|')}, got ${t}`);
        return;
      }
    }
    if (schema.enum !== undefined && !(schema.enum as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(v))) errors.push(`${path}: ${JSON.stringify(v)} not in enum`);
    if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(v)) errors.push(`${path}: not the constant`);
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) errors.push(`${path}: ${v} < minimum ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) errors.push(`${path}: ${v} > maximum ${schema.maximum}`);
      if (typeof schema.exclusiveMinimum === 'number' && v <= schema.exclusiveMinimum) errors.push(`${path}: ${v} ≤ exclusiveMinimum`);
      if (typeof schema.exclusiveMaximum === 'number' && v >= schema.exclusiveMaximum) errors.push(`${path}: ${v} ≥ exclusiveMaximum`);
    }
    if (typeof v === 'string' && typeof schema.minLength === 'number' && v.length < schema.minLength) errors.push(`${path}: shorter than ${schema.minLength}`);
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
      if (schema.uniqueItems === true && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) errors.push(`${path}: items not unique`);
      if (schema.items !== undefined) v.forEach((item, i) => check(schema.items as Schema, item, `${path}[${i}]`));
    }
    if (t === 'object') {
      const object = v as Record<string, unknown>;
      for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${path}: missing ${key}`);
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [key, child] of Object.entries(object)) {
        if (properties[key] !== undefined) check(properties[key], child, `${path}.${key}`);
        else if (schema.additionalProperties === false) errors.push(`${path}: unexpected ${key}`);
      }
    }
    for (const combinator of ['oneOf', 'anyOf'] as const) {
      const options = schema[combinator] as Schema[] | undefined;
      if (options === undefined) continue;
      const passing = options.filter((option) => {
        const before = errors.length;
        check(option, v, path);
        const ok = errors.length === before;
        errors.length = before;
        return ok;
      }).length;
      if (combinator === 'oneOf' && passing !== 1) errors.push(`${path}: matches ${passing} of oneOf`);
      if (combinator === 'anyOf' && passing === 0) errors.push(`${path}: matches none of anyOf`);
    }
  };
  check(root, value, '$');
  return errors;
}

/** Every property schema reachable from the root, with its path, for checks on descriptions. */
export function propertySchemas(root: Schema): { path: string; schema: Schema }[] {
  const out: { path: string; schema: Schema }[] = [];
  const walk = (schema: Schema, path: string) => {
    const properties = schema.properties as Record<string, Schema> | undefined;
    for (const [key, child] of Object.entries(properties ?? {})) {
      out.push({ path: `${path}.${key}`, schema: child });
      walk(child, `${path}.${key}`);
    }
    for (const combinator of ['oneOf', 'anyOf'] as const) {
      (schema[combinator] as Schema[] | undefined)?.forEach((option, i) => walk(option, `${path}<${combinator}${i}>`));
    }
    if (schema.items !== undefined) walk(schema.items as Schema, `${path}[]`);
  };
  walk(root, '$');
  for (const [name, definition] of Object.entries((root.definitions as Record<string, Schema>) ?? {})) walk(definition, `#${name}`);
  return out;
}
