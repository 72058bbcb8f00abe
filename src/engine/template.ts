// Whole-sentence message templates with named placeholders: `The layer has {units} units.` filled
// from `{ units: 3 }`. Every new user-visible sentence is written as one template in its feature's
// messages file, so a translation replaces whole sentences and may reorder the values.

export type TemplateValues = Readonly<Record<string, string | number>>;

/** Replaces each `{name}` with its value; a placeholder without a value is left as written. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
}
