import { libelle, useI18n } from '../../i18n';
import { nombre } from '../../lib/format';
import type { EntreeVocabulaire, Filtres, Vocabulaire } from '../../lib/api';
import { basculer } from './selection';

interface Props {
  vocabulaire: Vocabulaire;
  filtres: Filtres;
  onChange: (filtres: Filtres) => void;
  onReinitialiser: () => void;
}

/**
 * A plain form: each tick applies at once (no submit button to find), focus stays on the box,
 * and the list heading's live region says how many places remain.
 */
export function FilterForm({ vocabulaire, filtres, onChange, onReinitialiser }: Props) {
  const { t } = useI18n();
  return (
    <form className="filtres-form" onSubmit={(e) => e.preventDefault()}>
      <p className="filtres-aide">{t.filtresAide}</p>
      <Groupe
        axe="numerique"
        legende={t.axeNumerique}
        entrees={vocabulaire.numerique}
        coches={filtres.services}
        onBasculer={(v) => onChange({ ...filtres, services: basculer(filtres.services, v) })}
      />
      <Groupe
        axe="demarches"
        legende={t.axeDemarches}
        entrees={vocabulaire.demarches}
        coches={filtres.services}
        onBasculer={(v) => onChange({ ...filtres, services: basculer(filtres.services, v) })}
      />
      <Groupe
        axe="types"
        legende={t.axeTypes}
        entrees={vocabulaire.types}
        coches={filtres.types}
        onBasculer={(v) => onChange({ ...filtres, types: basculer(filtres.types, v) })}
      />
      <button type="button" className="bouton bouton-secondaire" onClick={onReinitialiser}>
        {t.reinitialiserFiltres}
      </button>
    </form>
  );
}

interface GroupeProps {
  axe: string;
  legende: string;
  entrees: EntreeVocabulaire[];
  coches: readonly string[];
  onBasculer: (id: string) => void;
}

function Groupe({ axe, legende, entrees, coches, onBasculer }: GroupeProps) {
  const { t, lang } = useI18n();
  if (entrees.length === 0) return null;
  return (
    <fieldset className="filtres-groupe">
      <legend>{legende}</legend>
      <ul className="cases">
        {entrees.map((entree) => (
          // The whole row is the label, so the target is the full width and at least 44 px tall.
          <li key={entree.id}>
            <label className={entree.count === 0 ? 'case case-vide' : 'case'}>
              <input
                type="checkbox"
                name={axe}
                value={entree.id}
                checked={coches.includes(entree.id)}
                onChange={() => onBasculer(entree.id)}
              />
              <span>
                {libelle(entree, lang)}
                <span className="compte">
                  <span aria-hidden="true"> ({nombre(entree.count, lang)})</span>
                  <span className="sr-only">, {t.nombreDeLieux(entree.count)}</span>
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
