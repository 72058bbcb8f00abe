// The Chinese schema (schemas/nn.schema.zh-cn.json), generated from the English one and the
// translations in l10n/schema.zh-cn.json (English text → Chinese text, like the l10n bundles). Only
// the text a person reads is replaced: titles, descriptions, enum descriptions and snippet labels;
// every other key and value is copied, so both schemas validate the same files by construction.
// A translation is keyed by the English text itself, so when an English description changes its
// old translation no longer applies: the text is reported missing (and the old entry unused) until
// it is translated again. VS Code picks the schema by the UI language through package.nls*.json
// (the `jsonValidation` url is `%…%`).

/** Keys whose string value is text for the reader. */
const TEXT_KEYS = new Set(['title', 'description', 'markdownDescription', 'deprecationMessage', 'errorMessage']);
/** Keys whose array of strings is text for the reader. */
const TEXT_LIST_KEYS = new Set(['enumDescriptions', 'markdownEnumDescriptions']);

/** Every text a reader sees in a schema, with its JSON pointer, in document order. */
export function schemaTexts(schema: unknown): { pointer: string; text: string }[] {
  const found: { pointer: string; text: string }[] = [];
  const visit = (value: unknown, pointer: string, parentKey: string | undefined): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${pointer}/${index}`, parentKey));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      // A snippet's label is shown in the completion list; its body is the inserted JSON.
      const isText = TEXT_KEYS.has(key) || (parentKey === 'defaultSnippets' && key === 'label');
      if (isText && typeof child === 'string') found.push({ pointer: at, text: child });
      else if (TEXT_LIST_KEYS.has(key) && Array.isArray(child)) child.forEach((item, index) => typeof item === 'string' && found.push({ pointer: `${at}/${index}`, text: item }));
      else if (key !== 'body') visit(child, at, key);
    }
  };
  visit(schema, '', undefined);
  return found;
}

/** The schema with every reader's text replaced by `replace(text)`. */
function mapTexts(schema: unknown, replace: (text: string) => string): unknown {
  const clone = JSON.parse(JSON.stringify(schema)) as unknown;
  for (const { pointer } of schemaTexts(clone)) {
    const keys = pointer.slice(1).split('/').map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
    let parent = clone as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    parent[last] = replace(parent[last] as string);
  }
  return clone;
}

/** The schema with its reader's text blanked: what both languages must share. */
export function schemaStructure(schema: unknown): unknown {
  return mapTexts(schema, () => '');
}

export interface LocalisedSchema {
  /** The translated schema, as it is written to disk. */
  text: string;
  /** English texts with no translation (left in English in `text`). */
  missing: string[];
  /** Translations whose English text the schema no longer has. */
  unused: string[];
}

/** Translates the English schema's text with `translations` (English → target language). */
export function localiseSchema(englishText: string, translations: Readonly<Record<string, string>>): LocalisedSchema {
  const english = JSON.parse(englishText) as unknown;
  const missing = new Set<string>();
  const used = new Set<string>();
  const localised = mapTexts(english, (text) => {
    const translated = Object.prototype.hasOwnProperty.call(translations, text) ? translations[text] : undefined;
    if (translated === undefined) {
      missing.add(text);
      return text;
    }
    used.add(text);
    return translated;
  });
  return { text: `${JSON.stringify(localised, null, 2)}\n`, missing: [...missing], unused: Object.keys(translations).filter((text) => !used.has(text)) };
}
