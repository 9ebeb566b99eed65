import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import type { Filtres, Vocabulaire } from '../../lib/api';
import { FilterForm } from './FilterForm';

export const ID_TITRE_FILTRES = 'filtres-titre';
const ID_FORMULAIRE = 'filtres-formulaire';

interface Props {
  /** Covered by the place panel: out of the tab order so that focus never lands out of sight. */
  masque: boolean;
  vocabulaire: UseQueryResult<Vocabulaire>;
  filtres: Filtres;
  /** On wide screens the form is always shown and the toggle is hidden. */
  toujoursOuvert: boolean;
  ouvert: boolean;
  onOuvrir: (ouvert: boolean) => void;
  onChange: (filtres: Filtres) => void;
  onReinitialiser: () => void;
}

export function FilterPanel({ masque, vocabulaire, filtres, toujoursOuvert, ouvert, onOuvrir, onChange, onReinitialiser }: Props) {
  const { t } = useI18n();
  const visible = toujoursOuvert || ouvert;
  const actifs = filtres.services.length + filtres.types.length;
  return (
    <section id="filtres" className="zone-filtres" aria-labelledby={ID_TITRE_FILTRES} inert={masque}>
      <div className="filtres-entete">
        <h2 id={ID_TITRE_FILTRES} tabIndex={-1}>
          {t.filtresTitre}
          {actifs > 0 && <span className="filtres-actifs"> · {t.filtresActifs(actifs)}</span>}
        </h2>
        {!toujoursOuvert && (
          <button
            type="button"
            className="bouton bouton-secondaire"
            aria-expanded={ouvert}
            aria-controls={ID_FORMULAIRE}
            onClick={() => onOuvrir(!ouvert)}
          >
            {ouvert ? t.filtresMasquer : t.filtresAfficher}
          </button>
        )}
      </div>
      <div id={ID_FORMULAIRE} hidden={!visible}>
        {visible && vocabulaire.isError && (
          <>
            <ErrorAlert
              erreur={vocabulaire.error}
              focaliser={false}
              onReessayer={() => void vocabulaire.refetch()}
            />
            {/* A stale link can name a filter the API no longer knows: let the person get out. */}
            {actifs > 0 && (
              <button type="button" className="bouton bouton-secondaire" onClick={onReinitialiser}>
                {t.reinitialiserFiltres}
              </button>
            )}
          </>
        )}
        {vocabulaire.isPending && <p role="status">{t.filtresChargement}</p>}
        {vocabulaire.data && (
          <FilterForm
            vocabulaire={vocabulaire.data}
            filtres={filtres}
            onChange={onChange}
            onReinitialiser={onReinitialiser}
          />
        )}
      </div>
    </section>
  );
}
