// Builds the server and the commands into plain JavaScript (api/dist), so that production runs
// `node` on built files instead of compiling TypeScript at every start (tsx: ~240 MB at rest).
// esbuild is already in the tree (tsx, vite) and bundles our own code, data/ included, in well
// under a second; packages from node_modules stay imports, resolved from api/ at run time.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const ours = (name) => name.startsWith('@reperes/');

await build({
  entryPoints: {
    server: 'src/server.ts',
    cli: 'src/cli/cli.ts',
    'admin-create': 'src/cli/admin-create.ts',
    'data-import': 'src/cli/data-import.ts',
    'data-quality': 'src/cli/data-quality.ts',
  },
  absWorkingDir: new URL('.', import.meta.url).pathname,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Every package the API depends on is imported at run time, never copied into the bundle.
  external: Object.keys(pkg.dependencies).filter((name) => !ours(name)),
  logLevel: 'warning',
});
