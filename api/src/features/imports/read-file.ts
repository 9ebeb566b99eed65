import { cellAsWritten } from '@reperes/data/formats/csv-cells.ts';
import { repairText } from '@reperes/data/normalise.ts';
import { parse } from 'csv-parse';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export type FileFormat = 'lmn-csv' | 'lmn-json' | 'data-inclusion' | 'france-services';
export type Encoding = 'utf-8' | 'windows-1252';

/** Why a whole file is refused before any row is read. */
export type FileProblem =
  | { code: 'fichier_vide' }
  | { code: 'fichier_binaire' }
  | { code: 'aucune_ligne' }
  | { code: 'json_invalide'; detail: string }
  | { code: 'json_inconnu' }
  | { code: 'csv_mal_forme'; line: number }
  | { code: 'encodage_mixte' }
  | { code: 'colonnes_manquantes'; columns: string[] };

export class FileRefused extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.code);
  }
}

export interface CsvRecord {
  line: number; // row number as a spreadsheet shows it: the header is line 1
  record: Record<string, string>;
}

export type OpenedFile =
  | { kind: 'csv'; format: 'lmn-csv' | 'france-services'; encoding: Encoding; delimiter: string; columns: string[]; records: AsyncIterable<CsvRecord> }
  | { kind: 'json'; format: 'lmn-json' | 'data-inclusion'; encoding: Encoding; value: unknown };

const SNIFF_BYTES = 256 * 1024;

/** The first bytes of the stream, and an iterator that yields them again followed by the rest. */
async function peek(stream: Readable, onBytes?: (n: number) => void): Promise<{ head: Buffer; chunks: AsyncGenerator<Buffer> }> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const taken: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(taken);
  async function* chunks() {
    onBytes?.(head.length);
    yield head;
    if (done) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      onBytes?.(next.value.length);
      yield next.value;
    }
  }
  return { head, chunks: chunks() };
}

/** Valid UTF-8 up to the sample's end, where a character may be cut in two. */
function isUtf8(sample: Buffer, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // Step back over a trailing, possibly incomplete, multi-byte sequence.
    let i = end - 1;
    while (i >= 0 && end - i <= 4 && (sample[i]! & 0xc0) === 0x80) i--;
    if (i >= 0 && sample[i]! >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** The most frequent candidate separator of the header line, outside quotes. */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

async function* decode(chunks: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  try {
    // Each piece is repaired as the shipped sources are (C1 controls → Windows-1252, U+FFFD
    // dropped): a character never spans two pieces once decoded.
    for await (const chunk of chunks) yield repairText(decoder.decode(chunk, { stream: true }));
    yield repairText(decoder.decode());
  } catch (err) {
    if (err instanceof TypeError) throw new FileRefused({ code: 'encodage_mixte' });
    throw err;
  }
}

async function* csvRecords(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<string[]> {
  const parser = parse({ delimiter, bom: true, relax_column_count: true });
  let fail: unknown = null;
  const feed = (async () => {
    try {
      for await (const piece of text) if (!parser.write(piece)) await once(parser, 'drain');
      parser.end();
    } catch (err) {
      fail = err;
      parser.destroy(err as Error);
    }
  })();
  let line = 0;
  try {
    for await (const row of parser as AsyncIterable<string[]>) {
      line++;
      yield row;
    }
  } catch (err) {
    if (fail) throw fail;
    // csv-parse counts the records it finished: the faulty one is the next row of the spreadsheet.
    const records = (err as { records?: unknown }).records;
    throw new FileRefused({ code: 'csv_mal_forme', line: typeof records === 'number' ? records + 1 : line + 1 });
  } finally {
    await feed;
  }
}

/** Reads the header, then yields each data row as a record keyed by column, numbered like a spreadsheet. */
async function* keyed(rows: AsyncGenerator<string[]>, header: string[]): AsyncGenerator<CsvRecord> {
  let line = 1;
  for await (const row of rows) {
    line++;
    if (row.every((cell) => cell.trim() === '')) continue;
    const record: Record<string, string> = {};
    // A file exported by Repères carries inert formulas ('=…): read back as they were.
    header.forEach((col, i) => (record[col] = cellAsWritten(row[i] ?? '')));
    yield { line, record };
  }
}

// Control characters are what this looks for: text files do not contain them, binary ones do.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/;

/** Real files nest a few levels; JSON.parse accepts far deeper, which would overflow the recursive checks that follow. */
const MAX_JSON_DEPTH = 64;
function deeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Opens an uploaded or local file and says what it is. CSV files are streamed, decoded as UTF-8
 * (with or without BOM) or, when their bytes are not UTF-8, as Windows-1252, the encoding of
 * spreadsheets saved on Windows; JSON files are read whole.
 */
export async function openImportFile(input: string | Buffer, onBytes?: (n: number) => void): Promise<OpenedFile> {
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: 64 * 1024 }) : Readable.from([input]);
  const { head, chunks } = await peek(stream, onBytes);
  const complete = head.length < SNIFF_BYTES;
  if (head.toString('utf8').replace(/^\ufeff/, '').trim() === '') throw new FileRefused({ code: 'fichier_vide' });
  if (head.includes(0)) throw new FileRefused({ code: 'fichier_binaire' });
  const encoding: Encoding = isUtf8(head, complete) ? 'utf-8' : 'windows-1252';
  const sample = new TextDecoder(encoding).decode(head);
  if (CONTROL.test(sample.slice(0, 4096))) throw new FileRefused({ code: 'fichier_binaire' });

  const start = sample.trimStart().charAt(0);
  if (start === '{' || start === '[') {
    let text = '';
    for await (const piece of decode(chunks, encoding)) text += piece;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new FileRefused({ code: 'json_invalide', detail: (err as Error).message.slice(0, 200) });
    }
    if (deeperThan(value, MAX_JSON_DEPTH)) throw new FileRefused({ code: 'json_invalide', detail: `plus de ${MAX_JSON_DEPTH} niveaux imbriqués` });
    const isDi = !Array.isArray(value) && typeof value === 'object' && value !== null && 'structures' in value;
    const isDiList = Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && value[0] !== null && 'source' in value[0] && !('pivot' in value[0]);
    if (isDi || isDiList) return { kind: 'json', format: 'data-inclusion', encoding, value: isDiList ? { structures: value } : value };
    if (Array.isArray(value)) return { kind: 'json', format: 'lmn-json', encoding, value };
    throw new FileRefused({ code: 'json_inconnu' });
  }

  const firstLine = sample.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = sniffDelimiter(firstLine);
  const rows = csvRecords(decode(chunks, encoding), delimiter);
  const first = await rows.next();
  if (first.done) throw new FileRefused({ code: 'fichier_vide' });
  const columns = first.value.map((c) => c.replace(/^\ufeff/, '').trim());
  const format = columns.includes('id_fs') ? 'france-services' : 'lmn-csv';
  return { kind: 'csv', format, encoding, delimiter, columns, records: keyed(rows, columns) };
}
