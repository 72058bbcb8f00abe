// The one header check shared by `checkCsv` (located problems) and `toTrainerInputs` (a thrown
// message): does the CSV have the columns the spec names?

import { parseCsvRecords } from '../engine/index';
import { columnCount, quoted } from '../engine/quote';
import { t } from '../shared/l10n/index';

/** Undefined when every named column exists; otherwise what is wrong, as a whole sentence naming `path`. */
export function checkCsvHeader(csvText: string, features: string[] | undefined, target: string, path: string): string | undefined {
  const file = quoted(path);
  let header: string[];
  try {
    header = parseCsvRecords(csvText)[0]?.fields ?? [];
  } catch (error) {
    return t('The CSV file {file} is not valid CSV: {reason}.', { file, reason: error instanceof Error ? error.message : String(error) });
  }
  if (header.length === 0) return t('The CSV file {file} is empty: it needs a header row of column names.', { file });
  const missing = [target, ...(features ?? [])].find((name) => !header.includes(name));
  if (missing !== undefined) return t('The CSV file {file} has no column {name}; it has {columns}.', { file, name: quoted(missing), columns: columnCount(header.length) });
  if (features === undefined && header.filter((h) => h !== target).length === 0) return t('The CSV file {file} has no feature columns besides the target {name}.', { file, name: quoted(target) });
  return undefined;
}
