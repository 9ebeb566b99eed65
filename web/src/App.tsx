import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { AfterFirstPaint } from './components/AfterFirstPaint';
import { FilterPanel, FILTERS_TITLE_ID } from './features/filters/FilterPanel';
import { VocabularyWhenQuiet } from './features/filters/VocabularyWhenQuiet';
import { LIST_TITLE_ID, PlaceList } from './features/list/PlaceList';
import { earlyInput } from './features/help-near-me/early-search';
import { FindBar } from './features/help-near-me/FindBar';
import { searchable } from './features/help-near-me/search-rules';
import { useHelpMessages } from './features/help-near-me/messages';
import { OfflineNotice } from './features/help-near-me/OfflineNotice';
import { SiteFooter } from './features/help-near-me/SiteFooter';
import { GoTo } from './features/map/GoTo';
import { LazyMap } from './features/map/LazyMap';
import { LazyPlaceDetail } from './features/place-detail/LazyPlaceDetail';
import { SheetCounter } from './features/orientation-sheet/SheetCounter';
import { I18nProvider, storedLang, storeLang, useI18n } from './i18n';
import type { Filters } from './lib/api';
import type { Commune } from './lib/api';
import { aroundPoint, communeZone, MAINLAND_FRANCE, type BBox } from './lib/geo';
import { placeQueryOptions, placesQueryOptions, vocabularyQueryOptions, type ListArea } from './lib/queries';
import { Link, navigate } from './router';
import { useMediaQuery } from './lib/use-media-query';
import { useUrlState, type UpdateUrlState } from './state/use-url-state';
import type { UrlState } from './state/url-state';

export function App() {
  const [urlState, updateUrlState] = useUrlState();
  const lang = urlState.lang ?? storedLang() ?? 'fr';
  return (
    <I18nProvider lang={lang}>
      <Page urlState={urlState} updateUrlState={updateUrlState} />
    </I18nProvider>
  );
}

function focusById(id: string) {
  document.getElementById(id)?.focus();
}

interface PageProps {
  urlState: UrlState;
  updateUrlState: UpdateUrlState;
}

function Page({ urlState, updateUrlState }: PageProps) {
  const { t, lang } = useI18n();
  const m = useHelpMessages();
  const zone = urlState.zone ?? MAINLAND_FRANCE;
  const area = useMemo<ListArea>(() => (urlState.pres ? { near: urlState.pres } : { bbox: zone }), [urlState.pres, zone]);
  const filters = useMemo<Filters>(
    () => ({ services: urlState.services, types: urlState.types, labels: urlState.labels }),
    [urlState.services, urlState.types, urlState.labels],
  );
  // Same breakpoints as styles.css: side panels from 48em, filters in their own column from 75em.
  const hasSidePanels = useMediaQuery('(min-width: 48em)');
  const filtersAlwaysVisible = useMediaQuery('(min-width: 75em)');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [listServed, setListServed] = useState(false);
  const [knownName, setKnownName] = useState<{ id: string; name: string | null } | null>(null);

  const openId = urlState.lieu;
  // Typed in the page's own field before the app came, a commune is being chosen among the
  // suggestions: the whole of France's list would only be drawn under them, at the cost of a
  // slow phone's seconds. The list waits until the person does anything else.
  const [awaitsChoice, setAwaitsChoice] = useState(
    () => urlState.zone === null && urlState.pres === null && searchable(earlyInput()?.text ?? ''),
  );
  const firstUrlState = useRef(urlState);
  useEffect(() => {
    if (urlState !== firstUrlState.current) setAwaitsChoice(false);
  }, [urlState]);
  const stopAwaiting = useCallback(() => setAwaitsChoice(false), []);
  const listOptions = { ...placesQueryOptions(area, filters, urlState.ouvert, lang), enabled: !awaitsChoice };
  const vocabularyOptions = vocabularyQueryOptions(zone, filters, lang);
  // Asked for by <VocabularyWhenQuiet> below; the page only reads it.
  const vocabulary = useQuery({ ...vocabularyOptions, enabled: false });
  const details = useQuery({ ...placeQueryOptions(openId ?? '', lang), enabled: openId !== null });
  const selection = useMemo(
    () =>
      openId && details.data?.id === openId
        ? { id: openId, longitude: details.data.longitude, latitude: details.data.latitude }
        : null,
    [openId, details.data],
  );

  // Where focus goes back when the place's panel closes: the list item or map that opened it.
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const openPlace = useCallback(
    (id: string, name: string | null) => {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setKnownName({ id, name });
      updateUrlState({ lieu: id }, 'push');
    },
    [updateUrlState],
  );
  const closePlace = useCallback(() => updateUrlState({ lieu: null }, 'replace'), [updateUrlState]);

  // Closing by the button, Escape or the back button removes the focused element with the
  // panel; focus then goes back to where the person was instead of falling to <body>.
  const previousOpenId = useRef(openId);
  useEffect(() => {
    const closing = previousOpenId.current !== null && openId === null;
    previousOpenId.current = openId;
    if (!closing) return;
    const focusLost = !document.activeElement || document.activeElement === document.body;
    if (!focusLost) return;
    const target = returnFocusTo.current;
    if (target?.isConnected) target.focus();
    else focusById(LIST_TITLE_ID);
  }, [openId]);

  const changeZone = useCallback((bbox: BBox) => updateUrlState({ zone: bbox }, 'replace'), [updateUrlState]);

  // After a search the person is taken to the answer: the list heading, whose live region says
  // the count. Deferred to the next frame so that the list has re-rendered for the new place.
  const focusResults = () => requestAnimationFrame(() => focusById(LIST_TITLE_ID));
  const queryClient = useQueryClient();
  // The list's request leaves now, not after the whole page has re-rendered for the new place
  // (a noticeable wait on a slow phone); the list then finds it already on its way.
  const prefetchCommune = (c: Commune) =>
    void queryClient.prefetchInfiniteQuery(placesQueryOptions({ bbox: communeZone(c) }, filters, urlState.ouvert, lang));
  const chooseCommune = (c: Commune) => {
    const commune = communeZone(c);
    prefetchCommune(c);
    updateUrlState({ zone: commune, commune: `${c.nom} (${c.departement})`, pres: null, lieu: null }, 'push');
    focusResults();
  };
  const choosePosition = (position: [number, number]) => {
    updateUrlState({ pres: position, zone: aroundPoint(position), commune: null, lieu: null }, 'push');
    focusResults();
  };
  const onFirstResponse = useCallback(() => setListServed(true), []);
  const otherLang = lang === 'fr' ? 'en' : 'fr';

  // On wide screens the place panel covers the list (and the filters below 75em): a skip link
  // closes it first, or it would lead to something hidden and inert.
  const skipTo = (e: MouseEvent, target: 'list' | 'filters') => {
    e.preventDefault();
    const covered = hasSidePanels && (target === 'list' || !filtersAlwaysVisible);
    flushSync(() => {
      if (target === 'filters') setFiltersOpen(true);
      if (covered && openId) closePlace();
    });
    focusById(target === 'list' ? LIST_TITLE_ID : FILTERS_TITLE_ID);
  };

  return (
    <>
      <nav className="skip-links" aria-label={t.skipLinks}>
        <a href={'#' + LIST_TITLE_ID} onClick={(e) => skipTo(e, 'list')}>
          {t.skipToList}
        </a>
        <a href={'#' + FILTERS_TITLE_ID} onClick={(e) => skipTo(e, 'filters')}>
          {t.skipToFilters}
        </a>
      </nav>
      <header className="site-header">
        <h1>
          <span className="brand">{t.siteName}</span>
          <span className="tagline">{t.tagline}</span>
        </h1>
        <button
          type="button"
          className="button button-secondary button-lang"
          lang={otherLang}
          onClick={() => {
            storeLang(otherLang);
            updateUrlState({ lang: otherLang }, 'replace');
          }}
        >
          {t.switchLanguage}
        </button>
      </header>
      <FindBar
        commune={urlState.commune}
        nearMe={urlState.pres !== null}
        onCommune={chooseCommune}
        onLikelyCommune={prefetchCommune}
        onLeave={stopAwaiting}
        onPlace={(place) => navigate(`/lieux/${encodeURIComponent(place.id)}${lang === 'en' ? '?lang=en' : ''}`)}
        onPosition={choosePosition}
        onStopNearMe={() => updateUrlState({ pres: null }, 'push')}
      />
      {/* After the search, which comes first on a phone's screen and is drawn by index.html
          before the app arrives: what is added here does not move it. */}
      <AfterFirstPaint>
        <div className="page-tools">
          <Link className="button" href={lang === 'en' ? '/besoins?lang=en' : '/besoins'}>
            {m.needsTitle}
          </Link>
          <GoTo onGo={(bbox) => updateUrlState({ zone: bbox, commune: null, pres: null }, 'push')} />
          <SheetCounter />
        </div>
      </AfterFirstPaint>
      <OfflineNotice />
      <main className={openId ? 'content with-detail' : 'content'}>
        <AfterFirstPaint>
          <FilterPanel
            covered={hasSidePanels && !filtersAlwaysVisible && openId !== null}
            vocabulary={vocabulary}
            filters={filters}
            alwaysOpen={filtersAlwaysVisible}
            open={filtersOpen}
            onOpenChange={setFiltersOpen}
            ouvert={urlState.ouvert}
            onOuvertChange={(ouvert) => updateUrlState({ ouvert }, 'push')}
            onChange={(f) => updateUrlState({ services: [...f.services], types: [...f.types], labels: [...f.labels] }, 'push')}
            onReset={() => updateUrlState({ services: [], types: [], labels: [], ouvert: null }, 'push')}
          />
        </AfterFirstPaint>
        <PlaceList
          covered={hasSidePanels && openId !== null}
          area={area}
          filters={filters}
          ouvert={urlState.ouvert}
          vocabulary={vocabulary.data}
          selectedId={openId}
          onOpen={(place) => openPlace(place.id, place.nom)}
          onFirstResponse={onFirstResponse}
          awaitsChoice={awaitsChoice}
        />
        <VocabularyWhenQuiet vocabulary={vocabularyOptions} list={listOptions} shown={filtersAlwaysVisible || filtersOpen || openId !== null} />
        {openId && (
          <LazyPlaceDetail
            id={openId}
            knownName={knownName?.id === openId ? knownName.name : null}
            vocabulary={vocabulary.data}
            onClose={closePlace}
          />
        )}
        <div className="map-area">
          <h2 className="sr-only">{t.mapTitle}</h2>
          <AfterFirstPaint>
            <LazyMap
              listServed={listServed}
              zone={zone}
              filters={filters}
              selection={selection}
              onZoneChange={changeZone}
              onSelect={openPlace}
            />
          </AfterFirstPaint>
        </div>
      </main>
      <AfterFirstPaint>
        <SiteFooter />
      </AfterFirstPaint>
    </>
  );
}
