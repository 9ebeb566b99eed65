import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading, SimplePage, withLang } from '../components/SimplePage';
import { useHelpMessages } from '../features/help-near-me/messages';
import { PlaceFacts } from '../features/place-detail/PlaceFacts';
import '../features/help-near-me/help-near-me.css';
import { useI18n } from '../i18n';
import { ApiError, type Place } from '../lib/api';
import { aroundPoint } from '../lib/geo';
import { placeQueryOptions, vocabularyQueryOptions } from '../lib/queries';
import { Link, usePath } from '../router';

const NO_FILTERS = { services: [], types: [], labels: [] };

export function PlacePage() {
  return (
    <SimplePage>
      <PlaceContent />
    </SimplePage>
  );
}

function placeIdFromPath(path: string): string {
  try {
    return decodeURIComponent(path.replace(/^\/lieux\//, '').replace(/\/$/, ''));
  } catch {
    return '';
  }
}

function PlaceContent() {
  const { t, lang } = useI18n();
  const m = useHelpMessages();
  const id = placeIdFromPath(usePath());
  const query = useQuery({ ...placeQueryOptions(id, lang), enabled: id !== '' });

  if (id === '' || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <>
        <PageHeading>{m.placeNotFoundTitle}</PageHeading>
        <p>{m.placeNotFoundText}</p>
        <p>
          <Link href={withLang('/', lang)}>{m.backToMap}</Link>
        </p>
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeading>{t.detailUnavailable}</PageHeading>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} takeFocus={false} />
        <p>
          <Link href={withLang('/', lang)}>{m.backToMap}</Link>
        </p>
      </>
    );
  }
  if (!query.data) {
    return (
      <>
        <PageHeading>{t.detailLoading}</PageHeading>
        <p role="status">{t.detailLoading}</p>
      </>
    );
  }
  return <PlaceSheet place={query.data} />;
}

function PlaceSheet({ place }: { place: Place }) {
  const { lang } = useI18n();
  const m = useHelpMessages();
  // The vocabulary gives each service's plain-words description; counts around the place are unused.
  const vocabulary = useQuery(vocabularyQueryOptions(aroundPoint([place.longitude, place.latitude]), NO_FILTERS, lang));
  return (
    <article className="place-page">
      <PageHeading focusKey={place.id}>{place.nom}</PageHeading>
      <PlaceFacts place={place} vocabulary={vocabulary.data} level={2} withDescriptions />
      <p>
        <Link href={withLang('/', lang)}>{m.backToMap}</Link>
      </p>
    </article>
  );
}
