import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n, type Messages } from '../../i18n';
import { MAINLAND_FRANCE, normalizeBbox, type BBox } from '../../lib/geo';
import { territoriesQueryOptions } from '../../lib/queries';

type Territory = keyof Messages['territories'];

// INSEE region codes of the DROM in territoires.json.
const REGION_CODES: Record<Exclude<Territory, 'mainland'>, string> = {
  guadeloupe: '01',
  martinique: '02',
  guyane: '03',
  reunion: '04',
  mayotte: '06',
};

const TERRITORIES: Territory[] = ['mainland', 'guadeloupe', 'martinique', 'guyane', 'reunion', 'mayotte'];

/**
 * A select plus a button rather than a select that jumps on change: moving through the options
 * with the keyboard must not move the map at every step.
 */
export function GoTo({ onGo }: { onGo: (zone: BBox) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [choice, setChoice] = useState<Territory>('mainland');
  const [error, setError] = useState<unknown>(null);

  const go = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (choice === 'mainland') return onGo(MAINLAND_FRANCE);
    try {
      const { regions } = await client.fetchQuery(territoriesQueryOptions());
      const bbox = normalizeBbox(regions.find((r) => r.code === REGION_CODES[choice])?.bbox ?? []);
      if (bbox) onGo(bbox);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form className="go-to" onSubmit={go}>
      <label htmlFor="go-to">{t.goTo}</label>
      <div className="go-to-fields">
        <select id="go-to" value={choice} onChange={(e) => setChoice(e.target.value as Territory)}>
          {TERRITORIES.map((code) => (
            <option key={code} value={code}>
              {t.territories[code]}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t.goToSubmit}
        </button>
      </div>
      {error !== null && <ErrorAlert error={error} />}
    </form>
  );
}
