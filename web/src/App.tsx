import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { GoTo } from './features/carte/GoTo';
import { LazyMap } from './features/carte/LazyMap';
import { PlaceDetail } from './features/fiche-lieu/PlaceDetail';
import { FilterPanel, ID_TITRE_FILTRES } from './features/filtres/FilterPanel';
import { ID_TITRE_LISTE, PlaceList } from './features/liste/PlaceList';
import { I18nProvider, langueMemorisee, memoriserLangue, useI18n } from './i18n';
import type { Filtres } from './lib/api';
import { METROPOLE, type BBox } from './lib/geo';
import { lieuQueryOptions, vocabulaireQueryOptions } from './lib/queries';
import { useMediaQuery } from './lib/use-media-query';
import { useEtatUrl, type ModeHistorique } from './state/use-url-state';
import type { EtatUrl } from './state/url-state';

export function App() {
  const [etat, changer] = useEtatUrl();
  const lang = etat.lang ?? langueMemorisee() ?? 'fr';
  return (
    <I18nProvider lang={lang}>
      <Page etat={etat} changer={changer} />
    </I18nProvider>
  );
}

function focaliser(id: string) {
  document.getElementById(id)?.focus();
}

interface PageProps {
  etat: EtatUrl;
  changer: (changement: Partial<EtatUrl>, mode: ModeHistorique) => void;
}

function Page({ etat, changer }: PageProps) {
  const { t, lang } = useI18n();
  const zone = etat.zone ?? METROPOLE;
  const filtres = useMemo<Filtres>(() => ({ services: etat.services, types: etat.types }), [etat.services, etat.types]);
  const vocabulaire = useQuery(vocabulaireQueryOptions(zone, filtres, lang));
  // Same breakpoints as styles.css: side panels from 48em, filters in their own column from 75em.
  const colonnes = useMediaQuery('(min-width: 48em)');
  const filtresToujoursVisibles = useMediaQuery('(min-width: 75em)');
  const [filtresOuverts, setFiltresOuverts] = useState(false);
  const [listeServie, setListeServie] = useState(false);
  const [nomConnu, setNomConnu] = useState<{ id: string; nom: string | null } | null>(null);

  const detail = useQuery({ ...lieuQueryOptions(etat.lieu ?? '', lang), enabled: etat.lieu !== null });
  const selection = useMemo(
    () =>
      etat.lieu && detail.data?.id === etat.lieu
        ? { id: etat.lieu, longitude: detail.data.longitude, latitude: detail.data.latitude }
        : null,
    [etat.lieu, detail.data],
  );

  // Where focus goes back when the place's panel closes: the list item or map that opened it.
  const retourFocus = useRef<HTMLElement | null>(null);
  const ouvrirLieu = useCallback(
    (id: string, nom: string | null) => {
      retourFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setNomConnu({ id, nom });
      changer({ lieu: id }, 'push');
    },
    [changer],
  );
  const fermerLieu = useCallback(() => changer({ lieu: null }, 'replace'), [changer]);

  // Closing by the button, Escape or the back button removes the focused element with the
  // panel; focus then goes back to where the person was instead of falling to <body>.
  const lieuOuvert = useRef(etat.lieu);
  useEffect(() => {
    const fermeture = lieuOuvert.current !== null && etat.lieu === null;
    lieuOuvert.current = etat.lieu;
    if (!fermeture) return;
    const perdu = !document.activeElement || document.activeElement === document.body;
    if (!perdu) return;
    const cible = retourFocus.current;
    if (cible?.isConnected) cible.focus();
    else focaliser(ID_TITRE_LISTE);
  }, [etat.lieu]);

  const changerZone = useCallback((bbox: BBox) => changer({ zone: bbox }, 'replace'), [changer]);
  const premiereReponse = useCallback(() => setListeServie(true), []);
  const autreLangue = lang === 'fr' ? 'en' : 'fr';

  // On wide screens the place panel covers the list (and the filters below 75em): a skip link
  // closes it first, or it would lead to something hidden and inert.
  const allerA = (e: MouseEvent, cible: 'liste' | 'filtres') => {
    e.preventDefault();
    const couverte = colonnes && (cible === 'liste' || !filtresToujoursVisibles);
    flushSync(() => {
      if (cible === 'filtres') setFiltresOuverts(true);
      if (couverte && etat.lieu) fermerLieu();
    });
    focaliser(cible === 'liste' ? ID_TITRE_LISTE : ID_TITRE_FILTRES);
  };

  return (
    <>
      <nav className="liens-evitement" aria-label={t.liensEvitement}>
        <a href={'#' + ID_TITRE_LISTE} onClick={(e) => allerA(e, 'liste')}>
          {t.allerListe}
        </a>
        <a href={'#' + ID_TITRE_FILTRES} onClick={(e) => allerA(e, 'filtres')}>
          {t.allerFiltres}
        </a>
      </nav>
      <header className="entete">
        <h1>
          <span className="marque">{t.nomSite}</span>
          <span className="slogan">{t.slogan}</span>
        </h1>
        <button
          type="button"
          className="bouton bouton-secondaire bouton-langue"
          lang={autreLangue}
          onClick={() => {
            memoriserLangue(autreLangue);
            changer({ lang: autreLangue }, 'replace');
          }}
        >
          {t.changerLangue}
        </button>
        <GoTo onAller={(bbox) => changer({ zone: bbox }, 'push')} />
      </header>
      <main className={etat.lieu ? 'contenu avec-fiche' : 'contenu'}>
        <FilterPanel
          masque={colonnes && !filtresToujoursVisibles && etat.lieu !== null}
          vocabulaire={vocabulaire}
          filtres={filtres}
          toujoursOuvert={filtresToujoursVisibles}
          ouvert={filtresOuverts}
          onOuvrir={setFiltresOuverts}
          onChange={(f) => changer({ services: [...f.services], types: [...f.types] }, 'push')}
          onReinitialiser={() => changer({ services: [], types: [] }, 'push')}
        />
        <PlaceList
          masquee={colonnes && etat.lieu !== null}
          zone={zone}
          filtres={filtres}
          vocabulaire={vocabulaire.data}
          lieuSelectionne={etat.lieu}
          onOuvrir={(lieu) => ouvrirLieu(lieu.id, lieu.nom)}
          onPremiereReponse={premiereReponse}
        />
        {etat.lieu && (
          <PlaceDetail
            id={etat.lieu}
            nomConnu={nomConnu?.id === etat.lieu ? nomConnu.nom : null}
            vocabulaire={vocabulaire.data}
            onFermer={fermerLieu}
          />
        )}
        <div className="zone-carte">
          <h2 className="sr-only">{t.carteTitre}</h2>
          <LazyMap
            prioriteListeServie={listeServie}
            zone={zone}
            filtres={filtres}
            selection={selection}
            onZoneChange={changerZone}
            onSelection={ouvrirLieu}
          />
        </div>
      </main>
    </>
  );
}
