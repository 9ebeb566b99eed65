import { formatNumber } from '../lib/format';

const n = (x: number) => formatNumber(x, 'fr');

/** Source of truth for every string of the interface; en.ts must mirror its keys. */
const fr = {
  documentTitle: 'Repères — lieux d’aide au numérique et aux démarches',
  notFoundTitle: 'Page introuvable',
  notFoundText: 'Cette page n’existe pas, ou plus. L’adresse a peut-être été mal copiée.',
  notFoundBackHome: 'Revenir à la carte des lieux',
  siteName: 'Repères',
  tagline: 'Trouver un lieu où l’on vous aide avec le numérique et les démarches administratives',

  skipLinks: 'Accès rapide',
  skipToList: 'Aller à la liste des lieux',
  skipToFilters: 'Aller aux filtres',

  switchLanguage: 'English',

  goTo: 'Aller à',
  goToSubmit: 'Afficher',
  territories: {
    mainland: 'Métropole',
    guadeloupe: 'Guadeloupe',
    martinique: 'Martinique',
    guyane: 'Guyane',
    reunion: 'La Réunion',
    mayotte: 'Mayotte',
  },

  filtersTitle: 'Filtres',
  showFilters: 'Afficher les filtres',
  hideFilters: 'Masquer les filtres',
  activeFilters: (x: number) => (x === 0 ? '' : x === 1 ? '1 filtre actif' : `${n(x)} filtres actifs`),
  filtersHelp: 'La liste et la carte se mettent à jour dès que vous cochez une case.',
  filtersLoading: 'Chargement des filtres…',
  axisNumerique: 'Aide au numérique',
  axisDemarches: 'Démarches administratives',
  axisTypes: 'Type de lieu',
  axisLabels: 'Labels',
  placeCount: (x: number) => (x <= 1 ? `${n(x)} lieu` : `${n(x)} lieux`),
  resetFilters: 'Réinitialiser les filtres',

  listLoading: 'Recherche des lieux…',
  listUnavailable: 'Liste des lieux indisponible',
  placesInArea: (x: number) =>
    x === 0 ? 'Aucun lieu dans cette zone' : x === 1 ? '1 lieu dans cette zone' : `${n(x)} lieux dans cette zone`,
  placesShown: (shown: number, total: number) =>
    `${n(shown)} affichés sur ${n(total)}, du plus proche au plus éloigné du centre de la carte.`,
  noPlacesHint: 'Déplacez la carte, dézoomez ou retirez des filtres pour voir d’autres lieux.',
  listUpdating: 'Mise à jour…',
  showMore: 'Afficher plus de lieux',
  approximateLocation: 'position approximative',

  mapTitle: 'Carte des lieux',
  mapHelp:
    'Flèches du clavier : déplacer la carte. Touches + et − : zoomer. La liste des lieux donne les mêmes résultats.',
  mapLoading: 'Chargement de la carte…',
  mapUnavailable: 'La carte ne peut pas s’afficher sur cet appareil. La liste des lieux reste disponible.',
  mapPlacesError: 'Les lieux n’ont pas pu être placés sur la carte.',
  mapLabels: {
    'Map.Title': 'Carte des lieux',
    'NavigationControl.ZoomIn': 'Zoomer',
    'NavigationControl.ZoomOut': 'Dézoomer',
    'NavigationControl.ResetBearing': 'Remettre le nord en haut',
    'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources de la carte',
    'CooperativeGesturesHandler.WindowsHelpText': 'Pour zoomer, utilisez Ctrl + la molette',
    'CooperativeGesturesHandler.MacHelpText': 'Pour zoomer, utilisez ⌘ + la molette',
    'CooperativeGesturesHandler.MobileHelpText': 'Pour déplacer la carte, utilisez deux doigts',
  } as Record<string, string>,

  detailLoading: 'Chargement de la fiche du lieu…',
  detailUnavailable: 'Fiche du lieu indisponible',
  close: 'Fermer',
  address: 'Adresse',
  approximateLocationCommune: 'Position approximative (centre de la commune)',
  openingHours: 'Horaires',
  openingHoursUnknown: 'Horaires non renseignés. Appelez avant de vous déplacer.',
  contact: 'Contact',
  phone: 'Téléphone',
  email: 'Courriel',
  website: 'Site internet',
  servicesOffered: 'Services proposés',
  placeType: 'Type de lieu',
  labels: 'Labels et dispositifs',
  sources: 'Sources',
  sourceDated: (date: string) => `Informations du ${date}, source : `,
  sourceUndated: 'Source : ',
  licence: (l: string) => ` (licence : ${l})`,
  updatedOn: (date: string) => `Fiche mise à jour le ${date}.`,

  errorTitle: 'Un problème est survenu',
  networkError: 'Le service ne répond pas. Vérifiez votre connexion à internet, puis réessayez.',
  unexpectedError: 'Le service a renvoyé une réponse inattendue. Réessayez dans quelques minutes.',
  retry: 'Réessayer',
};

export type Messages = typeof fr;

export default fr;
