import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import type { Filters, OpenFilter, Vocabulary } from '../../lib/api';
import { OpeningFilter } from '../help-near-me/OpeningFilter';
import { FilterForm } from './FilterForm';

export const FILTERS_TITLE_ID = 'filters-title';
const FILTERS_BODY_ID = 'filters-body';

interface Props {
  /** Covered by the place panel: out of the tab order so that focus never lands out of sight. */
  covered: boolean;
  vocabulary: UseQueryResult<Vocabulary>;
  filters: Filters;
  ouvert: OpenFilter | null;
  onOuvertChange: (ouvert: OpenFilter | null) => void;
  /** On wide screens the form is always shown and the toggle is hidden. */
  alwaysOpen: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onChange: (filters: Filters) => void;
  onReset: () => void;
}

export function FilterPanel({ covered, vocabulary, filters, ouvert, onOuvertChange, alwaysOpen, open, onOpenChange, onChange, onReset }: Props) {
  const { t } = useI18n();
  const visible = alwaysOpen || open;
  const activeCount = filters.services.length + filters.types.length + filters.labels.length + (ouvert ? 1 : 0);
  return (
    <section id="filters" className="filters-area" aria-labelledby={FILTERS_TITLE_ID} inert={covered}>
      <div className="filters-header">
        <h2 id={FILTERS_TITLE_ID} tabIndex={-1}>
          {t.filtersTitle}
          {activeCount > 0 && <span className="filters-active"> · {t.activeFilters(activeCount)}</span>}
        </h2>
        {!alwaysOpen && (
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={open}
            aria-controls={FILTERS_BODY_ID}
            onClick={() => onOpenChange(!open)}
          >
            {open ? t.hideFilters : t.showFilters}
          </button>
        )}
      </div>
      <div id={FILTERS_BODY_ID} hidden={!visible}>
        <OpeningFilter value={ouvert} onChange={onOuvertChange} />
        {visible && vocabulary.isError && (
          <>
            <ErrorAlert error={vocabulary.error} takeFocus={false} onRetry={() => void vocabulary.refetch()} />
            {/* A stale link can name a filter the API no longer knows: let the person get out. */}
            {activeCount > 0 && (
              <button type="button" className="button button-secondary" onClick={onReset}>
                {t.resetFilters}
              </button>
            )}
          </>
        )}
        {vocabulary.isPending && <p role="status">{t.filtersLoading}</p>}
        {vocabulary.data && (
          <FilterForm vocabulary={vocabulary.data} filters={filters} onChange={onChange} onReset={onReset} />
        )}
      </div>
    </section>
  );
}
