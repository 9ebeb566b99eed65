import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type Messages } from '../../i18n';
import { METROPOLE, normaliserBbox, type BBox } from '../../lib/geo';
import { territoiresQueryOptions } from '../../lib/queries';

type Territoire = keyof Messages['territoires'];

// INSEE région codes of the DROM in territoires.json.
const CODES_REGION: Record<Exclude<Territoire, 'metropole'>, string> = {
  guadeloupe: '01',
  martinique: '02',
  guyane: '03',
  reunion: '04',
  mayotte: '06',
};

const TERRITOIRES: Territoire[] = ['metropole', 'guadeloupe', 'martinique', 'guyane', 'reunion', 'mayotte'];

/**
 * A select plus a button rather than a select that jumps on change: moving through the options
 * with the keyboard must not move the map at every step.
 */
export function GoTo({ onAller }: { onAller: (zone: BBox) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [choix, setChoix] = useState<Territoire>('metropole');
  const [erreur, setErreur] = useState<unknown>(null);

  const aller = async (e: FormEvent) => {
    e.preventDefault();
    setErreur(null);
    if (choix === 'metropole') return onAller(METROPOLE);
    try {
      const { regions } = await client.fetchQuery(territoiresQueryOptions());
      const bbox = normaliserBbox(regions.find((r) => r.code === CODES_REGION[choix])?.bbox ?? []);
      if (bbox) onAller(bbox);
    } catch (err) {
      setErreur(err);
    }
  };

  return (
    <form className="aller-a" onSubmit={aller}>
      <label htmlFor="aller-a">{t.allerA}</label>
      <div className="aller-a-champs">
        <select id="aller-a" value={choix} onChange={(e) => setChoix(e.target.value as Territoire)}>
          {TERRITOIRES.map((code) => (
            <option key={code} value={code}>
              {t.territoires[code]}
            </option>
          ))}
        </select>
        <button type="submit" className="bouton">
          {t.allerAValider}
        </button>
      </div>
      {erreur !== null && <ErrorAlert erreur={erreur} />}
    </form>
  );
}
