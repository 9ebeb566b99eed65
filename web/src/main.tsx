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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <Routes />
    </QueryClientProvider>
  </StrictMode>,
);
