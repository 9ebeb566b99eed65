import { lazy, Suspense, type ComponentType } from 'react';
import { App } from './App';
import { NotFoundPage } from './pages/NotFoundPage';
import { usePath } from './router';

type Route = { match: (path: string) => boolean; page: ComponentType };

/**
 * Path → page. The map page is eager (it is the first screen); every other page is a lazy chunk,
 * so adding pages never makes the first screen heavier. Add a line per page.
 */
const routes: Route[] = [
  { match: (p) => p === '/' || p === '/index.html', page: App },
  { match: (p) => p === '/fiche', page: lazy(() => import('./features/orientation-sheet/SheetPage')) },
  { match: (p) => p === '/aidants', page: lazy(() => import('./features/orientation-sheet/HelpersPage')) },
  { match: (p) => p.startsWith('/lieux/'), page: lazy(() => import('./pages/PlacePage').then((m) => ({ default: m.PlacePage }))) },
  { match: (p) => p === '/besoins', page: lazy(() => import('./pages/NeedsPage').then((m) => ({ default: m.NeedsPage }))) },
  { match: (p) => p === '/accessibilite', page: lazy(() => import('./pages/AccessibilityPage').then((m) => ({ default: m.AccessibilityPage }))) },
  { match: (p) => p === '/admin/import', page: lazy(() => import('./features/imports/ImportPage')) },
  { match: (p) => p === '/admin' || p.startsWith('/admin/') || p.startsWith('/coordination/invitation/'), page: lazy(() => import('./features/admin/AdminApp')) },
];

export function Routes() {
  const path = usePath();
  const Page = routes.find((r) => r.match(path))?.page ?? NotFoundPage;
  return (
    <Suspense fallback={null}>
      <Page />
    </Suspense>
  );
}

// Re-exported so that route lines can declare lazy pages without importing React themselves.
export { lazy };
