import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Auth, AuthEnv } from '../auth/session.ts';
import { randomToken, sha256 } from '../auth/session.ts';
import { statements } from '../auth/statements.ts';
import { fieldErrors, validateFields } from '../edition/fields.ts';

export const INVITATION_MS = 72 * 60 * 60 * 1000;

const invitationBody = z
  .strictObject({
    courriel: z.email({ message: 'courriel_invalide' }).max(200, { message: 'courriel_invalide' }).transform((s) => s.toLowerCase()),
    role: z.enum(['administrateur', 'coordinateur'], { message: 'role_invalide' }),
    territoires: z.array(z.string().regex(/^(\d{2,3}|2[AB])$/, { message: 'territoire_invalide' }), { message: 'territoire_invalide' }).max(120).default([]),
    reseaux: z.array(z.string().max(100), { message: 'type_inconnu' }).max(60).default([]),
  })
  .refine((v) => v.role === 'administrateur' || v.territoires.length > 0 || v.reseaux.length > 0, {
    message: 'perimetre_requis', path: ['territoires'],
  });

const accountParam = z.strictObject({ id: z.string().regex(/^\d{1,12}$/, { message: 'compte_introuvable' }).transform(Number) });

/** Administrators manage accounts: list them, invite people, switch an account off. */
export function adminRoutes(auth: Auth, db: Db) {
  const s = statements(db, { types: 'SELECT id FROM types' });
  return new Hono<AuthEnv>()
    .use('*', auth.required, auth.admin)
    .get('/comptes', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ items: auth.accounts.listUsers(), invitations: auth.accounts.pendingInvitations(auth.now()) });
    })
    .post('/invitations', validateFields(invitationBody), (c) => {
      const body = c.req.valid('json');
      const known = new Set(s.types.pluck().all() as string[]);
      const unknown = body.reseaux.filter((r) => !known.has(r));
      if (unknown.length > 0) return fieldErrors(c, [{ path: 'reseaux', key: 'type_inconnu', params: { values: unknown.join(', ').slice(0, 200) } }]);
      if (auth.accounts.emailTaken(body.courriel)) throw new ApiError(409, 'compte_existant');
      const token = randomToken();
      const t = auth.now();
      const territoires = body.role === 'administrateur' ? [] : body.territoires;
      const reseaux = body.role === 'administrateur' ? [] : body.reseaux;
      auth.accounts.insertInvitation({
        token_hash: sha256(token), courriel: body.courriel, role: body.role, territoires: JSON.stringify(territoires),
        reseaux: JSON.stringify(reseaux), created_by: c.get('account').id, created_at: t, expires_at: t + INVITATION_MS,
      });
      // No mail server: the administrator passes the link on. Only its hash is kept.
      return c.json(
        { courriel: body.courriel, lien: `/coordination/invitation/${token}`, expire_le: new Date(t + INVITATION_MS).toISOString() },
        201,
      );
    })
    .post('/comptes/:id/desactiver', validate('param', accountParam), (c) => {
      const { id } = c.req.valid('param');
      if (!auth.accounts.disableUser(id, new Date(auth.now()).toISOString())) throw new ApiError(404, 'compte_introuvable');
      return c.json({ compte: auth.accounts.listUsers().find((u) => u.id === id) });
    });
}
