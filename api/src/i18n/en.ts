import type { MessageKey } from './fr.ts';

/** Typed against fr.ts: a missing key is a compile error. */
export const en: Record<MessageKey, string> = {
  requete_invalide: 'The request is invalid.',
  bbox_invalide:
    'The bbox parameter must hold 4 comma-separated numbers: min longitude, min latitude, max longitude, max latitude (e.g. 2.2,48.8,2.4,48.9).',
  bbox_hors_limites:
    'The bbox parameter is out of range: longitudes go from -180 to 180, latitudes from -90 to 90, and each minimum must be below its maximum.',
  service_inconnu: 'Unknown service: {values}. See /api/services for the list of services.',
  type_inconnu: 'Unknown place type: {values}. See /api/services for the list of types.',
  limit_invalide: 'The limit parameter must be a whole number between 1 and {max}.',
  offset_invalide: 'The offset parameter must be a whole number, zero or more.',
  zoom_invalide: 'The zoom parameter must be a number between 0 and 22.',
  parametre_inconnu: 'Unknown parameter: {values}.',
  lieu_introuvable: 'No place matches the id “{id}”. It may have been removed.',
  route_introuvable: 'This address does not match any API resource.',
  indisponible: 'The data is not loaded yet. Run the import (pnpm data:import), then try again.',
  erreur_interne: 'Something unexpected went wrong. Please try again later (reference: {ref}).',
};
