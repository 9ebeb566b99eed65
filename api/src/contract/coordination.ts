import { z } from 'zod';
import { MOTIFS } from './lieu-edit.ts';
import { precision, source } from './responses.ts';

/**
 * What the coordinators' routes answer (docs/api-coordinateurs.md). The API's tests parse real
 * answers with these schemas (contract.test.ts); the admin pages read their types from here.
 */

export const role = z.enum(['administrateur', 'coordinateur']);

export const user = z.object({
  id: z.number().int(),
  courriel: z.string(),
  role,
  territoires: z.array(z.string()),
  reseaux: z.array(z.string()),
});

export const session = z.object({ utilisateur: user, csrf: z.string() });

/** The fields a coordinator writes, as read back (lieu-edit.ts says what may be written). */
export const lieuValues = z.object({
  nom: z.string(),
  adresse: z.string().nullable(),
  complement_adresse: z.string().nullable(),
  code_postal: z.string().nullable(),
  commune: z.string().nullable(),
  code_insee: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  precision,
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_web: z.string().nullable(),
  horaires_osm: z.string().nullable(),
  horaires_texte: z.string().nullable(),
  services: z.array(z.string()),
  types: z.array(z.string()),
  labels: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
});

/** `GET /api/coordination/lieux/:id` and every write's answer: the fields, flat, and the place's state. */
export const coordinatedPlace = lieuValues.extend({
  id: z.string(),
  departement: z.string().nullable(),
  date_maj: z.string().nullable(),
  sources: z.array(source),
  version: z.number().int(),
  verifie_le: z.string().nullable(),
  modifie_le: z.string().nullable(),
  modifie_par: z.string().nullable(),
  archive: z.boolean(),
  archive_le: z.string().nullable(),
  modifiable: z.boolean(),
});

/** The `current` of a 409 on PATCH: what was saved meanwhile, and by whom. */
export const staleVersion = z.object({
  version: z.number().int(),
  values: coordinatedPlace,
  modifie_par: z.string().nullable(),
  modifie_le: z.string().nullable(),
});

const page = { total: z.number().int(), limit: z.number().int(), offset: z.number().int() };

/** A place in a coordinator's lists: enough to recognise it and open it. */
const placeLine = {
  id: z.string(),
  nom: z.string(),
  commune: z.string().nullable(),
  departement: z.string().nullable(),
  version: z.number().int(),
  verifie_le: z.string().nullable(),
};

export const coordinationList = z.object({ ...page, items: z.array(z.object({ ...placeLine, archive: z.boolean() })) });

export const TRANCHES = ['jamais', 'plus-12-mois', 'plus-6-mois', 'recent'] as const;
const counts = { jamais: z.number().int(), plus_12_mois: z.number().int(), plus_6_mois: z.number().int(), recent: z.number().int() };
const nullableCount = z.number().int().nullable().describe('null : aucun lieu de ce département dans cette tranche.');

export const freshness = z.object({
  ...page,
  totaux: z.object(counts),
  par_departement: z.array(
    z.object({
      departement: z.string().nullable(),
      jamais: nullableCount,
      plus_12_mois: nullableCount,
      plus_6_mois: nullableCount,
      recent: nullableCount,
    }),
  ),
  tranche: z.enum(TRANCHES),
  items: z.array(z.object({ ...placeLine, date_maj: z.string().nullable() })),
});

export const historyEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  version: z.number().int().nullable(),
  auteur: z.string().nullable(),
  le: z.string(),
  commentaire: z.string().nullable(),
  avant: z.record(z.string(), z.unknown()),
  apres: z.record(z.string(), z.unknown()),
  signalement_id: z.number().int().nullable(),
});

export const history = z.object({ items: z.array(historyEntry) });

export const report = z.object({
  id: z.number().int(),
  motif: z.enum(MOTIFS),
  commentaire: z.string().nullable(),
  statut: z.enum(['ouvert', 'corrige', 'rejete']),
  cree_le: z.string(),
  traite_le: z.string().nullable(),
  traite_par: z.string().nullable(),
  reponse: z.string().nullable(),
  lieu: z.object({ id: z.string(), nom: z.string(), commune: z.string().nullable(), departement: z.string().nullable() }),
});

export const reportList = z.object({ ...page, items: z.array(report) });

export const account = user.extend({ cree_le: z.string(), actif: z.boolean() });

export const invitation = z.object({
  courriel: z.string(),
  role,
  territoires: z.array(z.string()),
  reseaux: z.array(z.string()),
  cree_le: z.string(),
  expire_le: z.string(),
});

export const accounts = z.object({ items: z.array(account), invitations: z.array(invitation) });

const reportIssue = z.object({ line: z.number().int(), column: z.string().optional(), message: z.string() }).loose();

/** `POST /api/imports`: what the file would do (or did), each issue worded in the caller's language. */
export const importAnswer = z.object({
  importable: z.boolean(),
  applique: z.object({ created: z.number().int(), updated: z.number().int() }).nullable(),
  rapport: z
    .object({
      rows: z.number().int(),
      valid: z.number().int(),
      unknownColumns: z.array(z.string()),
      errorCount: z.number().int(),
      warningCount: z.number().int(),
      errors: z.array(reportIssue),
      warnings: z.array(reportIssue),
      created: z.array(z.object({ line: z.number().int(), id: z.string(), nom: z.string(), commune: z.string().nullable() })),
      updated: z.array(
        z
          .object({
            line: z.number().int(),
            id: z.string(),
            nom: z.string(),
            changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
          })
          .loose(),
      ),
      unchanged: z.number().int(),
      outOfScope: z.array(z.object({ line: z.number().int(), id: z.string(), nom: z.string() })),
    })
    .loose(),
});

export type Role = z.infer<typeof role>;
export type User = z.infer<typeof user>;
export type Session = z.infer<typeof session>;
export type LieuValues = z.infer<typeof lieuValues>;
export type CoordinatedPlace = z.infer<typeof coordinatedPlace>;
export type StaleVersion = z.infer<typeof staleVersion>;
export type CoordinationList = z.infer<typeof coordinationList>;
export type Tranche = (typeof TRANCHES)[number];
export type Freshness = z.infer<typeof freshness>;
export type FreshnessPlace = Freshness['items'][number];
export type HistoryEntry = z.infer<typeof historyEntry>;
export type Motif = (typeof MOTIFS)[number];
export type Report = z.infer<typeof report>;
export type ReportList = z.infer<typeof reportList>;
export type Account = z.infer<typeof account>;
export type PendingInvitation = z.infer<typeof invitation>;
export type Accounts = z.infer<typeof accounts>;
export type ImportAnswer = z.infer<typeof importAnswer>;
export type ImportReport = ImportAnswer['rapport'];
