import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repairText } from './normalise.ts';
import { dataDir } from './paths.ts';

export type Row = Record<string, string>;

export { dataDir };

function readBytes(relPath: string): Buffer {
  const buf = readFileSync(join(dataDir, relPath));
  return relPath.endsWith('.gz') ? gunzipSync(buf) : buf;
}

export function readCsv(relPath: string): Row[] {
  // csv-parse works on bytes: handing it the buffer saves a decode and re-encode of the file.
  // Every cell of every shipped source is repaired once, here, before any reader sees it.
  return parse(readBytes(relPath), { columns: true, bom: true, skip_empty_lines: true, cast: (value) => repairText(value) }) as Row[];
}

/** Non-empty lines of a text list, `#` comments left out. */
export function readList(relPath: string): string[] {
  return readBytes(relPath)
    .toString('utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export const splitPipe = (value: string | undefined): string[] =>
  (value ?? '').split('|').map((v) => v.trim()).filter(Boolean);
