import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/format';
import { Link, navigate } from '../../router';
import { reportMessages } from '../reports/messages';
import type { CoordinatedPlace, Report } from './admin-api';
import { ErrorSummary, TextField, type FieldErrors } from './form';
import { useAdminMessages } from './messages';
import { PageTitle, useAdminApi } from './session';

export function useOpenReports() {
  const api = useAdminApi();
  return useQuery({
    queryKey: ['admin', 'signalements', 'ouvert', api.lang],
    queryFn: ({ signal }) => api.get<{ total: number; items: Report[] }>('api/signalements?statut=ouvert&limit=100', signal),
  });
}

export function ReportsPage() {
  const { m, lang } = useAdminMessages();
  const reports = useOpenReports();
  const motifs = reportMessages[lang].motifs;
  return (
    <>
      <PageTitle title={m.reportsTitle}>{m.reportsTitle}</PageTitle>
      <p>{m.reportsHelp}</p>
      {reports.isPending && <p>{m.loading}</p>}
      {reports.isError && <ErrorAlert error={reports.error} onRetry={() => void reports.refetch()} />}
      {reports.data && (
        <>
          <p>{m.openReports(reports.data.total)}</p>
          <ul className="admin-list">
            {reports.data.items.map((r) => (
              <li key={r.id}>
                <div>
                  <p className="admin-list-name">{r.lieu.nom}</p>
                  <p>{motifs[r.motif]}</p>
                  <p className="admin-list-meta">
                    {[r.lieu.commune, m.reportReceived(formatDate(r.cree_le, lang))].filter(Boolean).join(' · ')}
                  </p>
                </div>
                <div className="actions">
                  <Link className="button button-secondary" href={`/admin/signalements/${r.id}`} aria-label={m.reportOpenFor(r.lieu.nom)}>
                    {m.reportOpen}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function ReportPage({ id }: { id: string }) {
  const { m, lang } = useAdminMessages();
  const { t } = useI18n();
  const api = useAdminApi();
  const report = useQuery({
    queryKey: ['admin', 'signalement', id, lang],
    queryFn: ({ signal }) =>
      api.get<{ signalement: Report; lieu: CoordinatedPlace }>(`api/signalements/${encodeURIComponent(id)}`, signal),
  });
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const motifs = reportMessages[lang].motifs;

  const reject = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    if (!reason.trim()) {
      setErrors({ commentaire: m.rejectReasonRequired });
      return;
    }
    setErrors({});
    try {
      await api.send('POST', `api/signalements/${encodeURIComponent(id)}/resolution`, { action: 'rejete', commentaire: reason.trim() });
      await api.refresh();
      navigate('/admin/signalements');
    } catch (err) {
      setGeneral(errorMessage(err, t));
    }
  };

  const data = report.data;
  const title = data ? m.reportTitle(data.lieu.nom) : m.loading;
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href="/admin/signalements">{m.backToReports}</Link>
      </p>
      {report.isPending && <p>{m.loading}</p>}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {data && (
        <div className="report-layout">
          <section className="admin-card" aria-labelledby="report-heading">
            <h2 id="report-heading">{motifs[data.signalement.motif]}</h2>
            <p className="admin-list-meta">{m.reportReceived(formatDate(data.signalement.cree_le, lang))}</p>
            <h3>{m.reportComment}</h3>
            <p className="report-comment">{data.signalement.commentaire || m.reportNoComment}</p>
            <ErrorSummary errors={errors} general={general} />
            <div className="actions">
              <Link
                className="button"
                href={`/admin/lieux/${encodeURIComponent(data.lieu.id)}?signalement=${encodeURIComponent(id)}`}
              >
                {m.fix}
              </Link>
              {!rejecting && (
                <button type="button" className="button button-secondary" onClick={() => setRejecting(true)}>
                  {m.reject}
                </button>
              )}
            </div>
            {rejecting && (
              <form onSubmit={(e) => void reject(e)} noValidate>
                <TextField
                  name="commentaire"
                  label={m.rejectReason}
                  hint={m.rejectReasonHint}
                  value={reason}
                  onChange={setReason}
                  error={errors.commentaire}
                  required
                  multiline
                  // Choosing "Rejeter" opens this one field, which must be filled: focus goes where the work is.
                  // eslint-disable-next-line jsx-a11y/no-autofocus
                  autoFocus
                />
                <div className="actions">
                  <button type="submit" className="button">
                    {m.rejectSubmit}
                  </button>
                  <button type="button" className="button button-secondary" onClick={() => setRejecting(false)}>
                    {m.cancel}
                  </button>
                </div>
              </form>
            )}
          </section>
          <PlaceSummary place={data.lieu} />
        </div>
      )}
    </>
  );
}

/** The place as the public sees it today, beside the report. */
function PlaceSummary({ place }: { place: CoordinatedPlace }) {
  const { m } = useAdminMessages();
  const rows: [string, string | null][] = [
    [m.field.nom, place.nom],
    [m.fieldsAddress, [place.adresse, place.complement_adresse, [place.code_postal, place.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ')],
    [m.field.telephone, place.telephone],
    [m.field.courriel, place.courriel],
    [m.field.site_web, place.site_web],
    [m.fieldsHours, place.horaires_texte ?? place.horaires_osm],
  ];
  return (
    <section className="admin-card" aria-labelledby="report-place-heading">
      <h2 id="report-place-heading">{m.reportPlace}</h2>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || m.empty}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
