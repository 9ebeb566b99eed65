import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { createAccountQueries, type Account, type SessionRow } from './accounts.queries.ts';

export const SESSION_COOKIE = 'reperes_session';
export const IDLE_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Writing last_seen on every request would turn each read into a write; a minute is precise enough. */
const TOUCH_EVERY_MS = 60 * 1000;

export type AuthEnv = { Variables: { account: Account; session: SessionRow } };

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure by default. REPERES_COOKIE_SECURE=0 turns it off (a server behind plain http on a LAN),
 * =1 forces it; otherwise only plain http on localhost goes without, so local development works.
 */
export function cookieSecure(c: Context): boolean {
  const setting = process.env.REPERES_COOKIE_SECURE;
  if (setting === '0') return false;
  if (setting === '1') return true;
  const url = new URL(c.req.url);
  return !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Auth = ReturnType<typeof createAuth>;

export function createAuth(db: Db, now: () => number) {
  const accounts = createAccountQueries(db);

  const current = (c: Context): { account: Account; session: SessionRow } | undefined => {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token || token.length > 100) return undefined;
    const idHash = sha256(token);
    const session = accounts.session(idHash);
    if (!session) return undefined;
    const t = now();
    if (t >= session.expires_at || t >= session.last_seen_at + IDLE_MS) {
      accounts.deleteSession(idHash);
      return undefined;
    }
    const account = accounts.account(session.user_id);
    if (!account) return undefined;
    if (t - session.last_seen_at >= TOUCH_EVERY_MS) accounts.touchSession(idHash, t);
    return { account, session };
  };

  return {
    accounts,
    now,
    /** Opens a session for the account and sets its cookie; returns the CSRF token for the client. */
    open(c: Context, account: Account): string {
      const token = randomToken();
      const csrf = randomToken();
      const t = now();
      accounts.deleteExpiredSessions(t, t - IDLE_MS);
      accounts.insertSession({
        id_hash: sha256(token), user_id: account.id, csrf, created_at: t, expires_at: t + ABSOLUTE_MS, last_seen_at: t,
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true, secure: cookieSecure(c), sameSite: 'Lax', path: '/', maxAge: ABSOLUTE_MS / 1000,
      });
      return csrf;
    },
    close(c: Context, session: SessionRow) {
      accounts.deleteSession(session.id_hash);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: cookieSecure(c), httpOnly: true, sameSite: 'Lax' });
    },
    current,
    /**
     * Signed-in accounts only (401 otherwise). Every write must echo the session's CSRF token in
     * X-CSRF-Token: a cookie alone proves nothing, another site's form would send it too.
     */
    required: ((c, next) => {
      const found = current(c);
      if (!found) throw new ApiError(401, 'non_connecte');
      if (!SAFE_METHODS.has(c.req.method)) {
        const sent = c.req.header('x-csrf-token');
        if (!sent || !sameText(sent, found.session.csrf)) throw new ApiError(403, 'csrf_invalide');
      }
      c.set('account', found.account);
      c.set('session', found.session);
      return next();
    }) as MiddlewareHandler<AuthEnv>,
    admin: ((c, next) => {
      if (c.get('account').role !== 'administrateur') throw new ApiError(403, 'acces_refuse');
      return next();
    }) as MiddlewareHandler<AuthEnv>,
  };
}
