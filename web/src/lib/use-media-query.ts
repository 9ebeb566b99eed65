import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(requete: string): boolean {
  const abonner = useCallback(
    (avertir: () => void) => {
      const liste = matchMedia(requete);
      liste.addEventListener('change', avertir);
      return () => liste.removeEventListener('change', avertir);
    },
    [requete],
  );
  return useSyncExternalStore(abonner, () => matchMedia(requete).matches);
}
