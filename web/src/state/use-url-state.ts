import { useCallback, useEffect, useRef, useState } from 'react';
import { ecrireEtat, lireEtat, type EtatUrl } from './url-state';

/**
 * 'push' for what a person would undo with the back button (a filter, opening a place, a jump to
 * a territory); 'replace' for what changes continuously (panning the map) or is a preference.
 */
export type ModeHistorique = 'push' | 'replace';

export function useEtatUrl(): [EtatUrl, (changement: Partial<EtatUrl>, mode: ModeHistorique) => void] {
  const [etat, setEtat] = useState(() => lireEtat(location.search));
  // History writes must compose with the latest state even when called twice in one event.
  const courant = useRef(etat);

  useEffect(() => {
    const surRetour = () => {
      courant.current = lireEtat(location.search);
      setEtat(courant.current);
    };
    addEventListener('popstate', surRetour);
    return () => removeEventListener('popstate', surRetour);
  }, []);

  const changer = useCallback((changement: Partial<EtatUrl>, mode: ModeHistorique) => {
    const suivant = { ...courant.current, ...changement };
    courant.current = suivant;
    setEtat(suivant);
    const url = location.pathname + ecrireEtat(suivant);
    if (url === location.pathname + location.search) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }, []);

  return [etat, changer];
}
