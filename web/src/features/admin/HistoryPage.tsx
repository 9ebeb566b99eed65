import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Link } from '../../router';
import type { HistoryEntry } from './admin-api';
import { ConfirmButton } from './form';
import { useAdminMessages, type AdminMessages } from './messages';
import { useCoordinatedPlace } from './PlaceEditPage';
import { PageTitle, useAdminApi } from './session';

const dateTime = (iso: string, lang: 'fr' | 'en') =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

function valueText(v: unknown, m: AdminMessages): string {
  if (v === null || v === undefined || v === '') return m.empty;
  if (Array.isArray(v)) return v.length ? v.join(', ') : m.empty;
  if (typeof v === 'object') {
    // Opening hours come as { osm, texte }.
    const parts = Object.values(v as Record<string, unknown>).filter((x) => x !== null && x !== '');
    return parts.length ? parts.map(String).join(' — ') : m.empty;
  }
  return String(v);
}

export function HistoryPage({ id }: { id: string }) {
  const { m, lang } = useAdminMessages();
  const api = useAdminApi();
  const place = useCoordinatedPlace(id);
  const history = useQuery({
    queryKey: ['admin', 'historique', id, lang],
    queryFn: ({ signal }) => api.get<{ items: HistoryEntry[] }>(`api/lieux/${encodeURIComponent(id)}/historique`, signal),
  });
  const [announce, setAnnounce] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const title = place.data ? m.historyTitle(place.data.nom) : m.loading;

  const restore = async (version: number) => {
    setFailure(null);
    try {
      await api.send('POST', `api/lieux/${encodeURIComponent(id)}/restaurer`, { version });
      setAnnounce(m.restored(version));
      await api.refresh();
    } catch (e) {
      setFailure(e);
    }
  };

  const label = (field: string) => (field in m.field ? m.field[field as keyof AdminMessages['field']] : field);
  const current = place.data?.version;
  const oldest = history.data?.items.at(-1);
  // A check keeps its version; every other entry made a new one from the version before it.
  const before = oldest?.version && oldest.action !== 'creation' ? oldest.version - (oldest.action === 'verification' ? 0 : 1) : 0;
  const initialVersion = before >= 1 && before !== oldest?.version ? before : null;
  // Several entries (checks) can share a version: one button per version, on its newest entry.
  const offered = new Set<number>([current ?? 0]);
  const offers = (version: number | null): version is number => version !== null && !offered.has(version) && !!offered.add(version);
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link href={`/admin/lieux/${encodeURIComponent(id)}`}>{m.backToEdit}</Link>
      </p>
      <p className="status" role="status">
        {announce}
      </p>
      {failure !== null && <ErrorAlert error={failure} />}
      {history.isPending && <p>{m.loading}</p>}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data?.items.length === 0 && <p>{m.historyEmpty}</p>}
      <ol className="history">
        {history.data?.items.map((entry) => {
          const fields = [...new Set([...Object.keys(entry.avant ?? {}), ...Object.keys(entry.apres ?? {})])];
          return (
            <li key={entry.id} className="history-entry">
              <h2>
                {m.historyAction[entry.action] ?? entry.action}
                {entry.version !== null && ` · ${m.historyVersion(entry.version)}`}
              </h2>
              <p className="admin-list-meta">{m.historyBy(entry.auteur ?? m.unknownAuthor, dateTime(entry.le, lang))}</p>
              {entry.commentaire && (
                <p>
                  <strong>{m.historyComment}</strong> {entry.commentaire}
                </p>
              )}
              {fields.length > 0 && (
                <dl className="history-changes">
                  {fields.map((f) => (
                    <div key={f}>
                      <dt>{label(f)}</dt>
                      <dd>
                        <span className="history-before">
                          <span className="sr-only">{m.historyBefore} </span>
                          <del>{valueText(entry.avant?.[f], m)}</del>
                        </span>
                        <span aria-hidden="true"> → </span>
                        <span className="history-after">
                          <span className="sr-only">{m.historyAfter} </span>
                          <ins>{valueText(entry.apres?.[f], m)}</ins>
                        </span>
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              {offers(entry.version) && (
                <ConfirmButton
                  label={m.restoreVersionN(entry.version)}
                  question={m.restoreConfirm(entry.version)}
                  onConfirm={() => void restore(entry.version!)}
                />
              )}
            </li>
          );
        })}
        {initialVersion !== null && (
          // The import writes no entry per place: the state before the first change is still a version.
          <li className="history-entry">
            <h2>{m.historyVersion(initialVersion)}</h2>
            <p>{m.historyInitial}</p>
            <ConfirmButton
              label={m.restoreVersionN(initialVersion)}
              question={m.restoreConfirm(initialVersion)}
              onConfirm={() => void restore(initialVersion)}
            />
          </li>
        )}
      </ol>
    </>
  );
}
