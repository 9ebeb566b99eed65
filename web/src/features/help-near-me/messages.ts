import { useI18n } from '../../i18n';
import { formatNumber } from '../../lib/format';

const n = (x: number) => formatNumber(x, 'fr');

/** Strings of the "find help near me" journey: French is the source of truth, English must match. */
const fr = {
  // Search by place
  searchLabel: 'Chercher une commune, un code postal ou un lieu',
  searchHint: 'Par exemple : Bobigny, 42000, médiathèque.',
  searchSubmit: 'Chercher',
  suggestionsCommunes: 'Communes',
  suggestionsPlaces: 'Lieux',
  suggestionCount: (x: number) =>
    x === 0 ? 'Aucune suggestion.' : x === 1 ? '1 suggestion. Flèches haut et bas pour choisir.' : `${n(x)} suggestions. Flèches haut et bas pour choisir.`,
  searchTooShort: 'Tapez au moins 2 lettres ou chiffres.',
  searchNothing: 'Aucune commune ni aucun lieu ne correspond. Vérifiez l’orthographe.',
  searchFailed: 'La recherche ne répond pas. Vérifiez votre connexion, puis réessayez.',
  communeOption: (nom: string, dep: string) => `${nom} (${dep})`,

  // Near me
  nearMe: 'Autour de moi',
  nearMeLocating: 'Recherche de votre position…',
  nearMeDenied: 'Vous avez refusé la localisation. Vous pouvez chercher une commune à la place.',
  nearMeUnavailable: 'Votre position n’est pas disponible sur cet appareil. Vous pouvez chercher une commune à la place.',
  nearMeTimeout: 'Votre position n’a pas été trouvée à temps. Réessayez, ou cherchez une commune.',
  nearMePrivacy: 'Votre position sert seulement à trier la liste. Elle n’est pas enregistrée.',
  nearMeStop: 'Ne plus trier par distance',
  placesNearYou: 'Lieux autour de vous, du plus proche au plus loin',
  nothingClose: (km: number) => `Aucun lieu à moins de ${km} km ; voici les plus proches.`,
  fewClose: (km: number, close: number) =>
    close === 1 ? `Un seul lieu à moins de ${km} km ; les suivants sont plus loin.` : `Seulement ${n(close)} lieux à moins de ${km} km ; les suivants sont plus loin.`,
  /** Instead of a distance, for a place known only by its commune: its point is the commune's centre. */
  inCommune: (commune: string) => `dans la commune de ${commune}`,
  /** A network renamed since its sources were written (Pôle emploi → France Travail). */
  formerName: (name: string) => `Anciennement : ${name}`,

  // Opening filters and status
  openingLegend: 'Horaires',
  openAny: 'Peu importe',
  openNow: 'Ouvert maintenant',
  openSaturday: 'Ouvert le samedi',
  withoutHours: (x: number) =>
    x === 1 ? '1 lieu sans horaires connus n’est pas affiché.' : `${n(x)} lieux sans horaires connus ne sont pas affichés.`,

  // Needs
  needsTitle: 'De quoi avez-vous besoin ?',
  needsIntro: 'Choisissez une réponse. Nous vous montrons les lieux qui peuvent vous aider.',
  needs: {
    demarche: 'Faire une démarche : CAF, santé, emploi, impôts, papiers…',
    apprendre: 'Apprendre à me servir d’un ordinateur ou d’un téléphone',
    acces: 'Avoir accès à un ordinateur ou à internet',
    materiel: 'Acheter un ordinateur pas cher',
    autre: 'Être aidé pour une démarche précise…',
  },
  whichDemarcheTitle: 'Quelle démarche ?',
  demarches: {
    famille: 'CAF, famille, allocations',
    sante: 'Santé, Sécurité sociale',
    emploi: 'Emploi, chômage',
    retraite: 'Retraite',
    impots: 'Impôts',
    papiers: 'Papiers, carte grise, permis',
    droits: 'Justice, droits',
    logement: 'Logement',
    jeunesse: 'Jeunes, orientation',
  },
  whereTitle: 'Où cherchez-vous ?',
  whereIntro: 'Tapez le nom de votre commune, ou utilisez votre position.',
  back: 'Retour',
  needsSkip: 'Voir tous les lieux sur la carte',
  needChosen: (label: string) => `Vous cherchez : ${label}`,

  // Place page
  placeNotFoundTitle: 'Lieu introuvable',
  placeNotFoundText: 'Ce lieu n’existe pas, ou n’est plus dans Repères. Le lien a peut-être été mal copié.',
  backToMap: 'Revenir à la carte des lieux',
  seeFullPage: 'Voir la fiche complète',
  hoursCaption: 'Horaires des 7 prochains jours',
  day: 'Jour',
  hours: 'Heures',
  gettingThere: 'Comment y aller',
  openInMaps: 'Ouvrir dans mon application de cartes',
  whatTheyOffer: 'Ce que le lieu propose',
  openingNow: 'En ce moment :',

  mapSlowConnection: 'Connexion lente : la carte n’est pas chargée, pour que la liste arrive plus vite.',
  listAwaitsChoice: 'Choisissez une commune dans les suggestions. Ses lieux s’afficheront ici.',
  showMap: 'Afficher la carte',
  offlineResults: (day: string, time: string) => `Résultats enregistrés le ${day} à ${time} — vous êtes hors ligne.`,

  // Accessibility statement and footer
  footerTitle: 'Informations sur le site',
  accessibilityLink: 'Accessibilité : partiellement conforme',
};

export type HelpMessages = typeof fr;

const en: HelpMessages = {
  searchLabel: 'Search a town, a postcode or a place',
  searchHint: 'For example: Bobigny, 42000, library.',
  searchSubmit: 'Search',
  suggestionsCommunes: 'Towns',
  suggestionsPlaces: 'Places',
  suggestionCount: (x) =>
    x === 0 ? 'No suggestions.' : x === 1 ? '1 suggestion. Use up and down arrows to choose.' : `${x} suggestions. Use up and down arrows to choose.`,
  searchTooShort: 'Type at least 2 letters or digits.',
  searchNothing: 'No town or place matches. Check the spelling.',
  searchFailed: 'Search is not answering. Check your connection, then try again.',
  communeOption: (nom, dep) => `${nom} (${dep})`,

  nearMe: 'Near me',
  nearMeLocating: 'Finding your position…',
  nearMeDenied: 'You refused location access. You can search for a town instead.',
  nearMeUnavailable: 'Your position is not available on this device. You can search for a town instead.',
  nearMeTimeout: 'Your position was not found in time. Try again, or search for a town.',
  nearMePrivacy: 'Your position is only used to sort the list. It is not stored.',
  nearMeStop: 'Stop sorting by distance',
  placesNearYou: 'Places near you, nearest first',
  nothingClose: (km) => `No places within ${km} km; here are the nearest.`,
  fewClose: (km, close) =>
    close === 1 ? `Only one place within ${km} km; the next ones are further away.` : `Only ${close} places within ${km} km; the next ones are further away.`,
  inCommune: (commune) => `in ${commune}`,
  formerName: (name) => `Formerly: ${name}`,

  openingLegend: 'Opening hours',
  openAny: 'Any time',
  openNow: 'Open now',
  openSaturday: 'Open on Saturdays',
  withoutHours: (x) => (x === 1 ? '1 place with unknown hours is not shown.' : `${x} places with unknown hours are not shown.`),

  needsTitle: 'What do you need?',
  needsIntro: 'Choose an answer. We show you the places that can help.',
  needs: {
    demarche: 'Do a formality: family benefits, health, jobs, taxes, ID papers…',
    apprendre: 'Learn to use a computer or a phone',
    acces: 'Use a computer or the internet',
    materiel: 'Buy a cheap computer',
    autre: 'Get help with a specific formality…',
  },
  whichDemarcheTitle: 'Which formality?',
  demarches: {
    famille: 'Family benefits (CAF)',
    sante: 'Health, social security',
    emploi: 'Jobs, unemployment',
    retraite: 'Retirement',
    impots: 'Taxes',
    papiers: 'ID papers, vehicle, driving licence',
    droits: 'Justice, rights',
    logement: 'Housing',
    jeunesse: 'Young people, guidance',
  },
  whereTitle: 'Where are you looking?',
  whereIntro: 'Type the name of your town, or use your position.',
  back: 'Back',
  needsSkip: 'See all places on the map',
  needChosen: (label) => `You are looking for: ${label}`,

  placeNotFoundTitle: 'Place not found',
  placeNotFoundText: 'This place does not exist, or is no longer in Repères. The link may have been copied wrongly.',
  backToMap: 'Back to the map of places',
  seeFullPage: 'See the full page',
  hoursCaption: 'Opening hours for the next 7 days',
  day: 'Day',
  hours: 'Hours',
  gettingThere: 'Getting there',
  openInMaps: 'Open in my maps app',
  whatTheyOffer: 'What the place offers',
  openingNow: 'Right now:',

  mapSlowConnection: 'Slow connection: the map is not loaded, so that the list comes faster.',
  listAwaitsChoice: 'Choose a town from the suggestions. Its places will show here.',
  showMap: 'Show the map',
  offlineResults: (day, time) => `Results saved on ${day} at ${time} — you are offline.`,

  footerTitle: 'About this site',
  accessibilityLink: 'Accessibility: partially compliant',
};

const MESSAGES = { fr, en };

export function useHelpMessages(): HelpMessages {
  return MESSAGES[useI18n().lang];
}
