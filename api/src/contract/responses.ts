import { z } from 'zod';

/**
 * What the public routes answer, described once: the OpenAPI document is generated from these
 * schemas, the API's tests parse real answers with them (contract.test.ts), and the web reads its
 * types from them (`import type`, erased from the browser's bundle).
 */

/** Every refusal, public or coordinators', has this shape. */
export const errorBody = z.object({
  code: z.string().describe('Code stable, pour les programmes (par exemple bbox_invalide).'),
  message: z.string().describe('Explication en français (en anglais avec ?lang=en).'),
  fields: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Pour un formulaire : le message de chaque champ refusé.'),
  current: z.unknown().optional().describe('Pour un 409 : la version enregistrée entre-temps.'),
});

export const precision = z.enum(['adresse', 'commune']).describe('commune : position approximative, au centre de la commune.');

export const ouverture = z.object({
  statut: z.enum(['ouvert', 'ferme', 'inconnu']),
  jusqu_a: z.string().optional().describe('Ouvert : la prochaine fermeture, ISO 8601 avec le décalage du lieu.'),
  prochaine_ouverture: z.string().optional().describe('Fermé : la prochaine ouverture, ISO 8601 avec le décalage du lieu.'),
  fuseau: z.string().describe('Fuseau IANA du lieu, par exemple Europe/Paris.'),
});

export const lieuSummary = z.object({
  id: z.string(),
  nom: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  precision,
  code_postal: z.string().nullable(),
  commune: z.string().nullable(),
  types: z.array(z.string()),
  services: z.array(z.string()),
  ouverture,
  distance_m: z
    .number()
    .int()
    .optional()
    .describe('Avec near : la distance à vol d’oiseau, en mètres ; pour un lieu de précision commune, jusqu’au centre de la commune.'),
});

export const lieuxPage = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  sans_horaires: z.number().int().optional().describe('Avec ouvert : les lieux écartés faute d’horaires connus.'),
  items: z.array(lieuSummary),
});

export const jour = z.object({
  date: z.string(),
  jour: z.string(),
  plages: z.array(z.object({ debut: z.string(), fin: z.string() })),
  ferie: z.string().nullable(),
});

export const source = z.object({
  id: z.string(),
  nom: z.string(),
  licence: z.string(),
  url: z.string().nullable(),
  date: z.string(),
  ref: z.string(),
});

export const lieuDetail = lieuSummary.omit({ distance_m: true }).extend({
  adresse: z.string().nullable(),
  complement_adresse: z.string().nullable(),
  code_insee: z.string().nullable(),
  departement: z.string().nullable(),
  telephone: z.string().nullable(),
  courriel: z.string().nullable().describe('Adresse d’une structure, jamais celle d’une personne.'),
  site_web: z.string().nullable(),
  labels: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  date_maj: z.string().nullable(),
  verifie_le: z.string().nullable().describe('Dernière vérification ou modification par un coordinateur.'),
  horaires: z.object({
    texte: z.string().nullable(),
    osm: z.string().nullable(),
    semaine: z.array(jour).nullable().describe('Les 7 jours qui viennent ; null si les horaires sont inconnus.'),
  }),
  sources: z.array(source),
});

export const facet = z.object({
  id: z.string(),
  label: z.string(),
  label_en: z.string(),
  description: z.string().nullable().optional(),
  count: z.number().int(),
});

export const servicesBody = z.object({
  numerique: z.array(facet),
  demarches: z.array(facet),
  types: z.array(facet),
  labels: z.array(facet).describe('Les labels nationaux (Aidants Connect, France Services…) que portent les lieux.'),
});

export const cluster = z.object({
  latitude: z.number(),
  longitude: z.number(),
  count: z.number().int(),
  id: z.string().optional().describe('Un groupe d’un seul lieu : son identifiant.'),
  nom: z.string().optional(),
});

export const clustersBody = z.object({ total: z.number().int(), clusters: z.array(cluster) });

export const commune = z.object({
  code_insee: z.string(),
  nom: z.string(),
  departement: z.string(),
  departement_nom: z.string(),
  codes_postaux: z.array(z.string()),
  latitude: z.number(),
  longitude: z.number(),
  population: z.number().int(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});

export const communesBody = z.object({ items: z.array(commune) });

export const healthBody = z.object({ status: z.literal('ok'), lieux: z.number().int() });

export type ErrorBody = z.infer<typeof errorBody>;
export type Precision = z.infer<typeof precision>;
export type Ouverture = z.infer<typeof ouverture>;
export type PlaceSummary = z.infer<typeof lieuSummary>;
export type PlacePage = z.infer<typeof lieuxPage>;
export type DayHours = z.infer<typeof jour>;
export type Source = z.infer<typeof source>;
export type Place = z.infer<typeof lieuDetail>;
export type VocabularyEntry = z.infer<typeof facet>;
export type Vocabulary = z.infer<typeof servicesBody>;
export type Cluster = z.infer<typeof cluster>;
export type ClusterResponse = z.infer<typeof clustersBody>;
export type Commune = z.infer<typeof commune>;
export type Health = z.infer<typeof healthBody>;
