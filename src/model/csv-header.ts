// The one header check shared by `checkCsv` (located problems) and `toTrainerInputs` (a thrown
// message): does the CSV have the columns the spec names?

import { parseCsvRecords } from '../engine/index';
import { columnCount, quoted } from '../engine/quote';


/** Undefined when every named column exists; otherwise what is wrong, as the end of a sentence. */
export function checkCsvHeader(csvText: string, features: string[] | undefined, target: string): string | undefined {
  let header: string[];
  try {
    header = parseCsvRecords(csvText)[0]?.fields ?? [];
  } catch (error) {
    return `is not valid CSV: ${error instanceof Error ? error.message : String(error)}.`;
  }
  if (header.length === 0) return 'is empty: it needs a header row of column names.';
  const missing = [target, ...(features ?? [])].find((name) => !header.includes(name));
  if (missing !== undefined) return `has no column ${quoted(missing)}; it has ${columnCount(header.length)}.`;
  if (features === undefined && header.filter((h) => h !== target).length === 0) return `has no feature columns besides the target ${quoted(target)}.`;
  return undefined;
}
