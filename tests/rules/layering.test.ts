import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/server.ts';

/**
 * The layering rules of .dependency-cruiser.cjs, proved able to fail: each is run over a small
 * workspace laid out like ours, once with imports that keep it and once with one that breaks it.
 */
const { forbidden } = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs')) as { forbidden: IForbiddenRuleType[] };

const workspace = mkdtempSync(join(tmpdir(), 'reperes-layering-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const KEPT: Record<string, string> = {
  'data/src/normalise.ts': 'export const fold = (s: string) => s.toLowerCase();\n',
  'api/src/contract/responses.ts': 'export type Place = { id: string };\nexport const schema = 1;\n',
  'api/src/db/client.ts': 'export const openDb = () => null;\n',
  'api/src/features/lieux/lieux.queries.ts': "import { openDb } from '../../db/client.ts';\nexport const byId = () => openDb();\n",
  'api/src/features/lieux/lieux.routes.ts': "import { byId } from './lieux.queries.ts';\nimport { fold } from '../../../../data/src/normalise.ts';\nexport const routes = () => [byId(), fold('A')];\n",
  'api/src/features/export/export.ts': "import { fold } from '../../../../data/src/normalise.ts';\nexport const run = () => fold('B');\n",
  'web/src/lib/api.ts': "import type { Place } from '../../../api/src/contract/responses.ts';\nexport const get = (p: Place) => p.id;\n",
  'web/src/features/admin/admin-api.ts': "export const login = () => 1;\n",
  'web/src/features/admin/Page.tsx': "import { login } from './admin-api.ts';\nexport const Page = () => login();\n",
  'web/src/features/reports/Form.tsx': "import { get } from '../../lib/api.ts';\nexport const Form = () => get;\n",
};

async function violations(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(workspace, 'case-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = (await cruise(['api', 'data', 'web'], { baseDir: dir, validate: true, ruleSet: { forbidden }, tsPreCompilationDeps: true }))
    .output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('the dependency rule', () => {
  it('accepts the layering as it is meant: web → contract (types), api → data', async () => {
    expect(await violations(KEPT)).toEqual([]);
  });

  it.each([
    ['data-is-a-library', 'data/src/merge.ts', "import { openDb } from '../../api/src/db/client.ts';\nexport const m = openDb;\n"],
    ['api-serves-no-ui', 'api/src/features/lieux/page.ts', "import { Page } from '../../../../web/src/features/admin/Page.tsx';\nexport const p = Page;\n"],
    ['web-reads-only-the-contract', 'web/src/lib/db.ts', "import type { openDb } from '../../../api/src/db/client.ts';\nexport type O = typeof openDb;\n"],
    ['web-takes-types-only', 'web/src/lib/schema.ts', "import { schema } from '../../../api/src/contract/responses.ts';\nexport const s = schema;\n"],
    ['no-other-features-sql-or-routes', 'api/src/features/export/rows.ts', "import { byId } from '../lieux/lieux.queries.ts';\nexport const r = byId;\n"],
    ['no-other-features-requests', 'web/src/features/reports/send.ts', "import { login } from '../admin/admin-api.ts';\nexport const s = login;\n"],
  ])('fails on an import against %s', async (rule, path, text) => {
    const found = await violations({ ...KEPT, [path]: text });
    expect(found.length).toBe(1);
    expect(found[0]).toMatch(new RegExp(`^${rule}: ${path}`));
  });
});
