import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Routes } from './routes';
import './styles.css';

const client = new QueryClient({
  defaultOptions: {
    // On a metered phone connection, coming back to the tab must not refetch everything.
    queries: { refetchOnWindowFocus: false },
  },
});

// Production only: in development a cached shell would hide every change being made.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register(import.meta.env.BASE_URL + 'sw.js').catch(() => {
      // Without it the app works as before, only not offline.
    });
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <Routes />
    </QueryClientProvider>
  </StrictMode>,
);
