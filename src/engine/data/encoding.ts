// A CSV file's bytes -> its text: the one decoding step the CLI, the desktop host and the browser
// host all use (each reads the bytes its own way, then calls decodeCsv), so a file reads the same
// everywhere. Spreadsheets saved by Chinese Excel are GB18030/GBK rather than UTF-8, so without an
// `"encoding"` in the data section the bytes decide: valid UTF-8 is UTF-8, anything else GB18030
// (a superset of GBK and GB2312). TextDecoder is standard in Node, browsers and workers: still pure.

/** The encodings a data section's `"encoding"` may name; `gbk` is read as its superset gb18030. */
export const CSV_ENCODING_NAMES = ['utf-8', 'gb18030', 'gbk'] as const;
export type CsvEncodingName = (typeof CSV_ENCODING_NAMES)[number];

/** The decoders actually used: what a name means once `gbk` is folded into `gb18030`. */
export type CsvEncoding = 'utf-8' | 'gb18030';

export function csvEncoding(name: CsvEncodingName): CsvEncoding {
  return name === 'utf-8' ? 'utf-8' : 'gb18030';
}

/** The encoding the bytes are in when the model does not say: valid UTF-8, or else GB18030. */
export function detectCsvEncoding(bytes: Uint8Array): CsvEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/**
 * The file's text. A UTF-8 byte-order mark is dropped (TextDecoder's default), so the first
 * column's name is what the header says. Bytes not valid in a named encoding become U+FFFD, as an
 * editor shows them, and the parser then reports what it cannot read.
 */
export function decodeCsv(bytes: Uint8Array, encoding?: CsvEncoding): string {
  return new TextDecoder(encoding ?? detectCsvEncoding(bytes)).decode(bytes);
}
