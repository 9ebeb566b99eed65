import { watchEarlySearch } from './features/help-near-me/early-search';
import './styles.css';

// The page's first script, a few kilobytes: the search field in index.html works at once, while
// React and the app (index.html preloads them from the start) are still on their way.
watchEarlySearch();

// Production only: in development a cached shell would hide every change being made.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register(import.meta.env.BASE_URL + 'sw.js').catch(() => {
      // Without it the app works as before, only not offline.
    });
  });
}

import('./app-root').then(
  ({ mountApp }) => mountApp(document.getElementById('root')!),
  () => {
    // The connection dropped while the app's code was coming: say so instead of loading forever.
    document.getElementById('shell-status')?.setAttribute('hidden', '');
    document.getElementById('shell-failed')?.removeAttribute('hidden');
  },
);
