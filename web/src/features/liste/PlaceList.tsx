import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { libelle, useI18n } from '../../i18n';
import type { Filtres, LieuResume, Vocabulaire } from '../../lib/api';
import type { BBox } from '../../lib/geo';
import { lieuxQueryOptions } from '../../lib/queries';
import { ResultCount } from './ResultCount';

export const ID_TITRE_LISTE = 'liste-titre';

interface Props {
  /** Covered by the place panel: out of the tab order so that focus never lands out of sight. */
  masquee: boolean;
  zone: BBox;
  filtres: Filtres;
  vocabulaire: Vocabulaire | undefined;
  lieuSelectionne: string | null;
  onOuvrir: (lieu: LieuResume) => void;
  /** Called once the first answer (or error) is in, so that heavier work can start after it. */
  onPremiereReponse: () => void;
}

export function PlaceList({ masquee, zone, filtres, vocabulaire, lieuSelectionne, onOuvrir, onPremiereReponse }: Props) {
  const { t, lang } = useI18n();
  const requete = useInfiniteQuery(lieuxQueryOptions(zone, filtres, lang));
  const liste = useRef<HTMLOListElement>(null);
  const focaliserIndex = useRef<number | null>(null);

  const lieux = useMemo(() => requete.data?.pages.flatMap((p) => p.items) ?? [], [requete.data]);
  const total = requete.data?.pages[0]?.total;

  const typesParId = useMemo(
    () => new Map(vocabulaire?.types.map((v) => [v.id, libelle(v, lang)]) ?? []),
    [vocabulaire, lang],
  );

  useEffect(() => {
    if (requete.status !== 'pending') onPremiereReponse();
  }, [requete.status, onPremiereReponse]);

  // After "Afficher plus", focus goes to the first new place so the keyboard user carries on
  // reading where they were instead of being sent back to the button.
  useEffect(() => {
    const index = focaliserIndex.current;
    if (index === null || lieux.length <= index) return;
    focaliserIndex.current = null;
    liste.current?.querySelectorAll<HTMLButtonElement>('button.lieu')[index]?.focus();
  }, [lieux.length]);

  // The button is not disabled while loading: a disabled button drops the keyboard focus.
  const afficherPlus = () => {
    if (requete.isFetchingNextPage) return;
    focaliserIndex.current = lieux.length;
    void requete.fetchNextPage();
  };

  return (
    <section id="liste" className="zone-liste" aria-labelledby={ID_TITRE_LISTE} inert={masquee}>
      <ResultCount id={ID_TITRE_LISTE} total={total} indisponible={requete.isError} />
      {requete.isError && <ErrorAlert erreur={requete.error} onReessayer={() => void requete.refetch()} />}
      {total !== undefined && total > lieux.length && (
        <p className="liste-aide">{t.lieuxAffiches(lieux.length, total)}</p>
      )}
      {total === 0 && <p className="liste-aide">{t.aucunLieuConseil}</p>}
      {requete.isPlaceholderData && (
        <p className="liste-maj" aria-hidden="true">
          {t.listeMiseAJour}
        </p>
      )}
      {lieux.length > 0 && (
        <ol ref={liste} id="liste-lieux" className="lieux">
          {lieux.map((lieu) => (
            <li key={lieu.id}>
              <button
                type="button"
                className="lieu"
                data-lieu-id={lieu.id}
                aria-current={lieu.id === lieuSelectionne ? 'true' : undefined}
                onClick={() => onOuvrir(lieu)}
              >
                <span className="lieu-nom">{lieu.nom}</span>
                {lieu.types.length > 0 && typesParId.size > 0 && (
                  <span className="lieu-types">
                    <span className="sr-only">, </span>
                    {lieu.types.map((id) => typesParId.get(id)).filter(Boolean).join(' · ')}
                  </span>
                )}
                <span className="lieu-commune">
                  <span className="sr-only">, </span>
                  {[lieu.code_postal, lieu.commune].filter(Boolean).join(' ')}
                  {lieu.precision === 'commune' && (
                    <span className="lieu-approx">
                      {' — '}
                      {t.positionApproximative}
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {requete.hasNextPage && (
        <button
          type="button"
          className="bouton bouton-secondaire afficher-plus"
          onClick={afficherPlus}
        >
          {requete.isFetchingNextPage ? t.listeMiseAJour : t.afficherPlus}
        </button>
      )}
    </section>
  );
}
