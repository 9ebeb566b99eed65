import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { Link } from '../../router';
import type { Freshness, FreshnessPlace, Tranche } from './admin-api';
import { useOpenReports } from './ReportsPage';
import { useAdminMessages } from './messages';
import { PageTitle, useAdminApi } from './session';

const TRANCHES = [
  { tranche: 'jamais', count: 'jamais' },
  { tranche: 'plus-12-mois', count: 'plus_12_mois' },
  { tranche: 'plus-6-mois', count: 'plus_6_mois' },
] as const satisfies { tranche: Tranche; count: string }[];

const LIST_SIZE = 20;

function useTranche(tranche: Tranche) {
  const api = useAdminApi();
  return useQuery({
    queryKey: ['admin', 'fraicheur', tranche, api.lang],
    queryFn: ({ signal }) => api.get<Freshness>(`api/coordination/fraicheur?tranche=${tranche}&limit=${LIST_SIZE}`, signal),
  });
}

export function Dashboard() {
  const { m } = useAdminMessages();
  const api = useAdminApi();
  const lists = [useTranche('jamais'), useTranche('plus-12-mois'), useTranche('plus-6-mois')];
  const reports = useOpenReports();
  const [announce, setAnnounce] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  const markChecked = async (place: FreshnessPlace) => {
    setFailure(null);
    try {
      await api.send('POST', `api/lieux/${encodeURIComponent(place.id)}/verification`, {});
      setAnnounce(m.checked(place.nom));
      await api.refresh();
    } catch (e) {
      setFailure(e);
    }
  };

  const first = lists[0]!;
  const counts = first.data?.par_departement ?? [];
  return (
    <>
      <PageTitle title={m.dashboardTitle}>{m.dashboardTitle}</PageTitle>
      {/* Always in the page, so that screen readers pick up each new message. */}
      <p className="status" role="status">
        {announce}
      </p>
      {failure !== null && <ErrorAlert error={failure} />}

      <section className="admin-card" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{m.navReports}</h2>
        {reports.isError && <ErrorAlert error={reports.error} takeFocus={false} />}
        {reports.data && <p>{m.openReports(reports.data.total)}</p>}
        <Link href="/admin/signalements">{m.seeReports}</Link>
      </section>

      <section aria-labelledby="freshness-heading">
        <h2 id="freshness-heading">{m.freshnessTitle}</h2>
        <p>{m.freshnessHelp}</p>
        {first.isPending && <p>{m.loading}</p>}
        {first.isError && <ErrorAlert error={first.error} onRetry={() => void first.refetch()} />}
        {counts.length > 0 && (
          <div className="table-scroll" role="region" aria-labelledby="counts-caption" tabIndex={0}>
            <table>
              <caption id="counts-caption">{m.countsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.territory}</th>
                  {TRANCHES.map((x) => (
                    <th key={x.tranche} scope="col">
                      {m.bucket[x.tranche]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {counts.map((row) => (
                  <tr key={row.departement ?? ''}>
                    <th scope="row">{row.departement ?? m.noneValue}</th>
                    {TRANCHES.map((x) => (
                      <td key={x.tranche}>{row[x.count] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {TRANCHES.map((x, i) => {
          const data = lists[i]!.data;
          return data ? (
            <BucketList key={x.tranche} title={m.bucket[x.tranche]} total={data.total} places={data.items} onChecked={(p) => void markChecked(p)} />
          ) : null;
        })}
      </section>
    </>
  );
}

function BucketList({ title, total, places, onChecked }: { title: string; total: number; places: FreshnessPlace[]; onChecked: (p: FreshnessPlace) => void }) {
  const { m, lang } = useAdminMessages();
  return (
    <>
      <h3>
        {title} ({total})
      </h3>
      {places.length === 0 ? (
        <p>{m.nothingToCheck}</p>
      ) : (
        <ul className="admin-list">
          {places.map((p) => (
            <li key={p.id}>
              <div>
                <p className="admin-list-name">{p.nom}</p>
                <p className="admin-list-meta">
                  {[p.commune, p.departement, p.verifie_le ? m.lastChecked(formatDate(p.verifie_le, lang)) : m.neverChecked]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
              <div className="actions">
                <button type="button" className="button" aria-label={m.stillAccurateFor(p.nom)} onClick={() => onChecked(p)}>
                  {m.stillAccurate}
                </button>
                <Link className="button button-secondary" href={`/admin/lieux/${encodeURIComponent(p.id)}`} aria-label={m.editFor(p.nom)}>
                  {m.edit}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
