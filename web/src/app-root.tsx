import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Routes } from './routes';

const client = new QueryClient({
  defaultOptions: {
    // On a metered phone connection, coming back to the tab must not refetch everything.
    queries: { refetchOnWindowFocus: false },
  },
});

/** Replaces the page's own first screen (index.html) with the app. */
export function mountApp(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <Routes />
      </QueryClientProvider>
    </StrictMode>,
  );
}
