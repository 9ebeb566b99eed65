import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root, found by walking up to pnpm-workspace.yaml: the same answer from the
 * TypeScript sources (tests, tsx) and from the API's built bundle in api/dist, whose files sit at
 * other depths than the sources they come from.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`pnpm-workspace.yaml introuvable au-dessus de ${from}`);
  }
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The `data/` folder: every input of the import lives under it, never in ../shared. */
export const dataDir = join(repoRoot, 'data');
