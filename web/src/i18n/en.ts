import { nombre } from '../lib/format';
import type { Messages } from './fr';

const n = (x: number) => nombre(x, 'en');

const en: Messages = {
  titreDocument: 'Repères — places offering help with digital tools and paperwork',
  nomSite: 'Repères',
  slogan: 'Find a place where people help you with digital tools and official paperwork',

  liensEvitement: 'Quick access',
  allerListe: 'Skip to the list of places',
  allerFiltres: 'Skip to the filters',

  changerLangue: 'Français',

  allerA: 'Go to',
  allerAValider: 'Show',
  territoires: {
    metropole: 'Mainland France',
    guadeloupe: 'Guadeloupe',
    martinique: 'Martinique',
    guyane: 'French Guiana',
    reunion: 'Réunion',
    mayotte: 'Mayotte',
  },

  filtresTitre: 'Filters',
  filtresAfficher: 'Show filters',
  filtresMasquer: 'Hide filters',
  filtresActifs: (x: number) => (x === 0 ? '' : x === 1 ? '1 active filter' : `${n(x)} active filters`),
  filtresAide: 'The list and the map update as soon as you tick a box.',
  filtresChargement: 'Loading filters…',
  axeNumerique: 'Help with digital tools',
  axeDemarches: 'Official paperwork',
  axeTypes: 'Type of place',
  nombreDeLieux: (x: number) => (x === 1 ? '1 place' : `${n(x)} places`),
  reinitialiserFiltres: 'Reset filters',

  listeChargement: 'Looking for places…',
  listeIndisponible: 'List of places unavailable',
  lieuxDansZone: (x: number) =>
    x === 0 ? 'No places in this area' : x === 1 ? '1 place in this area' : `${n(x)} places in this area`,
  lieuxAffiches: (affiches: number, total: number) =>
    `${n(affiches)} shown out of ${n(total)}, nearest to the centre of the map first.`,
  aucunLieuConseil: 'Move the map, zoom out or remove filters to see other places.',
  listeMiseAJour: 'Updating…',
  afficherPlus: 'Show more places',
  positionApproximative: 'approximate location',

  carteTitre: 'Map of places',
  carteAide: 'Arrow keys: move the map. + and − keys: zoom. The list of places gives the same results.',
  carteChargement: 'Loading the map…',
  carteIndisponible: 'The map cannot be shown on this device. The list of places is still available.',
  carteErreurLieux: 'The places could not be shown on the map.',
  carteLibelles: {
    'Map.Title': 'Map of places',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset north',
    'AttributionControl.ToggleAttribution': 'Show or hide map credits',
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
  },

  ficheChargement: 'Loading the place’s details…',
  ficheIndisponible: 'Place details unavailable',
  fermer: 'Close',
  adresse: 'Address',
  positionApproximativeCommune: 'Approximate location (centre of the town)',
  horaires: 'Opening hours',
  horairesInconnus: 'Opening hours not given. Call before you go.',
  contact: 'Contact',
  telephone: 'Phone',
  courriel: 'Email',
  siteWeb: 'Website',
  servicesProposes: 'Services offered',
  typesDeLieu: 'Type of place',
  labels: 'Labels and schemes',
  sources: 'Sources',
  sourceDatee: (date: string) => `Information dated ${date}, source: `,
  sourceSansDate: 'Source: ',
  licence: (l: string) => ` (licence: ${l})`,
  miseAJour: (date: string) => `Details updated on ${date}.`,

  erreurTitre: 'Something went wrong',
  erreurReseau: 'The service is not answering. Check your internet connection, then try again.',
  erreurInattendue: 'The service sent an unexpected answer. Try again in a few minutes.',
  reessayer: 'Try again',
};

export default en;
