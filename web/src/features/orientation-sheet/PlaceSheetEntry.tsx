import { lazy, Suspense } from 'react';
import { labelOf, type Lang } from '../../i18n';
import type { Place, Vocabulary } from '../../lib/api';
import { formatDate, phoneHref } from '../../lib/format';
import { describeWeek } from './hours';
import type { SheetMessages } from './messages';

// MapLibre is heavy: the sheet's text never waits for it.
const LocatorMap = lazy(() => import('./LocatorMap'));

interface Props {
  place: Place;
  vocabulary: Vocabulary | undefined;
  lang: Lang;
  m: SheetMessages;
}

/** One place as printed: everything needed to get there, in the sheet's language. */
export function PlaceSheetEntry({ place, vocabulary, lang, m }: Props) {
  const town = [place.code_postal, place.commune].filter(Boolean).join(' ');
  const address = [place.adresse, place.complement_adresse, town].filter(Boolean);
  const services = [...(vocabulary?.numerique ?? []), ...(vocabulary?.demarches ?? [])]
    .filter((e) => place.services.includes(e.id))
    .map((e) => labelOf(e, lang));
  const week = place.horaires.semaine;
  const tel = place.telephone ? phoneHref(place.telephone) : null;

  return (
    <article className="sheet-place" data-place-id={place.id}>
      <h3>{place.nom}</h3>
      <div className="sheet-place-body">
        <div className="sheet-place-text">
          <h4>{m.address}</h4>
          <p className="sheet-address">
            {address.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </p>
          {place.precision === 'commune' && <p className="sheet-approx">{m.approximate}</p>}
          {place.telephone && (
            <p>
              <strong>{m.phone} : </strong>
              {tel ? <a href={tel}>{place.telephone}</a> : place.telephone}
            </p>
          )}
          <h4>{m.hours}</h4>
          {week && week.length > 0 ? (
            <dl className="sheet-hours">
              {describeWeek(week, lang).map((d) => (
                <div key={d.day}>
                  <dt>{d.day}</dt>
                  <dd>{d.hours}</dd>
                </div>
              ))}
            </dl>
          ) : place.horaires.texte ? (
            <p className="sheet-hours-text">{place.horaires.texte}</p>
          ) : (
            <p>{m.hoursUnknown}</p>
          )}
          {services.length > 0 && (
            <>
              <h4>{m.services}</h4>
              <ul className="sheet-services">
                {services.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          )}
          {place.date_maj && <p className="sheet-date">{m.informationOf(formatDate(place.date_maj, lang))}</p>}
        </div>
        <Suspense fallback={null}>
          <LocatorMap
            longitude={place.longitude}
            latitude={place.latitude}
            approximate={place.precision === 'commune'}
            alt={m.mapAlt(place.nom, place.commune ?? '')}
          />
        </Suspense>
      </div>
    </article>
  );
}
