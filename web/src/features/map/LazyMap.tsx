import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useI18n } from '../../i18n';
import type { MapViewProps } from './MapView';

// MapLibre and the basemap weigh far more than the rest of the page: they come in their own
// chunk so the list of places never waits for them.
const MapView = lazy(() => import('./MapView'));

// If the first list answer is slow, the map should not wait for it forever.
const MAX_WAIT_MS = 4000;

interface Props extends MapViewProps {
  /** True once the first places are on screen: only then does the map start downloading. */
  listServed: boolean;
}

export function LazyMap({ listServed, ...props }: Props) {
  const { t, lang } = useI18n();
  const [started, setStarted] = useState(false);

  useEffect(() => {
    if (listServed) {
      setStarted(true);
      return;
    }
    const timer = setTimeout(() => setStarted(true), MAX_WAIT_MS);
    return () => clearTimeout(timer);
  }, [listServed]);

  const placeholder = <p className="map-message">{t.mapLoading}</p>;
  return (
    <ErrorBoundary fallback={<p className="map-message">{t.mapUnavailable}</p>}>
      {started ? (
        <Suspense fallback={placeholder}>
          <MapView key={lang} {...props} />
        </Suspense>
      ) : (
        placeholder
      )}
    </ErrorBoundary>
  );
}
