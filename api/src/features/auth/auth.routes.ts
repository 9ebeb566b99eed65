import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { fieldErrors } from '../edition/fields.ts';
import type { Account } from './accounts.queries.ts';
import { clientAddress } from './client-address.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { RateLimiter } from './rate-limit.ts';
import { sha256, type Auth, type AuthEnv } from './session.ts';

const WINDOW_MS = 15 * 60 * 1000;

const loginBody = z.object({
  courriel: z.string().trim().toLowerCase().min(1).max(200),
  mot_de_passe: z.string().min(1).max(500),
});
const invitationAnswer = z.strictObject({ mot_de_passe: z.string().max(500) });
const tokenParam = z.object({ token: z.string().min(10).max(100) });

const publicAccount = (a: Account) => ({ id: a.id, courriel: a.courriel, role: a.role, territoires: a.territoires, reseaux: a.reseaux });

export function authRoutes(auth: Auth) {
  const perAccount = new RateLimiter(5, WINDOW_MS, auth.now);
  const perAddress = new RateLimiter(20, WINDOW_MS, auth.now);

  return new Hono<AuthEnv>()
    .post('/login', validate('json', loginBody), async (c) => {
      const { courriel, mot_de_passe } = c.req.valid('json');
      const address = clientAddress(c);
      const wait = Math.max(perAccount.retryAfter(courriel), perAddress.retryAfter(address));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'trop_de_tentatives', { minutes: Math.ceil(wait / 60) });
      }
      const found = auth.accounts.credentials(courriel);
      // An unknown e-mail costs one scrypt too, so timing does not tell which accounts exist.
      const ok = await verifyPassword(mot_de_passe, found?.passwordHash ?? (await dummyHash()));
      if (!found || !ok) {
        perAccount.hit(courriel);
        perAddress.hit(address);
        throw new ApiError(401, 'identifiants_invalides');
      }
      perAccount.clear(courriel);
      const csrf = auth.open(c, found.account);
      return c.json({ utilisateur: publicAccount(found.account), csrf });
    })
    .post('/logout', auth.required, (c) => {
      auth.close(c, c.get('session'));
      return c.body(null, 204);
    })
    .get('/me', auth.required, (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ utilisateur: publicAccount(c.get('account')), csrf: c.get('session').csrf });
    })
    .get('/invitations/:token', validate('param', tokenParam), (c) => {
      const invitation = auth.accounts.invitation(sha256(c.req.valid('param').token), auth.now());
      if (!invitation) throw new ApiError(404, 'invitation_invalide');
      const { courriel, role, territoires, reseaux, expires_at } = invitation;
      return c.json({ courriel, role, territoires, reseaux, expire_le: new Date(expires_at).toISOString() });
    })
    .post('/invitations/:token', validate('param', tokenParam), validate('json', invitationAnswer), async (c) => {
      const tokenHash = sha256(c.req.valid('param').token);
      const { mot_de_passe } = c.req.valid('json');
      if (!auth.accounts.invitation(tokenHash, auth.now())) throw new ApiError(404, 'invitation_invalide');
      const problem = passwordProblem(mot_de_passe);
      if (problem) return fieldErrors(c, [{ path: 'mot_de_passe', key: problem }]);
      const passwordHash = await hashPassword(mot_de_passe);
      // Checked again after the slow hash: two tabs answering the same link create one account.
      const invitation = auth.accounts.invitation(tokenHash, auth.now());
      if (!invitation || auth.accounts.emailTaken(invitation.courriel) || !auth.accounts.useInvitation(tokenHash, auth.now())) {
        throw new ApiError(404, 'invitation_invalide');
      }
      const id = auth.accounts.createUser({
        courriel: invitation.courriel, role: invitation.role, territoires: invitation.territoires, reseaux: invitation.reseaux,
        passwordHash, createdAt: new Date(auth.now()).toISOString(),
      });
      const account = auth.accounts.account(id)!;
      const csrf = auth.open(c, account);
      return c.json({ utilisateur: publicAccount(account), csrf }, 201);
    });
}
