import type { Context } from 'hono';
import type { LieuPatch } from '../../contract/lieu-edit.ts';
import { errorBody } from '../../http/errors.ts';
import { ApiError } from '../../http/errors.ts';
import type { StoreAccess } from '../../store.ts';
import type { User as Account } from '../../contract/coordination.ts';
import type { Auth } from '../auth/session.ts';
import type { JournalAction } from '../audit/journal.ts';
import { fieldErrors } from './fields.ts';
import type { PlaceQueries, PlaceRow } from './places.queries.ts';

/** What the coordinators' routes share: accounts and sessions, the places, and the public index. */
export type Coordination = { auth: Auth; places: PlaceQueries; stores: StoreAccess };

export const isoNow = (auth: Auth) => new Date(auth.now()).toISOString();

/** The place, or 404; out of the account's scope, 403. */
export function placeInScope(places: PlaceQueries, id: string, account: Account): PlaceRow {
  const row = places.row(id);
  if (!row) throw new ApiError(404, 'lieu_introuvable', { id: id.slice(0, 100) });
  if (!places.inScope(account, places.scopeOfRow(row))) throw new ApiError(403, 'hors_perimetre');
  return row;
}

/** `If-Match: 3`, `If-Match: "3"` or `W/"3"`; else the body's version. */
export function baseVersion(c: Context, bodyVersion: number | undefined): number {
  const header = c.req.header('if-match');
  if (header !== undefined) {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
    if (!m) throw new ApiError(400, 'version_invalide');
    return Number(m[1]);
  }
  if (bodyVersion === undefined) throw new ApiError(428, 'version_requise');
  return bodyVersion;
}

/**
 * Applies a change and answers for it: 200 with the place as it now is, 409 with what is there now
 * (and who put it there) when the change was based on an older version, 400 for unknown ids.
 */
export function applyChange(
  c: Context,
  co: Coordination,
  p: {
    row: PlaceRow; version: number; patch: LieuPatch | Record<string, unknown>; archive?: boolean; action: JournalAction;
    account: Account; commentaire?: string | null; signalementId?: number | null;
  },
) {
  const { version: _v, commentaire: _c, ...patch } = p.patch as LieuPatch;
  const unknown = co.places.unknownIds(patch);
  if (unknown.length > 0) return { response: fieldErrors(c, unknown.map((u) => ({ path: u.path, key: u.key, params: { values: u.values } }))) };
  if (patch.types !== undefined || patch.code_insee !== undefined || patch.code_postal !== undefined) {
    const current = { code_insee: p.row.code_insee, code_postal: p.row.code_postal, types: JSON.parse(p.row.types) as string[] };
    if (!co.places.inScope(p.account, co.places.scopeOf({ ...current, ...patch }))) {
      throw new ApiError(403, 'hors_perimetre');
    }
  }
  const result = co.places.update({
    id: p.row.id, version: p.version, patch, archive: p.archive, action: p.action, account: p.account,
    commentaire: p.commentaire, signalementId: p.signalementId, at: isoNow(co.auth),
  });
  if (result.status === 'introuvable') throw new ApiError(404, 'lieu_introuvable', { id: p.row.id });
  if (result.status === 'perimee') return { response: conflict(c, co, result.row, p.account) };
  if (result.changed) co.stores.placeChanged(p.row.id);
  return { row: result.row };
}

export function conflict(c: Context, co: Coordination, row: PlaceRow, account: Account) {
  const values = co.places.view(row, account);
  return c.json(
    {
      ...errorBody(c, 'version_perimee'),
      current: { version: row.version, values, modifie_par: values.modifie_par, modifie_le: values.modifie_le },
    },
    409,
  );
}
