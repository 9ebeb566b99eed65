import type { OpenFilter } from '../../lib/api';
import { useHelpMessages } from './messages';
import './help-near-me.css';

interface Props {
  value: OpenFilter | null;
  onChange: (value: OpenFilter | null) => void;
}

/**
 * Radio buttons rather than two checkboxes: the API filters on one opening condition at a time,
 * and "now" and "on Saturdays" ticked together would have no clear meaning.
 */
export function OpeningFilter({ value, onChange }: Props) {
  const m = useHelpMessages();
  const choices: [OpenFilter | null, string][] = [
    [null, m.openAny],
    ['maintenant', m.openNow],
    ['samedi', m.openSaturday],
  ];
  return (
    <fieldset className="filters-group opening-filter">
      <legend>{m.openingLegend}</legend>
      <ul className="checkboxes">
        {choices.map(([v, label]) => (
          <li key={label}>
            <label className="checkbox">
              <input type="radio" name="ouvert" value={v ?? ''} checked={value === v} onChange={() => onChange(v)} />
              <span>{label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
