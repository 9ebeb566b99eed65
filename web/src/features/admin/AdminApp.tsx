import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { I18nProvider, storedLang } from '../../i18n';
import { isLang } from '../../i18n/lang';
import { Link, navigate, usePath } from '../../router';
import { adminRequest } from './admin-api';
import { AccountsPage } from './AccountsPage';
import { Dashboard } from './Dashboard';
import { HistoryPage } from './HistoryPage';
import { InvitationPage } from './InvitationPage';
import { LoginPage } from './LoginPage';
import { useAdminMessages } from './messages';
import { PlaceEditPage } from './PlaceEditPage';
import { ReportPage, ReportsPage } from './ReportsPage';
import { PageTitle, SessionProvider, sessionQueryOptions, useSession } from './session';
import './admin.css';

/** The coordinators' area: everything under /admin, one lazy chunk. */
export default function AdminApp() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const lang = isLang(fromUrl) ? fromUrl : (storedLang() ?? 'fr');
  return (
    <I18nProvider lang={lang}>
      <AdminRoutes />
    </I18nProvider>
  );
}

// The API hands out invitation links as /coordination/invitation/<token>; both spellings work.
const segments = (path: string) =>
  path
    .replace(/^\/(admin|coordination)\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);

function AdminRoutes() {
  const path = usePath();
  const [first, second] = segments(path);
  if (first === 'connexion') return <LoginPage />;
  if (first === 'invitation' && second) return <InvitationPage token={second} />;
  return <SignedInArea path={path} />;
}

function SignedInArea({ path }: { path: string }) {
  const { m, lang } = useAdminMessages();
  const session = useQuery(sessionQueryOptions(lang));
  const signedOut = session.isSuccess && session.data === null && !session.isFetching;
  useEffect(() => {
    if (signedOut) navigate('/admin/connexion?retour=' + encodeURIComponent(path), 'replace');
  }, [signedOut, path]);
  if (session.isError)
    return (
      <main id="main" className="admin-main">
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  if (!session.data) return <p role="status" className="admin-main">{m.loading}</p>;
  return (
    <SessionProvider session={session.data}>
      <AdminHeader />
      <main id="main" className="admin-main">
        <AdminPage path={path} />
      </main>
    </SessionProvider>
  );
}

function AdminPage({ path }: { path: string }) {
  const { m } = useAdminMessages();
  const { utilisateur } = useSession();
  const [first, second, third] = segments(path);
  if (first === undefined) return <Dashboard />;
  if (first === 'lieux' && second === 'nouveau' && !third) return <PlaceEditPage key="nouveau" id={null} />;
  if (first === 'lieux' && second && third === 'historique') return <HistoryPage id={second} />;
  if (first === 'lieux' && second && !third) return <PlaceEditPage key={second} id={second} />;
  if (first === 'signalements' && !second) return <ReportsPage />;
  if (first === 'signalements' && second && !third) return <ReportPage key={second} id={second} />;
  if (first === 'comptes' && !second)
    return utilisateur.role === 'administrateur' ? (
      <AccountsPage />
    ) : (
      <>
        <PageTitle title={m.accountsTitle}>{m.accountsTitle}</PageTitle>
        <p>{m.forbidden}</p>
      </>
    );
  return <PageTitle title={m.notFoundTitle}>{m.notFoundTitle}</PageTitle>;
}

function AdminHeader() {
  const { m, lang } = useAdminMessages();
  const { utilisateur, csrf } = useSession();
  const client = useQueryClient();
  const path = usePath();
  const [failure, setFailure] = useState<unknown>(null);
  const signOut = async () => {
    try {
      await adminRequest('api/auth/logout', { method: 'POST', csrf, lang });
    } catch (e) {
      // Still signed in: saying otherwise would leave the session open on a shared computer.
      setFailure(e);
      return;
    }
    client.removeQueries({ queryKey: ['admin'] });
    navigate('/admin/connexion', 'replace');
  };
  const links = [
    { href: '/admin', label: m.navDashboard },
    { href: '/admin/signalements', label: m.navReports },
    { href: '/admin/lieux/nouveau', label: m.navNewPlace },
    ...(utilisateur.role === 'administrateur' ? [{ href: '/admin/comptes', label: m.navAccounts }] : []),
  ];
  return (
    <header className="admin-header">
      <div className="admin-header-top">
        <p className="admin-brand">
          <a href="/">Repères</a> · {m.areaName}
        </p>
        <p className="admin-user">{m.signedInAs(utilisateur.courriel)}</p>
        <button type="button" className="button button-secondary" onClick={() => void signOut()}>
          {m.signOut}
        </button>
      </div>
      <nav aria-label={m.areaName}>
        <ul>
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} aria-current={path === l.href ? 'page' : undefined}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {failure !== null && <ErrorAlert error={failure} />}
    </header>
  );
}
