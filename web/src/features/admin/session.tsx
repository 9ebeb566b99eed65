import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { Lang } from '../../i18n/lang';
import { adminRequest, fetchSession, type Session } from './admin-api';
import { useAdminMessages } from './messages';

export const sessionQueryOptions = (lang: Lang) =>
  queryOptions({
    queryKey: ['admin', 'session', lang],
    queryFn: ({ signal }) => fetchSession(lang, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });

const SessionContext = createContext<Session | null>(null);

export const SessionProvider = ({ session, children }: { session: Session; children: ReactNode }) => (
  <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside the signed-in area');
  return session;
}

/** Writes for the signed-in area: the CSRF token and the language go with every call. */
export function useAdminApi() {
  const { csrf } = useSession();
  const { lang } = useAdminMessages();
  const client = useQueryClient();
  return {
    lang,
    get: <T,>(path: string, signal?: AbortSignal) => adminRequest<T>(path, { lang, signal }),
    send: <T,>(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, ifMatch?: number) =>
      adminRequest<T>(path, { method, body, csrf, ifMatch, lang }),
    /** Everything of the signed-in area may have changed after a write. */
    refresh: () => client.invalidateQueries({ queryKey: ['admin'], predicate: (q) => q.queryKey[1] !== 'session' }),
  };
}

/** Every page starts with its h1 focused and named in the tab title, as a page load would. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const { m } = useAdminMessages();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${m.areaName} — Repères`;
  }, [title, m.areaName]);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
