import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useI18n } from '../../i18n';
import { useHelpMessages } from '../help-near-me/messages';
import type { MapViewProps } from './MapView';

// MapLibre and the basemap weigh far more than the rest of the page: they come in their own
// chunk so the list of places never waits for them.
const MapView = lazy(() => import('./MapView'));

// If the first list answer is slow, the map should not wait for it forever.
const MAX_WAIT_MS = 4000;

type NetworkInformation = { saveData?: boolean; effectiveType?: string };

/**
 * On a slow or metered connection the map (about 300 KB) would take the bandwidth the list and
 * the search need: it then waits until the person asks for it.
 */
function slowConnection(): boolean {
  const connection = (navigator as Navigator & { connection?: NetworkInformation }).connection;
  return Boolean(connection && (connection.saveData || /^(slow-2g|2g|3g)$/.test(connection.effectiveType ?? '')));
}

interface Props extends MapViewProps {
  /** True once the first places are on screen: only then does the map start downloading. */
  listServed: boolean;
}

export function LazyMap({ listServed, ...props }: Props) {
  const { t, lang } = useI18n();
  const m = useHelpMessages();
  const [started, setStarted] = useState(false);
  const [onRequest] = useState(slowConnection);

  useEffect(() => {
    if (onRequest) return;
    if (listServed) {
      // Started once, the map stays: `started` is not a function of `listServed` alone.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setStarted(true);
      return;
    }
    const timer = setTimeout(() => setStarted(true), MAX_WAIT_MS);
    return () => clearTimeout(timer);
  }, [listServed, onRequest]);

  const placeholder = <p className="map-message">{t.mapLoading}</p>;
  return (
    <ErrorBoundary fallback={<p className="map-message">{t.mapUnavailable}</p>}>
      {started ? (
        <Suspense fallback={placeholder}>
          <MapView key={lang} {...props} />
        </Suspense>
      ) : onRequest ? (
        <div className="map-message map-on-request">
          <p>{m.mapSlowConnection}</p>
          <button type="button" className="button" onClick={() => setStarted(true)}>
            {m.showMap}
          </button>
        </div>
      ) : (
        placeholder
      )}
    </ErrorBoundary>
  );
}
