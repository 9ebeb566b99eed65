import { useEffect, useRef } from 'react';
import { useI18n, type Messages } from '../i18n';
import { ApiError, INVALID_RESPONSE_CODE, NETWORK_ERROR_CODE } from '../lib/api';

export function errorMessage(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR_CODE) return t.networkError;
    if (error.code !== INVALID_RESPONSE_CODE && error.message) return error.message;
  }
  return t.unexpectedError;
}

interface Props {
  error: unknown;
  onRetry?: () => void;
  /** Secondary alerts (shown next to one that already took focus) only speak. */
  takeFocus?: boolean;
}

/** A 4xx (unknown place, unknown filter) will not change by asking again. */
const isPermanentFailure = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

/**
 * Takes focus when it appears so that keyboard and screen reader users land on the problem
 * and its "Réessayer" button rather than on a list that silently stopped updating.
 */
export function ErrorAlert({ error, onRetry, takeFocus = true }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [error, takeFocus]);
  return (
    <div ref={ref} className="alert" role="alert" tabIndex={-1}>
      <p className="alert-title">{t.errorTitle}</p>
      <p>{errorMessage(error, t)}</p>
      {onRetry && !isPermanentFailure(error) && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
