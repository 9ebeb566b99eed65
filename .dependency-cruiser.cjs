// The layering of the workspace, checked on every import by `npm run lint` (and so `npm test`):
//   web → api/src/contract (types only);  api → data;  data → nothing of ours.
// A feature's SQL and routes are its own: another feature uses what it exports elsewhere.
// tests/depcruise.test.ts proves each rule fails on an import that breaks it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'data-is-a-library',
      comment: 'data/ reads, normalises and merges: it knows nothing of the API, the web or a database.',
      severity: 'error',
      from: { path: '^data/' },
      to: { path: '^(api|web|tests)/|node_modules/(better-sqlite3|pg|kysely)/' },
    },
    {
      name: 'api-serves-no-ui',
      comment: 'The API depends on data/ only; the web and the tests depend on it, never the reverse.',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^(web|tests)/' },
    },
    {
      name: 'web-reads-only-the-contract',
      comment: 'The web may know the API through api/src/contract alone.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(data|tests)/|^api/(?!src/contract/)' },
    },
    {
      name: 'web-takes-types-only',
      comment: 'The contract reaches the browser as types (import type): zod and the API code stay out of its bundle.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-other-features-sql-or-routes',
      comment: 'A feature\'s queries and routes are its internals: app.ts mounts routes, each feature runs its own SQL.',
      severity: 'error',
      from: { path: '^api/src/features/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^api/src/features/([^/]+)/.+\\.(queries|routes)\\.ts$', pathNot: '^api/src/features/$1/' },
    },
    {
      name: 'no-other-features-requests',
      comment: 'In the web, a feature\'s requests to the API (*-api.ts) are its own.',
      severity: 'error',
      from: { path: '^web/src/features/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^web/src/features/([^/]+)/[^/]+-api\\.ts$', pathNot: '^web/src/features/$1/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.tmp|node_modules/\\.vite)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    combinedDependencies: false,
    preserveSymlinks: false,
  },
};
