import { Hono } from 'hono';
import { lieuCreate, lieuPatch, verificationBody, versionedAction } from '../../contract/lieu-edit.ts';
import { lieuIdParam } from '../../contract/params.ts';
import { ApiError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { AuthEnv } from '../auth/session.ts';
import { applyChange, baseVersion, isoNow, placeInScope, type Coordination } from './edition.ts';
import { fieldErrors, validateFields } from './fields.ts';

/**
 * Writes on places, mounted beside the public routes under /api/lieux. Each route names
 * `auth.required` itself: a `use('*')` here would also cover the public routes of /api/lieux.
 */
export const editionRoutes = (co: Coordination) =>
  new Hono<AuthEnv>()
    .post('/', co.auth.required, validateFields(lieuCreate), (c) => {
      const body = c.req.valid('json');
      const account = c.get('account');
      const unknown = co.places.unknownIds(body);
      if (unknown.length > 0) return fieldErrors(c, unknown.map((u) => ({ path: u.path, key: u.key, params: { values: u.values } })));
      const target = co.places.scopeOf(body);
      if (!co.places.inScope(account, target)) {
        throw new ApiError(403, 'hors_perimetre');
      }
      const row = co.places.create(body, account, isoNow(co.auth));
      co.stores.placeChanged(row.id);
      return c.json(co.places.view(row, account), 201);
    })
    .patch('/:id', co.auth.required, validate('param', lieuIdParam), validateFields(lieuPatch), (c) => {
      const account = c.get('account');
      const body = c.req.valid('json');
      const version = baseVersion(c, body.version);
      const row = placeInScope(co.places, c.req.valid('param').id, account);
      const done = applyChange(c, co, { row, version, patch: body, action: 'modification', account, commentaire: body.commentaire });
      return done.response ?? c.json(co.places.view(done.row, account));
    })
    .post('/:id/archiver', co.auth.required, validate('param', lieuIdParam), validateFields(versionedAction), (c) => {
      const account = c.get('account');
      const { version, commentaire } = c.req.valid('json');
      const row = placeInScope(co.places, c.req.valid('param').id, account);
      if (row.archived_at !== null) throw new ApiError(409, 'deja_archive');
      const done = applyChange(c, co, { row, version, patch: {}, archive: true, action: 'archivage', account, commentaire });
      return done.response ?? c.json(co.places.view(done.row, account));
    })
    .post('/:id/desarchiver', co.auth.required, validate('param', lieuIdParam), validateFields(versionedAction), (c) => {
      const account = c.get('account');
      const { version, commentaire } = c.req.valid('json');
      const row = placeInScope(co.places, c.req.valid('param').id, account);
      if (row.archived_at === null) throw new ApiError(409, 'pas_archive');
      const done = applyChange(c, co, { row, version, patch: {}, archive: false, action: 'desarchivage', account, commentaire });
      return done.response ?? c.json(co.places.view(done.row, account));
    })
    .post('/:id/restaurer', co.auth.required, validate('param', lieuIdParam), validateFields(versionedAction), (c) => {
      const account = c.get('account');
      const { version, commentaire } = c.req.valid('json');
      const row = placeInScope(co.places, c.req.valid('param').id, account);
      if (version > row.version) throw new ApiError(404, 'version_introuvable', { version });
      const patch = co.places.valuesAt(row, version);
      const done = applyChange(c, co, { row, version: row.version, patch, action: 'restauration', account, commentaire });
      return done.response ?? c.json(co.places.view(done.row, account));
    })
    .post('/:id/verification', co.auth.required, validate('param', lieuIdParam), validateFields(verificationBody), (c) => {
      const account = c.get('account');
      const row = placeInScope(co.places, c.req.valid('param').id, account);
      const checked = co.places.verify(row, account, c.req.valid('json').commentaire, isoNow(co.auth));
      return c.json(co.places.view(checked, account));
    })
    .get('/:id/historique', co.auth.required, validate('param', lieuIdParam), (c) => {
      const { id } = c.req.valid('param');
      if (!co.places.row(id)) throw new ApiError(404, 'lieu_introuvable', { id: id.slice(0, 100) });
      c.header('Cache-Control', 'no-store');
      return c.json({ items: co.places.journal.history(id) });
    });
