import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { ABSOLUTE_MS, IDLE_MS } from './session.ts';
import { call, coordinationTestApp, login, PASSWORD, type Session } from './testing.ts';

const t = coordinationTestApp();
const { app } = t;
afterAll(() => t.close());

let admin: Session;
beforeAll(async () => {
  admin = await t.account('admin@reperes.test', 'administrateur');
}, 30_000);

const loginAs = (courriel: string, motDePasse: string, address = '198.51.100.1', url = 'http://localhost/api/auth/login') =>
  app.request(
    url,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ courriel, mot_de_passe: motDePasse }) },
    { incoming: { socket: { remoteAddress: address } } },
  );

describe('passwords', () => {
  it('are stored as scrypt hashes with their parameters and a random salt', async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, a)).toBe(false);
  });

  it('are refused when short, common or one repeated character', () => {
    expect(passwordProblem('court')).toBe('mot_de_passe_trop_court');
    expect(passwordProblem('motdepasse123')).toBe('mot_de_passe_trop_courant');
    expect(passwordProblem('Azertyuiop123')).toBe('mot_de_passe_trop_courant');
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toBe('mot_de_passe_trop_courant');
    expect(passwordProblem(PASSWORD)).toBeNull();
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax, Secure session cookie and returns the account and CSRF token', async () => {
    const res = await loginAs('admin@reperes.test', PASSWORD, '198.51.100.2', 'https://reperes.example/api/auth/login');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^reperes_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ utilisateur: { courriel: 'admin@reperes.test', role: 'administrateur' }, csrf: expect.any(String) });
  });

  it('leaves Secure off only for plain http on localhost, or when REPERES_COOKIE_SECURE=0', async () => {
    const local = await loginAs('admin@reperes.test', PASSWORD, '198.51.100.2');
    expect(local.headers.get('set-cookie')).not.toContain('Secure');
    vi.stubEnv('REPERES_COOKIE_SECURE', '0');
    const lan = await loginAs('admin@reperes.test', PASSWORD, '198.51.100.2', 'http://192.168.1.10/api/auth/login');
    vi.unstubAllEnvs();
    expect(lan.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('gives the same message, in similar time, for an unknown e-mail and a wrong password', async () => {
    const timed = async (courriel: string) => {
      const start = performance.now();
      const res = await loginAs(courriel, 'pas le bon mot de passe', '198.51.100.3');
      return { ms: performance.now() - start, status: res.status, body: await res.json() };
    };
    const unknown = await timed('personne@reperes.test');
    const wrong = await timed('admin@reperes.test');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({ code: 'identifiants_invalides', message: 'E-mail ou mot de passe incorrect.' });
    // Both pay for one scrypt: an unknown e-mail does not answer several times faster.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 3);
  });

  it('answers 429 with Retry-After after 5 failures on one account, even with the right password', async () => {
    await t.account('cible@reperes.test', 'coordinateur', { territoires: ['75'] });
    for (let i = 0; i < 5; i++) expect((await loginAs('cible@reperes.test', 'mauvais mot de passe', `203.0.113.${i}`)).status).toBe(401);
    const blocked = await loginAs('cible@reperes.test', PASSWORD, '203.0.113.99');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(((await blocked.json()) as any).message).toBe('Trop de tentatives de connexion. Réessayez dans 15 minutes.');
    t.advance(15 * 60 * 1000 + 1);
    expect((await loginAs('cible@reperes.test', PASSWORD, '203.0.113.99')).status).toBe(200);
  }, 30_000);

  it('answers 429 after 20 failures from one address, whatever the e-mails', async () => {
    for (let i = 0; i < 20; i++) expect((await loginAs(`inconnu${i}@reperes.test`, 'mauvais mot de passe', '192.0.2.7')).status).toBe(401);
    expect((await loginAs('admin@reperes.test', PASSWORD, '192.0.2.7')).status).toBe(429);
    expect((await loginAs('admin@reperes.test', PASSWORD, '192.0.2.8')).status).toBe(200);
  }, 60_000);
});

describe('sessions', () => {
  it('refuses a write without the CSRF token, or with a wrong one, with 403', async () => {
    const s = await login(app, 'admin@reperes.test');
    const missing = await call(app, 'POST', '/api/auth/logout', { ...s, csrf: '' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_invalide');
    const wrong = await call(app, 'POST', '/api/auth/logout', { ...s, csrf: `${s.csrf.slice(0, -1)}x` });
    expect(wrong.status).toBe(403);
    expect((await call(app, 'GET', '/api/auth/me', s)).status).toBe(200);
  });

  it('refuses a form posted from another site', async () => {
    const res = await app.request('http://localhost/api/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://pirate.example' },
      body: 'courriel=admin%40reperes.test&mot_de_passe=x',
    });
    expect(res.status).toBe(403);
  });

  it('ends on logout', async () => {
    const s = await login(app, 'admin@reperes.test');
    expect((await call(app, 'POST', '/api/auth/logout', s)).status).toBe(204);
    expect((await call(app, 'GET', '/api/auth/me', s)).status).toBe(401);
  });

  it('expires after 2 hours without activity', async () => {
    const s = await login(app, 'admin@reperes.test');
    t.advance(IDLE_MS - 60_000);
    expect((await call(app, 'GET', '/api/auth/me', s)).status).toBe(200);
    t.advance(IDLE_MS - 60_000);
    expect((await call(app, 'GET', '/api/auth/me', s)).status).toBe(200);
    t.advance(IDLE_MS + 1);
    const res = await call(app, 'GET', '/api/auth/me', s);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'non_connecte', message: 'Connectez-vous pour continuer.' });
  });

  it('expires after 12 hours even when used', async () => {
    const s = await login(app, 'admin@reperes.test');
    const step = IDLE_MS / 2;
    for (let elapsed = step; elapsed < ABSOLUTE_MS; elapsed += step) {
      t.advance(step);
      expect((await call(app, 'GET', '/api/auth/me', s)).status).toBe(200);
    }
    t.advance(step);
    expect((await call(app, 'GET', '/api/auth/me', s)).status).toBe(401);
  });
});

describe('accounts and invitations', () => {
  it('lets an administrator invite a coordinator, who sets a password through a one-time link', async () => {
    admin = await login(app, 'admin@reperes.test');
    const invited = await call(app, 'POST', '/api/admin/invitations', admin, {
      courriel: 'Reseau-FS@reperes.test', role: 'coordinateur', territoires: ['974'], reseaux: ['france-services'],
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ courriel: 'reseau-fs@reperes.test', lien: expect.stringMatching(/^\/coordination\/invitation\/[\w-]{43}$/) });
    const token = invited.body.lien.split('/').pop();
    expect((await call(app, 'GET', `/api/auth/invitations/${token}`)).body).toMatchObject({ courriel: 'reseau-fs@reperes.test', territoires: ['974'] });

    const weak = await call(app, 'POST', `/api/auth/invitations/${token}`, undefined, { mot_de_passe: 'azertyuiop123' });
    expect(weak.status).toBe(400);
    expect(weak.body.fields).toEqual([{ path: 'mot_de_passe', message: 'Ce mot de passe est trop courant. Choisissez-en un autre.' }]);
    const accepted = await call(app, 'POST', `/api/auth/invitations/${token}`, undefined, { mot_de_passe: 'Le chat dort sur le radiateur' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.utilisateur).toMatchObject({ role: 'coordinateur', territoires: ['974'], reseaux: ['france-services'] });
    expect(accepted.headers.get('set-cookie')).toContain('reperes_session=');
    const reused = await call(app, 'POST', `/api/auth/invitations/${token}`, undefined, { mot_de_passe: 'Le chat dort sur le radiateur' });
    expect(reused.status).toBe(404);
    const again = await call(app, 'POST', '/api/admin/invitations', admin, { courriel: 'reseau-fs@reperes.test', role: 'coordinateur', territoires: ['974'] });
    expect(again.status).toBe(409);
  }, 30_000);

  it('lets an invitation expire after 72 hours', async () => {
    const invited = await call(app, 'POST', '/api/admin/invitations', admin, { courriel: 'tard@reperes.test', role: 'coordinateur', territoires: ['01'] });
    const token = invited.body.lien.split('/').pop();
    t.advance(72 * 60 * 60 * 1000 + 1);
    const late = await call(app, 'POST', `/api/auth/invitations/${token}`, undefined, { mot_de_passe: 'Le chat dort sur le radiateur' });
    expect(late.status).toBe(404);
    expect(late.body.code).toBe('invitation_invalide');
    admin = await login(app, 'admin@reperes.test');
  });

  it('keeps account management to administrators', async () => {
    const coordinator = await t.account('simple@reperes.test', 'coordinateur', { territoires: ['93'] });
    const body = { courriel: 'x@reperes.test', role: 'coordinateur', territoires: ['93'] };
    expect((await call(app, 'POST', '/api/admin/invitations', undefined, body)).status).toBe(401);
    expect((await call(app, 'POST', '/api/admin/invitations', coordinator, body)).status).toBe(403);
    expect((await call(app, 'GET', '/api/admin/comptes', coordinator)).status).toBe(403);
    const noScope = await call(app, 'POST', '/api/admin/invitations', admin, { courriel: 'x@reperes.test', role: 'coordinateur' });
    expect(noScope.status).toBe(400);
    expect(noScope.body.fields).toEqual([
      { path: 'territoires', message: 'Indiquez au moins un territoire ou un réseau pour un coordinateur.' },
    ]);
    const unknownNetwork = await call(app, 'POST', '/api/admin/invitations', admin, { ...body, reseaux: ['inconnu'] });
    expect(unknownNetwork.body.fields).toEqual([{ path: 'reseaux', message: expect.stringContaining('inconnu') }]);
    const list = await call(app, 'GET', '/api/admin/comptes', admin);
    expect(list.body.items.map((a: { courriel: string }) => a.courriel)).toContain('simple@reperes.test');
  }, 30_000);

  it('ends every session of a deactivated account', async () => {
    const coordinator = await t.account('parti@reperes.test', 'coordinateur', { territoires: ['93'] });
    const id = (await call(app, 'GET', '/api/auth/me', coordinator)).body.utilisateur.id;
    expect((await call(app, 'POST', `/api/admin/comptes/${id}/desactiver`, admin)).body.compte).toMatchObject({ actif: false });
    expect((await call(app, 'GET', '/api/auth/me', coordinator)).status).toBe(401);
    expect((await loginAs('parti@reperes.test', PASSWORD, '198.51.100.50')).status).toBe(401);
  }, 30_000);
});
