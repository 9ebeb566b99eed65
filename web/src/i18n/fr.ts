import { nombre } from '../lib/format';

const n = (x: number) => nombre(x, 'fr');

/** Source of truth for every string of the interface; en.ts must mirror its keys. */
const fr = {
  titreDocument: 'Repères — lieux d’aide au numérique et aux démarches',
  nomSite: 'Repères',
  slogan: 'Trouver un lieu où l’on vous aide avec le numérique et les démarches administratives',

  liensEvitement: 'Accès rapide',
  allerListe: 'Aller à la liste des lieux',
  allerFiltres: 'Aller aux filtres',

  changerLangue: 'English',

  allerA: 'Aller à',
  allerAValider: 'Afficher',
  territoires: {
    metropole: 'Métropole',
    guadeloupe: 'Guadeloupe',
    martinique: 'Martinique',
    guyane: 'Guyane',
    reunion: 'La Réunion',
    mayotte: 'Mayotte',
  },

  filtresTitre: 'Filtres',
  filtresAfficher: 'Afficher les filtres',
  filtresMasquer: 'Masquer les filtres',
  filtresActifs: (x: number) => (x === 0 ? '' : x === 1 ? '1 filtre actif' : `${n(x)} filtres actifs`),
  filtresAide: 'La liste et la carte se mettent à jour dès que vous cochez une case.',
  filtresChargement: 'Chargement des filtres…',
  axeNumerique: 'Aide au numérique',
  axeDemarches: 'Démarches administratives',
  axeTypes: 'Type de lieu',
  nombreDeLieux: (x: number) => (x <= 1 ? `${n(x)} lieu` : `${n(x)} lieux`),
  reinitialiserFiltres: 'Réinitialiser les filtres',

  listeChargement: 'Recherche des lieux…',
  listeIndisponible: 'Liste des lieux indisponible',
  lieuxDansZone: (x: number) =>
    x === 0 ? 'Aucun lieu dans cette zone' : x === 1 ? '1 lieu dans cette zone' : `${n(x)} lieux dans cette zone`,
  lieuxAffiches: (affiches: number, total: number) =>
    `${n(affiches)} affichés sur ${n(total)}, du plus proche au plus éloigné du centre de la carte.`,
  aucunLieuConseil: 'Déplacez la carte, dézoomez ou retirez des filtres pour voir d’autres lieux.',
  listeMiseAJour: 'Mise à jour…',
  afficherPlus: 'Afficher plus de lieux',
  positionApproximative: 'position approximative',

  carteTitre: 'Carte des lieux',
  carteAide:
    'Flèches du clavier : déplacer la carte. Touches + et − : zoomer. La liste des lieux donne les mêmes résultats.',
  carteChargement: 'Chargement de la carte…',
  carteIndisponible: 'La carte ne peut pas s’afficher sur cet appareil. La liste des lieux reste disponible.',
  carteErreurLieux: 'Les lieux n’ont pas pu être placés sur la carte.',
  carteLibelles: {
    'Map.Title': 'Carte des lieux',
    'NavigationControl.ZoomIn': 'Zoomer',
    'NavigationControl.ZoomOut': 'Dézoomer',
    'NavigationControl.ResetBearing': 'Remettre le nord en haut',
    'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources de la carte',
    'CooperativeGesturesHandler.WindowsHelpText': 'Pour zoomer, utilisez Ctrl + la molette',
    'CooperativeGesturesHandler.MacHelpText': 'Pour zoomer, utilisez ⌘ + la molette',
    'CooperativeGesturesHandler.MobileHelpText': 'Pour déplacer la carte, utilisez deux doigts',
  } as Record<string, string>,

  ficheChargement: 'Chargement de la fiche du lieu…',
  ficheIndisponible: 'Fiche du lieu indisponible',
  fermer: 'Fermer',
  adresse: 'Adresse',
  positionApproximativeCommune: 'Position approximative (centre de la commune)',
  horaires: 'Horaires',
  horairesInconnus: 'Horaires non renseignés. Appelez avant de vous déplacer.',
  contact: 'Contact',
  telephone: 'Téléphone',
  courriel: 'Courriel',
  siteWeb: 'Site internet',
  servicesProposes: 'Services proposés',
  typesDeLieu: 'Type de lieu',
  labels: 'Labels et dispositifs',
  sources: 'Sources',
  sourceDatee: (date: string) => `Informations du ${date}, source : `,
  sourceSansDate: 'Source : ',
  licence: (l: string) => ` (licence : ${l})`,
  miseAJour: (date: string) => `Fiche mise à jour le ${date}.`,

  erreurTitre: 'Un problème est survenu',
  erreurReseau: 'Le service ne répond pas. Vérifiez votre connexion à internet, puis réessayez.',
  erreurInattendue: 'Le service a renvoyé une réponse inattendue. Réessayez dans quelques minutes.',
  reessayer: 'Réessayer',
};

export type Messages = typeof fr;

export default fr;
