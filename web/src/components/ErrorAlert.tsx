import { useEffect, useRef } from 'react';
import { useI18n, type Messages } from '../i18n';
import { ApiError, CODE_RESEAU, CODE_REPONSE_INVALIDE } from '../lib/api';

export function messageErreur(erreur: unknown, t: Messages): string {
  if (erreur instanceof ApiError) {
    if (erreur.code === CODE_RESEAU) return t.erreurReseau;
    if (erreur.code !== CODE_REPONSE_INVALIDE && erreur.message) return erreur.message;
  }
  return t.erreurInattendue;
}

interface Props {
  erreur: unknown;
  onReessayer?: () => void;
  /** Secondary alerts (shown next to one that already took focus) only speak. */
  focaliser?: boolean;
}

/** A 4xx (unknown place, unknown filter) will not change by asking again. */
const refusDefinitif = (erreur: unknown) => erreur instanceof ApiError && erreur.status >= 400 && erreur.status < 500;

/**
 * Takes focus when it appears so that keyboard and screen reader users land on the problem
 * and its "Réessayer" button rather than on a list that silently stopped updating.
 */
export function ErrorAlert({ erreur, onReessayer, focaliser = true }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focaliser) ref.current?.focus();
  }, [erreur, focaliser]);
  return (
    <div ref={ref} className="alerte" role="alert" tabIndex={-1}>
      <p className="alerte-titre">{t.erreurTitre}</p>
      <p>{messageErreur(erreur, t)}</p>
      {onReessayer && !refusDefinitif(erreur) && (
        <button type="button" className="bouton bouton-secondaire" onClick={onReessayer}>
          {t.reessayer}
        </button>
      )}
    </div>
  );
}
