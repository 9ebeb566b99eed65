import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import type { Vocabulary } from '../../lib/api';
import { placeQueryOptions } from '../../lib/queries';
import { Link } from '../../router';
import { useHelpMessages } from '../help-near-me/messages';
import { PlaceFacts } from './PlaceFacts';

const DETAIL_TITLE_ID = 'place-detail-title';

export interface PlaceDetailProps {
  id: string;
  /** Shown as the heading while the details load: the list or the map already knew it. */
  knownName: string | null;
  vocabulary: Vocabulary | undefined;
  onClose: () => void;
}

export function PlaceDetail({ id, knownName, vocabulary, onClose }: PlaceDetailProps) {
  const { t, lang } = useI18n();
  const m = useHelpMessages();
  const query = useQuery(placeQueryOptions(id, lang));
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [id]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  };

  const place = query.data;
  return (
    // Escape closes the panel from anywhere inside it: the key comes from its buttons and links.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section className="detail-area" aria-labelledby={DETAIL_TITLE_ID} onKeyDown={onKeyDown}>
      <div className="detail-header">
        <h2 id={DETAIL_TITLE_ID} ref={heading} tabIndex={-1}>
          {place?.nom ?? knownName ?? (query.isError ? t.detailUnavailable : t.detailLoading)}
        </h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
      {query.isPending && <p role="status">{t.detailLoading}</p>}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {place && (
        <PlaceFacts place={place} vocabulary={vocabulary} level={3}>
          <p>
            <Link className="button button-secondary" href={`/lieux/${encodeURIComponent(place.id)}${lang === 'en' ? '?lang=en' : ''}`}>
              {m.seeFullPage}
            </Link>
          </p>
        </PlaceFacts>
      )}
    </section>
  );
}
