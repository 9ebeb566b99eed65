import { labelOf, useI18n } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { Filters, Vocabulary, VocabularyEntry } from '../../lib/api';
import { toggleId } from './toggle';

interface Props {
  vocabulary: Vocabulary;
  filters: Filters;
  onChange: (filters: Filters) => void;
  onReset: () => void;
}

/**
 * A plain form: each tick applies at once (no submit button to find), focus stays on the box,
 * and the list heading's live region says how many places remain.
 */
export function FilterForm({ vocabulary, filters, onChange, onReset }: Props) {
  const { t } = useI18n();
  return (
    <form className="filters-form" onSubmit={(e) => e.preventDefault()}>
      <p className="filters-help">{t.filtersHelp}</p>
      <CheckboxGroup
        axis="numerique"
        legend={t.axisNumerique}
        entries={vocabulary.numerique}
        checked={filters.services}
        onToggle={(id) => onChange({ ...filters, services: toggleId(filters.services, id) })}
      />
      <CheckboxGroup
        axis="demarches"
        legend={t.axisDemarches}
        entries={vocabulary.demarches}
        checked={filters.services}
        onToggle={(id) => onChange({ ...filters, services: toggleId(filters.services, id) })}
      />
      <CheckboxGroup
        axis="types"
        legend={t.axisTypes}
        entries={vocabulary.types}
        checked={filters.types}
        onToggle={(id) => onChange({ ...filters, types: toggleId(filters.types, id) })}
      />
      <CheckboxGroup
        axis="labels"
        legend={t.axisLabels}
        entries={vocabulary.labels}
        checked={filters.labels}
        onToggle={(id) => onChange({ ...filters, labels: toggleId(filters.labels, id) })}
      />
      <button type="button" className="button button-secondary" onClick={onReset}>
        {t.resetFilters}
      </button>
    </form>
  );
}

interface CheckboxGroupProps {
  axis: string;
  legend: string;
  entries: VocabularyEntry[];
  checked: readonly string[];
  onToggle: (id: string) => void;
}

function CheckboxGroup({ axis, legend, entries, checked, onToggle }: CheckboxGroupProps) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return null;
  return (
    <fieldset className="filters-group">
      <legend>{legend}</legend>
      <ul className="checkboxes">
        {entries.map((entry) => (
          // The whole row is the label, so the target is the full width and at least 44 px tall.
          <li key={entry.id}>
            <label className={entry.count === 0 ? 'checkbox checkbox-empty' : 'checkbox'}>
              <input
                type="checkbox"
                name={axis}
                value={entry.id}
                checked={checked.includes(entry.id)}
                onChange={() => onToggle(entry.id)}
              />
              <span>
                {labelOf(entry, lang)}
                <span className="count">
                  <span aria-hidden="true"> ({formatNumber(entry.count, lang)})</span>
                  <span className="sr-only">, {t.placeCount(entry.count)}</span>
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
