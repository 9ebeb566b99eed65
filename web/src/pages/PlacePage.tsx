import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading, SimplePage, withLang } from '../components/SimplePage';
import { useHelpMessages } from '../features/help-near-me/messages';
import { formatWallClock } from '../features/help-near-me/opening-status';
import { OpeningStatus } from '../features/help-near-me/OpeningStatus';
import { FreshnessNote } from '../features/reports/FreshnessNote';
import { ReportForm } from '../features/reports/ReportForm';
import { AddToSheetButton } from '../features/orientation-sheet/AddToSheetButton';
import '../features/help-near-me/help-near-me.css';
import { labelOf, useI18n } from '../i18n';
import { ApiError, type DayHours, type Place, type VocabularyEntry } from '../lib/api';
import { formatDate, phoneHref, webUrl, webUrlText } from '../lib/format';
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
  const { t, lang } = useI18n();
  const m = useHelpMessages();
  // The vocabulary gives each service's plain-words description; counts around the place are unused.
  const vocabulary = useQuery(vocabularyQueryOptions(aroundPoint([place.longitude, place.latitude]), NO_FILTERS, lang));
  const entries = (list: VocabularyEntry[] | undefined, ids: string[]) => (list ?? []).filter((e) => ids.includes(e.id));
  const offers = [
    ...entries(vocabulary.data?.numerique, place.services),
    ...entries(vocabulary.data?.demarches, place.services),
  ];
  const types = entries(vocabulary.data?.types, place.types).map((e) => labelOf(e, lang));
  const tel = place.telephone ? phoneHref(place.telephone) : null;
  const site = place.site_web ? webUrl(place.site_web) : null;
  const town = [place.code_postal, place.commune].filter(Boolean).join(' ');
  const address = [place.adresse, place.complement_adresse, town].filter(Boolean);
  const geo = `geo:${place.latitude},${place.longitude}?q=${place.latitude},${place.longitude}(${encodeURIComponent(place.nom)})`;
  const sourceNames = place.sources.map((s) => s.nom).join(', ');

  return (
    <article className="place-page">
      <PageHeading focusKey={place.id}>{place.nom}</PageHeading>
      {types.length > 0 && <p className="detail-types">{types.join(' · ')}</p>}
      <p className="place-page-now">
        <strong>{m.openingNow}</strong>{' '}
        <OpeningStatus ouverture={place.ouverture} />
      </p>
      <AddToSheetButton id={place.id} className="detail-add-to-sheet" />

      <h2>{t.openingHours}</h2>
      {place.horaires.semaine ? (
        <WeekTable days={place.horaires.semaine} />
      ) : place.horaires.texte ? (
        <p className="detail-hours">{place.horaires.texte}</p>
      ) : (
        <p>{t.openingHoursUnknown}</p>
      )}

      <h2>{m.gettingThere}</h2>
      <p className="detail-address">
        {address.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </p>
      {place.precision === 'commune' && <p className="detail-approx">{t.approximateLocationCommune}</p>}
      <p>
        <a className="button button-secondary" href={geo}>
          {m.openInMaps}
        </a>
      </p>

      {offers.length > 0 && (
        <>
          <h2>{m.whatTheyOffer}</h2>
          <ul className="place-offers">
            {offers.map((e) => (
              <li key={e.id}>
                <strong>{labelOf(e, lang)}</strong>
                {/* Descriptions exist in French only: marked so that a screen reader reads them as French. */}
                {e.description && <span lang={lang === 'en' ? 'fr' : undefined}>{e.description}</span>}
              </li>
            ))}
          </ul>
        </>
      )}

      {(tel || place.courriel || site) && (
        <>
          <h2>{t.contact}</h2>
          <ul className="place-contact">
            {tel && (
              <li>
                {t.phone} : <a href={tel}>{place.telephone}</a>
              </li>
            )}
            {place.courriel && (
              <li>
                {t.email} : <a href={'mailto:' + place.courriel}>{place.courriel}</a>
              </li>
            )}
            {site && (
              <li>
                {t.website} :{' '}
                <a href={site.href} rel="noopener noreferrer">
                  {webUrlText(site)}
                </a>
              </li>
            )}
          </ul>
        </>
      )}

      {place.labels.length > 0 && (
        <>
          <h2>{t.labels}</h2>
          <ul className="detail-labels">
            {place.labels.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      )}

      <p className="place-page-source">
        {place.date_maj ? t.sourceDated(formatDate(place.date_maj, lang)) : t.sourceUndated}
        {sourceNames}
      </p>
      <FreshnessNote verifieLe={place.verifie_le} dateMaj={place.date_maj} />
      <ReportForm placeId={place.id} />
      <p>
        <Link href={withLang('/', lang)}>{m.backToMap}</Link>
      </p>
    </article>
  );
}

function WeekTable({ days }: { days: DayHours[] }) {
  const { lang } = useI18n();
  const m = useHelpMessages();
  const dayName = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(iso + 'T12:00:00Z'));
  return (
    <table className="week-hours">
      <caption>{m.hoursCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.day}</th>
          <th scope="col">{m.hours}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.date}>
            <th scope="row">{dayName(d.date)}</th>
            <td>
              {d.plages.length === 0
                ? m.closedDay
                : d.plages.map((p) => m.hoursRange(formatWallClock(p.debut, lang), formatWallClock(p.fin, lang))).join(', ')}
              {d.ferie && <span className="holiday"> ({m.holiday(d.ferie)})</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
