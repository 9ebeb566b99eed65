#!/usr/bin/env node
// Writes .br and .gz siblings of the built text assets (and the map's glyph files), so the server
// sends compressed bytes without compressing on each request. The .pmtiles archive is skipped:
// its tiles are gzip-compressed inside and it is read by byte ranges.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2];
if (!dir) throw new Error('usage: precompress.mjs <dossier>');
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|pbf|txt|webmanifest)$/;

let before = 0;
let after = 0;
function walk(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(name) && statSync(path).size > 512) {
      const data = readFileSync(path);
      const br = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      writeFileSync(path + '.br', br);
      writeFileSync(path + '.gz', gzipSync(data, { level: 9 }));
      before += data.length;
      after += br.length;
    }
  }
}
walk(dir);
console.log(`[precompress] ${(before / 1024).toFixed(0)} Ko → ${(after / 1024).toFixed(0)} Ko (brotli)`);
