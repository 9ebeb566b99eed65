import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { labelOf, useI18n } from '../../i18n';
import type { Place, Vocabulary, VocabularyEntry } from '../../lib/api';
import { formatDate, phoneHref, webUrl, webUrlText } from '../../lib/format';
import { placeQueryOptions } from '../../lib/queries';
import { FreshnessNote } from '../reports/FreshnessNote';
import { ReportForm } from '../reports/ReportForm';
import { Link } from '../../router';
import { useHelpMessages } from '../help-near-me/messages';
import { OpeningStatus } from '../help-near-me/OpeningStatus';
import { AddToSheetButton } from '../orientation-sheet/AddToSheetButton';

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
      {place && <AddToSheetButton id={place.id} className="detail-add-to-sheet" />}
      {place && <DetailContent place={place} vocabulary={vocabulary} />}
    </section>
  );
}

function DetailContent({ place, vocabulary }: { place: Place; vocabulary: Vocabulary | undefined }) {
  const { t, lang } = useI18n();
  const m = useHelpMessages();
  const labelsOf = (entries: VocabularyEntry[] | undefined, ids: string[]) =>
    (entries ?? []).filter((e) => ids.includes(e.id)).map((e) => labelOf(e, lang));

  const types = labelsOf(vocabulary?.types, place.types);
  const services = [
    { title: t.axisNumerique, labels: labelsOf(vocabulary?.numerique, place.services) },
    { title: t.axisDemarches, labels: labelsOf(vocabulary?.demarches, place.services) },
  ].filter((g) => g.labels.length > 0);
  const tel = place.telephone ? phoneHref(place.telephone) : null;
  const site = place.site_web ? webUrl(place.site_web) : null;
  const town = [place.code_postal, place.commune].filter(Boolean).join(' ');

  return (
    <div className="detail-content">
      {types.length > 0 && <p className="detail-types">{types.join(' · ')}</p>}
      <p className="detail-opening">
        <OpeningStatus ouverture={place.ouverture} />
      </p>
      <p>
        <Link className="button button-secondary" href={`/lieux/${encodeURIComponent(place.id)}${lang === 'en' ? '?lang=en' : ''}`}>
          {m.seeFullPage}
        </Link>
      </p>

      <h3>{t.address}</h3>
      <p className="detail-address">
        {[place.adresse, place.complement_adresse, town].filter(Boolean).map((line) => (
          <span key={line}>{line}</span>
        ))}
      </p>
      {place.precision === 'commune' && <p className="detail-approx">{t.approximateLocationCommune}</p>}

      <h3>{t.openingHours}</h3>
      {place.horaires.texte ? (
        <p className="detail-hours">{place.horaires.texte}</p>
      ) : (
        <p>{t.openingHoursUnknown}</p>
      )}

      {(tel || place.courriel || site) && (
        <>
          <h3>{t.contact}</h3>
          <dl className="detail-contact">
            {tel && (
              <div>
                <dt>{t.phone}</dt>
                <dd>
                  <a href={tel}>{place.telephone}</a>
                </dd>
              </div>
            )}
            {place.courriel && (
              <div>
                <dt>{t.email}</dt>
                <dd>
                  <a href={'mailto:' + place.courriel}>{place.courriel}</a>
                </dd>
              </div>
            )}
            {site && (
              <div>
                <dt>{t.website}</dt>
                <dd>
                  <a href={site.href} rel="noopener noreferrer">
                    {webUrlText(site)}
                  </a>
                </dd>
              </div>
            )}
          </dl>
        </>
      )}

      {services.length > 0 && (
        <>
          <h3>{t.servicesOffered}</h3>
          {services.map((g) => (
            <div key={g.title} className="detail-services">
              <h4>{g.title}</h4>
              <ul>
                {g.labels.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}

      {place.labels.length > 0 && (
        <>
          <h3>{t.labels}</h3>
          <ul className="detail-labels">
            {place.labels.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      )}

      {place.sources.length > 0 && (
        <>
          <h3>{t.sources}</h3>
          <ul className="detail-sources">
            {place.sources.map((s) => {
              const url = s.url ? webUrl(s.url) : null;
              return (
                <li key={s.id + (s.ref ?? '')}>
                  {s.date ? t.sourceDated(formatDate(s.date, lang)) : t.sourceUndated}
                  {url ? (
                    <a href={url.href} rel="noopener noreferrer">
                      {s.nom}
                    </a>
                  ) : (
                    s.nom
                  )}
                  {s.licence && t.licence(s.licence)}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {place.date_maj && <p className="detail-updated">{t.updatedOn(formatDate(place.date_maj, lang))}</p>}
      <FreshnessNote verifieLe={place.verifie_le} dateMaj={place.date_maj} />
      <ReportForm key={place.id} placeId={place.id} />
    </div>
  );
}
