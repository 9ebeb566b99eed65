/** API messages, French first: this file is the source of truth for keys. */
export const fr = {
  requete_invalide: 'La requête est invalide.',
  bbox_invalide:
    'Le paramètre bbox doit contenir 4 nombres séparés par des virgules : longitude min, latitude min, longitude max, latitude max (par exemple 2.2,48.8,2.4,48.9).',
  bbox_hors_limites:
    'Le paramètre bbox sort des limites : les longitudes vont de -180 à 180, les latitudes de -90 à 90, et le minimum doit être inférieur au maximum.',
  service_inconnu: 'Service inconnu : {values}. Consultez /api/services pour la liste des services.',
  type_inconnu: 'Type de lieu inconnu : {values}. Consultez /api/services pour la liste des types.',
  limit_invalide: 'Le paramètre limit doit être un nombre entier entre 1 et {max}.',
  offset_invalide: 'Le paramètre offset doit être un nombre entier positif ou nul.',
  zoom_invalide: 'Le paramètre zoom doit être un nombre entre 0 et 22.',
  parametre_inconnu: 'Paramètre inconnu : {values}.',
  lieu_introuvable: 'Aucun lieu ne correspond à l’identifiant « {id} ». Il a peut-être été retiré.',
  route_introuvable: 'Cette adresse ne correspond à aucune ressource de l’API.',
  indisponible: 'Les données ne sont pas encore chargées. Lancez l’import (pnpm data:import), puis réessayez.',
  erreur_interne: 'Une erreur inattendue est survenue. Réessayez plus tard (référence : {ref}).',
} as const;

export type MessageKey = keyof typeof fr;
