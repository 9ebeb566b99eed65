import { labelOf, useI18n } from '../../i18n';
import type { DayHours, Place, Vocabulary, VocabularyEntry } from '../../lib/api';
import { formatDate, phoneHref, webUrl, webUrlText } from '../../lib/format';
import { dayHoursText } from '../../lib/hours-wording';
import { useHelpMessages } from '../help-near-me/messages';
import { OpeningStatus } from '../help-near-me/OpeningStatus';
import { AddToSheetButton } from '../orientation-sheet/AddToSheetButton';
import { FreshnessNote } from '../reports/FreshnessNote';
import { ReportForm } from '../reports/ReportForm';

type Props = {
  place: Place;
  vocabulary: Vocabulary | undefined;
  /** The level of the section headings: 2 on the place's own page, 3 in the map's side panel. */
  level: 2 | 3;
  /** The page has room for what each service means; the side panel lists their names. */
  withDescriptions?: boolean;
  /** Placed under the opening status: the side panel's link to the full page. */
  children?: React.ReactNode;
};

/**
 * A place as the public reads it, the one drawing of it: the map's side panel and the place's
 * own page (/lieux/:id) both show this. Hours come from the API's week when it could read them
 * (never the raw OSM syntax), else the source's text, else "unknown".
 */
export function PlaceFacts({ place, vocabulary, level, withDescriptions = false, children }: Props) {
  const { t, lang } = useI18n();
  const m = useHelpMessages();
  const H = `h${level}` as const;
  const Sub = `h${level + 1}` as 'h3' | 'h4';
  const entries = (list: VocabularyEntry[] | undefined, ids: string[]) => (list ?? []).filter((e) => ids.includes(e.id));
  const types = entries(vocabulary?.types, place.types).map((e) => labelOf(e, lang));
  const services = [
    { title: t.axisNumerique, entries: entries(vocabulary?.numerique, place.services) },
    { title: t.axisDemarches, entries: entries(vocabulary?.demarches, place.services) },
  ].filter((g) => g.entries.length > 0);
  const tel = place.telephone ? phoneHref(place.telephone) : null;
  const site = place.site_web ? webUrl(place.site_web) : null;
  const town = [place.code_postal, place.commune].filter(Boolean).join(' ');
  const address = [place.adresse, place.complement_adresse, town].filter(Boolean);
  const geo = `geo:${place.latitude},${place.longitude}?q=${place.latitude},${place.longitude}(${encodeURIComponent(place.nom)})`;

  const formerName = typeof place.details.ancien_nom === 'string' ? place.details.ancien_nom : null;

  return (
    <div className="detail-content">
      {formerName && <p className="detail-former-name">{m.formerName(formerName)}</p>}
      {types.length > 0 && <p className="detail-types">{types.join(' · ')}</p>}
      <p className="detail-opening">
        <strong>{m.openingNow}</strong> <OpeningStatus ouverture={place.ouverture} />
      </p>
      <AddToSheetButton id={place.id} className="detail-add-to-sheet" />
      {children}

      <H>{t.openingHours}</H>
      {place.horaires.semaine ? (
        <WeekTable days={place.horaires.semaine} />
      ) : place.horaires.texte ? (
        <p className="detail-hours">{place.horaires.texte}</p>
      ) : (
        <p>{t.openingHoursUnknown}</p>
      )}

      <H>{m.gettingThere}</H>
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

      {(tel || place.courriel || site) && (
        <>
          <H>{t.contact}</H>
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
          <H>{m.whatTheyOffer}</H>
          {services.map((g) => (
            <div key={g.title} className="detail-services">
              <Sub>{g.title}</Sub>
              <ul className={withDescriptions ? 'place-offers' : undefined}>
                {g.entries.map((e) => (
                  <li key={e.id}>
                    {withDescriptions ? <strong>{labelOf(e, lang)}</strong> : labelOf(e, lang)}
                    {/* Descriptions exist in French only: marked so that a screen reader reads them as French. */}
                    {withDescriptions && e.description && <span lang={lang === 'en' ? 'fr' : undefined}>{e.description}</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}

      {place.labels.length > 0 && (
        <>
          <H>{t.labels}</H>
          <ul className="detail-labels">
            {place.labels.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      )}

      {place.sources.length > 0 && (
        <>
          <H>{t.sources}</H>
          <ul className="detail-sources">
            {place.sources.map((s) => {
              const url = s.url ? webUrl(s.url) : null;
              return (
                <li key={s.id + s.ref}>
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

function WeekTable({ days }: { days: DayHours[] }) {
  const { lang } = useI18n();
  const m = useHelpMessages();
  const dayName = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(iso + 'T12:00:00Z'),
    );
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
            <td>{dayHoursText(d, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
