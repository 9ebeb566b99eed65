import { Hono } from 'hono';
import { z } from 'zod';
import { resolutionBody, signalementBody } from '../../contract/lieu-edit.ts';
import { lieuIdParam } from '../../contract/params.ts';
import { ApiError, langOf } from '../../http/errors.ts';
import { message } from '../../i18n/messages.ts';
import { validate } from '../../http/validate.ts';
import { clientAddress } from '../auth/client-address.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import type { AuthEnv } from '../auth/session.ts';
import { applyChange, baseVersion, isoNow, placeInScope, type Coordination } from '../edition/edition.ts';
import { validateFields } from '../edition/fields.ts';
import { createSignalementQueries } from './reports.queries.ts';

const HOUR_MS = 60 * 60 * 1000;

const listQuery = z.strictObject({
  statut: z.enum(['ouvert', 'corrige', 'rejete'], { message: 'statut_invalide' }).optional(),
  limit: z.string().regex(/^\d{1,3}$/, { message: 'limit_invalide' }).transform(Number).pipe(z.number().min(1, { message: 'limit_invalide' }).max(200, { message: 'limit_invalide' })).optional(),
  offset: z.string().regex(/^\d{1,7}$/, { message: 'offset_invalide' }).transform(Number).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});
const idParam = z.strictObject({ id: z.string().regex(/^\d{1,12}$/, { message: 'signalement_introuvable' }).transform(Number) });

/** Reports: the public sends them without an account; coordinators handle those about their places. */
export function signalementsRoutes(co: Coordination) {
  const queries = createSignalementQueries(co.places.db);
  const perAddress = new RateLimiter(5, HOUR_MS, co.auth.now);
  const perPlace = new RateLimiter(20, HOUR_MS, co.auth.now);

  const reportInScope = (id: number, account: Parameters<typeof placeInScope>[2]) => {
    const report = queries.byId(id);
    if (!report) throw new ApiError(404, 'signalement_introuvable');
    return { report, row: placeInScope(co.places, report.lieu_id, account) };
  };

  return new Hono<AuthEnv>()
    .post('/lieux/:id/signalements', validate('param', lieuIdParam), validateFields(signalementBody), (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const row = co.places.row(id);
      if (!row) throw new ApiError(404, 'lieu_introuvable', { id: id.slice(0, 100) });
      if (row.archived_at !== null) throw new ApiError(410, 'lieu_archive');
      const address = clientAddress(c);
      const wait = Math.max(perAddress.retryAfter(address), perPlace.retryAfter(id));
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, 'trop_de_signalements');
      }
      perAddress.hit(address);
      perPlace.hit(id);
      // A filled honeypot is a robot: it is thanked like anyone, so it learns nothing, and nothing is kept.
      if (!body.site_web_confirmation) queries.insert(id, body.motif, body.commentaire || null, isoNow(co.auth));
      return c.json({ message: message(langOf(c), 'signalement_merci') }, 201);
    })
    .get('/signalements', co.auth.required, validate('query', listQuery), (c) => {
      const q = c.req.valid('query');
      c.header('Cache-Control', 'no-store');
      return c.json(queries.list(c.get('account'), { statut: q.statut ?? 'ouvert', limit: q.limit ?? 50, offset: q.offset ?? 0 }));
    })
    .get('/signalements/:id', co.auth.required, validate('param', idParam), (c) => {
      const account = c.get('account');
      const { report, row } = reportInScope(c.req.valid('param').id, account);
      c.header('Cache-Control', 'no-store');
      return c.json({ signalement: report, lieu: co.places.view(row, account) });
    })
    .post('/signalements/:id/resolution', co.auth.required, validate('param', idParam), validateFields(resolutionBody), (c) => {
      const account = c.get('account');
      const body = c.req.valid('json');
      const { report, row } = reportInScope(c.req.valid('param').id, account);
      if (report.statut !== 'ouvert') throw new ApiError(409, 'signalement_traite');
      const at = isoNow(co.auth);
      let current = row;
      if (body.action === 'corrige' && body.modification) {
        const version = baseVersion(c, body.modification.version);
        const done = applyChange(c, co, {
          row, version, patch: body.modification, action: 'modification', account,
          commentaire: body.commentaire ?? body.modification.commentaire, signalementId: report.id,
        });
        if (done.response) return done.response;
        current = done.row;
      }
      co.places.db.transaction(() => {
        queries.resolve(report.id, body.action, at, account.id, body.commentaire ?? null);
        // A correction with a modification is already in the history, linked to this report.
        if (body.action === 'rejete' || !body.modification) {
          co.places.journal.append({
            lieuId: report.lieu_id, action: 'signalement', version: current.version, userId: account.id, at,
            commentaire: body.commentaire, apres: { signalement: body.action }, signalementId: report.id,
          });
        }
      })();
      return c.json({ signalement: queries.byId(report.id), lieu: co.places.view(current, account) });
    });
}
