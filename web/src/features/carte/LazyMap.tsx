import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { useI18n } from '../../i18n';
import type { MapViewProps } from './MapView';

// MapLibre and the basemap weigh far more than the rest of the page: they come in their own
// chunk so the list of places never waits for them.
const MapView = lazy(() => import('./MapView'));

// If the first list answer is slow, the map should not wait for it forever.
const ATTENTE_MAX_MS = 4000;

interface Props extends MapViewProps {
  /** True once the first places are on screen: only then does the map start downloading. */
  prioriteListeServie: boolean;
}

export function LazyMap({ prioriteListeServie, ...props }: Props) {
  const { t, lang } = useI18n();
  const [demarree, setDemarree] = useState(false);

  useEffect(() => {
    if (prioriteListeServie) {
      setDemarree(true);
      return;
    }
    const minuterie = setTimeout(() => setDemarree(true), ATTENTE_MAX_MS);
    return () => clearTimeout(minuterie);
  }, [prioriteListeServie]);

  const attente = <p className="carte-message">{t.carteChargement}</p>;
  return (
    <ErrorBoundary fallback={<p className="carte-message">{t.carteIndisponible}</p>}>
      {demarree ? (
        <Suspense fallback={attente}>
          <MapView key={lang} {...props} />
        </Suspense>
      ) : (
        attente
      )}
    </ErrorBoundary>
  );
}
