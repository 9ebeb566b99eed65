import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { labelOf, useI18n } from '../../i18n';
import { formatDistance } from '../help-near-me/distance';
import { useHelpMessages } from '../help-near-me/messages';
import { OpeningStatus } from '../help-near-me/OpeningStatus';
import type { Filters, OpenFilter, PlaceSummary, Vocabulary } from '../../lib/api';
import { placesQueryOptions, type ListArea } from '../../lib/queries';
import { ResultCount } from './ResultCount';
import { AddToSheetButton } from '../orientation-sheet/AddToSheetButton';

export const LIST_TITLE_ID = 'list-title';

/** "Near me": what counts as close enough to walk or take a bus, and how few is "few". */
const CLOSE_METRES = 5000;
const FEW = 3;

interface Props {
  /** Covered by the place panel: out of the tab order so that focus never lands out of sight. */
  covered: boolean;
  /** The map's view, or around the person's position (nearest first, with distances). */
  area: ListArea;
  filters: Filters;
  ouvert: OpenFilter | null;
  vocabulary: Vocabulary | undefined;
  selectedId: string | null;
  onOpen: (place: PlaceSummary) => void;
  /** Called once the first answer (or error) is in, so that heavier work can start after it. */
  onFirstResponse: () => void;
  /** The person is choosing among the suggestions for what they typed: nothing to ask for yet. */
  awaitsChoice?: boolean;
}

export function PlaceList({ covered, area, filters, ouvert, vocabulary, selectedId, onOpen, onFirstResponse, awaitsChoice = false }: Props) {
  const { t, lang } = useI18n();
  const m = useHelpMessages();
  const query = useInfiniteQuery({ ...placesQueryOptions(area, filters, ouvert, lang), enabled: !awaitsChoice });
  const near = 'near' in area;
  // One clock per answer, so that every place's status is computed for the same moment.
  // eslint-disable-next-line react-hooks/purity -- read once per answer, on purpose
  const now = useMemo(() => new Date(query.dataUpdatedAt || Date.now()), [query.dataUpdatedAt]);
  const listRef = useRef<HTMLOListElement>(null);
  const indexToFocus = useRef<number | null>(null);

  const places = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total;
  const withoutHours = query.data?.pages[0]?.sans_horaires ?? 0;
  // Known only by its commune, a place's distance is to the commune's centre: it is not counted as close.
  const closeCount = near ? places.filter((p) => p.precision === 'adresse' && (p.distance_m ?? Infinity) <= CLOSE_METRES).length : 0;

  const typeLabels = useMemo(
    () => new Map(vocabulary?.types.map((v) => [v.id, labelOf(v, lang)]) ?? []),
    [vocabulary, lang],
  );

  useEffect(() => {
    if (query.status !== 'pending') onFirstResponse();
  }, [query.status, onFirstResponse]);

  // After "Afficher plus", focus goes to the first new place so the keyboard user carries on
  // reading where they were instead of being sent back to the button.
  useEffect(() => {
    const index = indexToFocus.current;
    if (index === null || places.length <= index) return;
    indexToFocus.current = null;
    listRef.current?.querySelectorAll<HTMLButtonElement>('button.place')[index]?.focus();
  }, [places.length]);

  // The button is not disabled while loading: a disabled button drops the keyboard focus.
  const showMore = () => {
    if (query.isFetchingNextPage) return;
    indexToFocus.current = places.length;
    void query.fetchNextPage();
  };

  return (
    <section id="list" className="list-area" aria-labelledby={LIST_TITLE_ID} inert={covered}>
      <ResultCount id={LIST_TITLE_ID} total={total} unavailable={query.isError} label={near ? () => m.placesNearYou : undefined} pending={awaitsChoice ? m.listAwaitsChoice : undefined} />
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {near && places.length > 0 && closeCount < FEW && (
        <p className="list-help list-widened">
          {closeCount === 0 ? m.nothingClose(CLOSE_METRES / 1000) : m.fewClose(CLOSE_METRES / 1000, closeCount)}
        </p>
      )}
      {!near && total !== undefined && total > places.length && (
        <p className="list-help">{t.placesShown(places.length, total)}</p>
      )}
      {ouvert && withoutHours > 0 && <p className="list-help">{m.withoutHours(withoutHours)}</p>}
      {total === 0 && <p className="list-help">{t.noPlacesHint}</p>}
      {query.isPlaceholderData && (
        <p className="list-updating" aria-hidden="true">
          {t.listUpdating}
        </p>
      )}
      {places.length > 0 && (
        <ol ref={listRef} id="place-list" className="places">
          {places.map((place) => (
            <li key={place.id}>
              <button
                type="button"
                className="place"
                data-place-id={place.id}
                aria-current={place.id === selectedId ? 'true' : undefined}
                onClick={() => onOpen(place)}
              >
                <span className="place-name">{place.nom}</span>
                {place.distance_m !== undefined && (
                  <span className="place-distance">
                    <span className="sr-only">, </span>
                    {place.precision === 'commune' && place.commune ? m.inCommune(place.commune) : formatDistance(place.distance_m, lang)}
                  </span>
                )}
                {place.types.length > 0 && typeLabels.size > 0 && (
                  <span className="place-types">
                    <span className="sr-only">, </span>
                    {place.types.map((id) => typeLabels.get(id)).filter(Boolean).join(' · ')}
                  </span>
                )}
                <span className="place-commune">
                  <span className="sr-only">, </span>
                  {[place.code_postal, place.commune].filter(Boolean).join(' ')}
                  {place.precision === 'commune' && (
                    <span className="place-approx">
                      {' — '}
                      {t.approximateLocation}
                    </span>
                  )}
                </span>
                <span className="place-opening">
                  <span className="sr-only">, </span>
                  <OpeningStatus ouverture={place.ouverture} now={now} />
                </span>
              </button>
              <AddToSheetButton id={place.id} className="place-add-to-sheet" />
            </li>
          ))}
        </ol>
      )}
      {query.hasNextPage && (
        <button type="button" className="button button-secondary show-more" onClick={showMore}>
          {query.isFetchingNextPage ? t.listUpdating : t.showMore}
        </button>
      )}
    </section>
  );
}
