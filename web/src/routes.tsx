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
