import { z } from 'zod';
import { clustersQuery, communesQuery, exportQuery, importQuery, lieuIdParam, lieuxQuery, MAX_UPLOAD_BYTES, servicesQuery } from '../../contract/params.ts';
import { clustersBody, communesBody, errorBody, healthBody, lieuDetail, lieuxPage, servicesBody } from '../../contract/responses.ts';
import { LICENCE, LICENCE_URL } from '../export/writers.ts';
import { DEFAULT_RATE_LIMIT } from './public-reads.ts';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' });
const input = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as {
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
};

const PARAM_TEXT: Record<string, { fr: string; example?: string }> = {
  bbox: { fr: 'Rectangle : longitude min, latitude min, longitude max, latitude max.', example: '2.2,48.8,2.4,48.9' },
  services: { fr: 'Identifiants de services séparés par des virgules (voir /api/services).', example: 'famille-allocations,sante' },
  types: { fr: 'Identifiants de types de lieux séparés par des virgules (voir /api/services).', example: 'france-services' },
  labels: { fr: 'Identifiants de labels nationaux séparés par des virgules (voir /api/services).', example: 'aidants-connect' },
  limit: { fr: 'Nombre de résultats par page.', example: '50' },
  offset: { fr: 'Rang du premier résultat (pagination).', example: '0' },
  zoom: { fr: 'Niveau de zoom de la carte (0 à 22).', example: '6' },
  lang: { fr: 'Langue des messages : fr (par défaut) ou en.', example: 'fr' },
  q: { fr: 'Début du nom de la commune ou code postal.', example: 'Rennes' },
  format: { fr: 'Format du fichier.', example: 'lmn-csv' },
  id: { fr: 'Identifiant public du lieu.', example: 'fs-1' },
  appliquer: { fr: '1 pour appliquer le fichier ; sinon, essai à blanc.', example: '0' },
  nom: { fr: 'Nom du fichier, pour l’historique.', example: 'lieux-2024.csv' },
};

function parameters(schema: z.ZodType, where: 'query' | 'path') {
  const s = input(schema);
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    description: PARAM_TEXT[name]?.fr ?? name,
    schema: prop,
    ...(PARAM_TEXT[name]?.example ? { example: PARAM_TEXT[name]!.example } : {}),
  }));
}

const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), {
      description: { 400: 'Paramètre invalide', 401: 'Non connecté', 403: 'Hors de votre périmètre ou jeton CSRF absent', 404: 'Introuvable', 413: 'Fichier trop gros', 422: 'Fichier non importable', 429: 'Trop de requêtes (voir l’en-tête Retry-After)', 503: 'Données pas encore chargées' }[s],
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Erreur' } } },
    }]),
  );

const ok = (description: string, schema: object, type = 'application/json') => ({ '200': { description, content: { [type]: { schema } } } });

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

/** The OpenAPI 3.1 description of the API, built from the zod schemas the routes validate with. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'API Repères',
      version: '1.0.0',
      summary: 'Les lieux d’aide au numérique et aux démarches administratives en France.',
      description:
        'Lecture libre, sans jeton, depuis n’importe quel site (CORS). Les réponses portent un ETag et Cache-Control: public, max-age=60. ' +
        `Limite : ${DEFAULT_RATE_LIMIT} requêtes par minute et par adresse (réglable avec REPERES_RATE_LIMIT), au-delà une réponse 429 avec Retry-After. ` +
        'Les erreurs ont toujours la forme { code, message }, en français par défaut, en anglais avec ?lang=en.',
      license: { name: LICENCE, url: LICENCE_URL },
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/lieux': {
        get: {
          summary: 'Lister les lieux',
          description: 'Les lieux d’un rectangle, filtrés par services et types, par pages.',
          parameters: parameters(lieuxQuery, 'query'),
          responses: { ...ok('Une page de lieux', json(lieuxPage)), ...errors(400, 429, 503) },
        },
      },
      '/api/lieux/{id}': {
        get: {
          summary: 'Lire la fiche d’un lieu',
          parameters: parameters(lieuIdParam, 'path'),
          responses: { ...ok('La fiche complète, avec ses sources', json(lieuDetail)), ...errors(404, 429, 503) },
        },
      },
      '/api/services': {
        get: {
          summary: 'Services et types de lieux, avec leur nombre',
          parameters: parameters(servicesQuery, 'query'),
          responses: { ...ok('Les vocabulaires et les comptes du filtre', json(servicesBody)), ...errors(400, 429, 503) },
        },
      },
      '/api/clusters': {
        get: {
          summary: 'Regrouper les lieux pour la carte',
          parameters: parameters(clustersQuery, 'query'),
          responses: { ...ok('Des groupes de lieux', json(clustersBody)), ...errors(400, 429, 503) },
        },
      },
      '/api/communes': {
        get: {
          summary: 'Chercher une commune',
          parameters: parameters(communesQuery, 'query'),
          responses: { ...ok('Les communes trouvées', json(communesBody)), ...errors(400, 429, 503) },
        },
      },
      '/api/export': {
        get: {
          summary: 'Télécharger les lieux dans un format national',
          description:
            'lmn-csv : colonnes du schéma Lieux de médiation numérique v1.0.2, listes séparées par « | » ; la licence et la date sont dans les en-têtes Link (rel="license"), X-Licence et X-Date-Export. ' +
            'geojson : FeatureCollection avec un membre metadata (licence, date, sources). data-inclusion : { metadata, structures, services } au schéma data·inclusion v1. ' +
            'Mêmes filtres que /api/lieux. Le fichier est envoyé au fil de l’eau.',
          parameters: parameters(exportQuery, 'query'),
          responses: {
            '200': {
              description: 'Le fichier',
              content: { 'text/csv': { schema: { type: 'string' } }, 'application/geo+json': { schema: { type: 'object' } }, 'application/json': { schema: { type: 'object' } } },
            },
            ...errors(400, 429, 503),
          },
        },
      },
      '/api/imports': {
        post: {
          summary: 'Importer un fichier (coordinateurs)',
          description:
            'Session de coordinateur et en-tête X-CSRF-Token requis. Le corps de la requête est le fichier (LMN v1.0.2 ou v0 en CSV ou JSON, data·inclusion v1 en JSON, liste France Services en CSV), ' +
            `${MAX_UPLOAD_BYTES / 1024 / 1024} Mo au plus. Sans appliquer=1, rien n’est écrit : le rapport dit ce qui se passerait.`,
          parameters: parameters(importQuery, 'query'),
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
          responses: { ...ok('Le rapport, et ce qui a été appliqué', { type: 'object' }), ...errors(400, 401, 403, 413, 422) },
        },
      },
      '/api/health': {
        get: { summary: 'État du service', responses: { ...ok('Le service répond', json(healthBody)), ...errors(503) } },
      },
    },
    components: { schemas: { Erreur: json(errorBody) } },
  };
}
