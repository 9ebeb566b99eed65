import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { apiRequest, apiUrl } from '../../lib/api';
import type { Motif } from '@reperes/api/contract/coordination.ts';
import { reportMessages } from './messages';
import './reports.css';

const MOTIFS: Motif[] = ['ferme-definitivement', 'horaires', 'telephone', 'adresse', 'services', 'autre'];

/**
 * Sent without cookies: a report is anonymous, and a coordinator signed in on the same browser
 * must not turn it into a session write (which would need the CSRF token).
 */
async function sendReport(id: string, body: { motif: Motif; commentaire?: string; site_web_confirmation: string }, lang: string) {
  await apiRequest<unknown>(apiUrl(`api/lieux/${encodeURIComponent(id)}/signalements`, { lang }), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'omit',
  });
}

/** "Signaler une erreur": a button that opens a short form, then a thank-you. */
export function ReportForm({ placeId }: { placeId: string }) {
  const { t, lang } = useI18n();
  const m = reportMessages[lang];
  const [open, setOpen] = useState(false);
  const [motif, setMotif] = useState<Motif | null>(null);
  const [comment, setComment] = useState('');
  const [trap, setTrap] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) titleRef.current?.focus();
    else if (wasOpen.current && !sent) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open, sent]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useEffect(() => {
    if (sent) thanksRef.current?.focus();
  }, [sent]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!motif) {
      setError(m.motifRequired);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await sendReport(placeId, { motif, ...(comment.trim() ? { commentaire: comment.trim() } : {}), site_web_confirmation: trap }, lang);
      setSent(true);
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (sent)
    return (
      <p ref={thanksRef} className="report-thanks" role="status" tabIndex={-1}>
        {m.thanks}
      </p>
    );
  if (!open)
    return (
      <button ref={buttonRef} type="button" className="button button-secondary report-open" aria-expanded="false" onClick={() => setOpen(true)}>
        {m.reportButton}
      </button>
    );
  return (
    <section className="report" aria-labelledby={formId + '-title'}>
      <h3 id={formId + '-title'} ref={titleRef} tabIndex={-1}>
        {m.reportTitle}
      </h3>
      <p>{m.reportIntro}</p>
      {error && (
        <p ref={errorRef} className="report-error" role="alert" tabIndex={-1}>
          <span className="sr-only">{m.errorPrefix} </span>
          {error}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset aria-invalid={error === m.motifRequired ? true : undefined}>
          <legend>{m.motifLegend}</legend>
          {MOTIFS.map((x) => (
            <label key={x} className="report-choice">
              <input type="radio" name={formId + '-motif'} value={x} checked={motif === x} onChange={() => setMotif(x)} />
              {m.motifs[x]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={formId + '-comment'}>{m.comment}</label>
        <p id={formId + '-hint'} className="report-hint">
          {m.commentHint}
        </p>
        <textarea
          id={formId + '-comment'}
          aria-describedby={formId + '-hint'}
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        {/* A robot filling every field fills this one too; people never see or reach it. */}
        <div className="report-trap" aria-hidden="true">
          <label htmlFor={formId + '-trap'}>{m.trapLabel}</label>
          <input id={formId + '-trap'} name="site_web_confirmation" tabIndex={-1} autoComplete="off" value={trap} onChange={(e) => setTrap(e.target.value)} />
        </div>
        <div className="report-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? m.sending : m.send}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            {m.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
