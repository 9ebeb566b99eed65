import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { libelle, useI18n } from '../../i18n';
import type { EntreeVocabulaire, LieuDetail, Vocabulaire } from '../../lib/api';
import { dateLisible, lienTelephone, lienWeb, texteLienWeb } from '../../lib/format';
import { lieuQueryOptions } from '../../lib/queries';

const ID_TITRE_FICHE = 'fiche-titre';

interface Props {
  id: string;
  /** Shown as the heading while the details load: the list or the map already knew it. */
  nomConnu: string | null;
  vocabulaire: Vocabulaire | undefined;
  onFermer: () => void;
}

export function PlaceDetail({ id, nomConnu, vocabulaire, onFermer }: Props) {
  const { t, lang } = useI18n();
  const requete = useQuery(lieuQueryOptions(id, lang));
  const titre = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    titre.current?.focus();
  }, [id]);

  const surTouche = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onFermer();
  };

  const lieu = requete.data;
  return (
    <section className="zone-fiche" aria-labelledby={ID_TITRE_FICHE} onKeyDown={surTouche}>
      <div className="fiche-entete">
        <h2 id={ID_TITRE_FICHE} ref={titre} tabIndex={-1}>
          {lieu?.nom ?? nomConnu ?? (requete.isError ? t.ficheIndisponible : t.ficheChargement)}
        </h2>
        <button type="button" className="bouton bouton-secondaire" onClick={onFermer}>
          {t.fermer}
        </button>
      </div>
      {requete.isPending && <p role="status">{t.ficheChargement}</p>}
      {requete.isError && <ErrorAlert erreur={requete.error} onReessayer={() => void requete.refetch()} />}
      {lieu && <Contenu lieu={lieu} vocabulaire={vocabulaire} />}
    </section>
  );
}

function Contenu({ lieu, vocabulaire }: { lieu: LieuDetail; vocabulaire: Vocabulaire | undefined }) {
  const { t, lang } = useI18n();
  const choisis = (entrees: EntreeVocabulaire[] | undefined, ids: string[]) =>
    (entrees ?? []).filter((e) => ids.includes(e.id)).map((e) => libelle(e, lang));

  const types = choisis(vocabulaire?.types, lieu.types);
  const services = [
    { titre: t.axeNumerique, libelles: choisis(vocabulaire?.numerique, lieu.services) },
    { titre: t.axeDemarches, libelles: choisis(vocabulaire?.demarches, lieu.services) },
  ].filter((g) => g.libelles.length > 0);
  const tel = lieu.telephone ? lienTelephone(lieu.telephone) : null;
  const site = lieu.site_web ? lienWeb(lieu.site_web) : null;
  const ville = [lieu.code_postal, lieu.commune].filter(Boolean).join(' ');

  return (
    <div className="fiche-contenu">
      {types.length > 0 && <p className="fiche-types">{types.join(' · ')}</p>}

      <h3>{t.adresse}</h3>
      <p className="fiche-adresse">
        {[lieu.adresse, lieu.complement_adresse, ville].filter(Boolean).map((ligne) => (
          <span key={ligne}>{ligne}</span>
        ))}
      </p>
      {lieu.precision === 'commune' && <p className="fiche-approx">{t.positionApproximativeCommune}</p>}

      <h3>{t.horaires}</h3>
      {lieu.horaires.texte ? (
        <p className="fiche-horaires">{lieu.horaires.texte}</p>
      ) : (
        <p>{t.horairesInconnus}</p>
      )}

      {(tel || lieu.courriel || site) && (
        <>
          <h3>{t.contact}</h3>
          <dl className="fiche-contact">
            {tel && (
              <div>
                <dt>{t.telephone}</dt>
                <dd>
                  <a href={tel}>{lieu.telephone}</a>
                </dd>
              </div>
            )}
            {lieu.courriel && (
              <div>
                <dt>{t.courriel}</dt>
                <dd>
                  <a href={'mailto:' + lieu.courriel}>{lieu.courriel}</a>
                </dd>
              </div>
            )}
            {site && (
              <div>
                <dt>{t.siteWeb}</dt>
                <dd>
                  <a href={site.href} rel="noopener noreferrer">
                    {texteLienWeb(site)}
                  </a>
                </dd>
              </div>
            )}
          </dl>
        </>
      )}

      {services.length > 0 && (
        <>
          <h3>{t.servicesProposes}</h3>
          {services.map((g) => (
            <div key={g.titre} className="fiche-services">
              <h4>{g.titre}</h4>
              <ul>
                {g.libelles.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}

      {lieu.labels.length > 0 && (
        <>
          <h3>{t.labels}</h3>
          <ul className="fiche-labels">
            {lieu.labels.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </>
      )}

      {lieu.sources.length > 0 && (
        <>
          <h3>{t.sources}</h3>
          <ul className="fiche-sources">
            {lieu.sources.map((s) => {
              const url = s.url ? lienWeb(s.url) : null;
              return (
                <li key={s.id + (s.ref ?? '')}>
                  {s.date ? t.sourceDatee(dateLisible(s.date, lang)) : t.sourceSansDate}
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
      {lieu.date_maj && <p className="fiche-maj">{t.miseAJour(dateLisible(lieu.date_maj, lang))}</p>}
    </div>
  );
}
