import { formatNumber } from '../lib/format';
import type { Messages } from './fr';

const n = (x: number) => formatNumber(x, 'en');

const en: Messages = {
  documentTitle: 'Repères — places offering help with digital tools and paperwork',
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist, or no longer does. The address may have been copied wrongly.',
  notFoundBackHome: 'Back to the map of places',
  siteName: 'Repères',
  tagline: 'Find a place where people help you with digital tools and official paperwork',

  skipLinks: 'Quick access',
  skipToList: 'Skip to the list of places',
  skipToFilters: 'Skip to the filters',

  switchLanguage: 'Français',

  goTo: 'Go to',
  goToSubmit: 'Show',
  territories: {
    mainland: 'Mainland France',
    guadeloupe: 'Guadeloupe',
    martinique: 'Martinique',
    guyane: 'French Guiana',
    reunion: 'Réunion',
    mayotte: 'Mayotte',
  },

  filtersTitle: 'Filters',
  showFilters: 'Show filters',
  hideFilters: 'Hide filters',
  activeFilters: (x: number) => (x === 0 ? '' : x === 1 ? '1 active filter' : `${n(x)} active filters`),
  filtersHelp: 'The list and the map update as soon as you tick a box.',
  filtersLoading: 'Loading filters…',
  axisNumerique: 'Help with digital tools',
  axisDemarches: 'Official paperwork',
  axisTypes: 'Type of place',
  axisLabels: 'Labels',
  placeCount: (x: number) => (x === 1 ? '1 place' : `${n(x)} places`),
  resetFilters: 'Reset filters',

  listLoading: 'Looking for places…',
  listUnavailable: 'List of places unavailable',
  placesInArea: (x: number) =>
    x === 0 ? 'No places in this area' : x === 1 ? '1 place in this area' : `${n(x)} places in this area`,
  placesShown: (shown: number, total: number) =>
    `${n(shown)} shown out of ${n(total)}, nearest to the centre of the map first.`,
  noPlacesHint: 'Move the map, zoom out or remove filters to see other places.',
  listUpdating: 'Updating…',
  showMore: 'Show more places',
  approximateLocation: 'approximate location',

  mapTitle: 'Map of places',
  mapHelp: 'Arrow keys: move the map. + and − keys: zoom. The list of places gives the same results.',
  mapLoading: 'Loading the map…',
  mapUnavailable: 'The map cannot be shown on this device. The list of places is still available.',
  mapPlacesError: 'The places could not be shown on the map.',
  mapLabels: {
    'Map.Title': 'Map of places',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset north',
    'AttributionControl.ToggleAttribution': 'Show or hide map credits',
    'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
    'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
    'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
  },

  detailLoading: 'Loading the place’s details…',
  detailUnavailable: 'Place details unavailable',
  close: 'Close',
  address: 'Address',
  approximateLocationCommune: 'Approximate location (centre of the town)',
  openingHours: 'Opening hours',
  openingHoursUnknown: 'Opening hours not given. Call before you go.',
  contact: 'Contact',
  phone: 'Phone',
  email: 'Email',
  website: 'Website',
  servicesOffered: 'Services offered',
  placeType: 'Type of place',
  labels: 'Labels and schemes',
  sources: 'Sources',
  sourceDated: (date: string) => `Information dated ${date}, source: `,
  sourceUndated: 'Source: ',
  licence: (l: string) => ` (licence: ${l})`,
  updatedOn: (date: string) => `Details updated on ${date}.`,

  errorTitle: 'Something went wrong',
  networkError: 'The service is not answering. Check your internet connection, then try again.',
  unexpectedError: 'The service sent an unexpected answer. Try again in a few minutes.',
  retry: 'Try again',
};

export default en;
