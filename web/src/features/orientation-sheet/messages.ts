import { useI18n, type Lang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { entryEn, entryFr } from './entry-messages';

/**
 * Strings of the orientation sheet and the helpers' page. The sheet's own text follows the
 * language chosen for the sheet, the controls around it follow the interface.
 */
const fr = {
  // The button dropped into lists and panels, the header counter, the footer link.
  ...entryFr,

  // The controls around the sheet (interface language).
  pageTitle: 'Fiche d’orientation',
  documentTitle: 'Fiche d’orientation — Repères',
  backToMap: 'Retour à la carte des lieux',
  intro:
    'Préparez une fiche pour la personne que vous accompagnez : imprimez-la, ou donnez-lui le lien ou le QR code. Rien sur la personne n’est enregistré.',
  empty: 'La fiche est vide. Sur la carte ou dans la liste, choisissez « Ajouter à la fiche d’orientation » sur les lieux utiles.',
  selectionTitle: 'Lieux de la fiche',
  selectionHelp: (max: number) => `${max} lieux au plus. L’ordre de la liste est celui de la fiche.`,
  selectionFull: (max: number) => `La fiche est complète : ${max} lieux au plus. Retirez un lieu pour en ajouter un autre.`,
  up: 'Monter',
  down: 'Descendre',
  removeShort: 'Retirer',
  clear: 'Effacer la fiche',
  cleared: 'La fiche est effacée.',
  optionsTitle: 'Options',
  sheetLang: 'Langue de la fiche',
  largePrint: 'Gros caractères',
  noteLabel: 'Note pour la personne (facultatif)',
  noteHelp: 'Cette note n’est ni enregistrée ni envoyée : elle s’imprime seulement.',
  shareTitle: 'Imprimer ou partager',
  print: 'Imprimer la fiche',
  copyLink: 'Copier le lien',
  copied: 'Le lien est copié.',
  copyFailed: 'Copie impossible : sélectionnez le lien ci-dessous et copiez-le.',
  linkLabel: 'Lien vers la fiche',
  sms: 'Envoyer par SMS',
  email: 'Envoyer par e-mail',
  shareHelp: 'Le lien et le QR code ne contiennent que les lieux choisis, jamais la note.',
  helpersLink: 'Conseils pour les aidants',
  loading: 'Chargement des lieux…',
  notFound: (n: number, ids: string) =>
    n === 1 ? `1 lieu n’a pas été trouvé : ${ids}.` : `${n} lieux n’ont pas été trouvés : ${ids}.`,
  notFoundHelp: 'Ces lieux ont peut-être été retirés de la carte. Les autres sont affichés.',
  malformed: (ids: string) => `Ce lien contient des identifiants illisibles, ignorés : ${ids}.`,
  tooMany: (max: number, n: number) =>
    `Ce lien contient ${n} lieux. Une fiche en compte ${max} au plus : seuls les ${max} premiers sont affichés.`,
  loadError: 'Ce lieu n’a pas pu être chargé.',
  retry: 'Réessayer',

  // The sheet itself (sheet language).
  sheetHeading: 'Où aller pour être aidé',
  sheetIntro: 'Ces lieux peuvent vous aider. Pensez à appeler avant de vous déplacer.',
  note: 'Note',
  address: 'Adresse',
  approximate: 'Position approximative : vérifiez l’adresse par téléphone.',
  phone: 'Téléphone',
  hours: 'Horaires',
  hoursUnknown: 'Horaires non communiqués : appelez avant de venir.',
  services: 'Ce lieu peut vous aider pour',
  mapAlt: (name: string, town: string) => `Plan de situation de ${name}${town ? ', ' + town : ''}`,
  informationOf: (date: string) => `Informations du ${date}`,
  qrAlt: 'QR code : ouvre cette fiche sur un téléphone',
  qrCaption: 'Scannez ce code avec un téléphone pour retrouver cette fiche.',
  adviceTitle: 'Conseils pour vos démarches en ligne',
  advice: [
    'Sur un ordinateur partagé (médiathèque, espace public), déconnectez-vous de chaque site à la fin, puis fermez le navigateur.',
    'Ne laissez pas le navigateur retenir vos mots de passe sur un ordinateur qui n’est pas le vôtre.',
    'Choisissez un mot de passe long et différent pour chaque site important.',
    'Un vrai service public ne vous demande jamais votre mot de passe ni votre code bancaire par téléphone, SMS ou e-mail.',
    'Passez par les sites officiels ci-dessous plutôt que par un lien reçu dans un message.',
  ],
  adviceSources: 'Conseils de la CNIL :',
  cnilPasswords: 'Un bon mot de passe',
  cnilReflexes: 'Les bons réflexes de sécurité',
  officialSites: 'Sites officiels :',
  caf: 'CAF (allocations familiales)',
  ameli: 'Assurance Maladie (ameli)',
  francetravail: 'France Travail',
  impots: 'Impôts',
  ants: 'ANTS (papiers d’identité, permis, carte grise)',
  madeWith: 'Fiche préparée avec Repères.',

  // The helpers' page.
  helpersDocumentTitle: 'Pour les aidants — Repères',
  helpersIntro:
    'Vous accompagnez une personne dans ses démarches : bibliothécaire, aidant numérique, travailleur social, bénévole. Voici comment utiliser Repères avec elle, et où trouver les règles et les ressources officielles.',
  helpersSheetTitle: 'Préparer une fiche d’orientation',
  helpersSheetSteps: [
    'Sur la carte ou dans la liste, cherchez les lieux utiles près de chez la personne.',
    'Sur chaque lieu, choisissez « Ajouter à la fiche d’orientation » (6 lieux au plus).',
    'Ouvrez la fiche depuis le haut de la page : mettez les lieux dans l’ordre, choisissez la langue et, si besoin, les gros caractères.',
    'Ajoutez une note si vous voulez (un rendez-vous, un papier à apporter) : elle s’imprime mais n’est jamais enregistrée ni envoyée.',
    'Imprimez la fiche, ou donnez le lien : par QR code, SMS ou e-mail.',
    'Sur un ordinateur partagé, choisissez « Effacer la fiche » à la fin. Fermer le navigateur l’efface aussi.',
  ],
  helpersPrivacy:
    'Repères ne garde rien sur la personne : ni nom, ni note, ni liste des lieux sur un serveur. La liste des lieux reste seulement dans cet onglet du navigateur, jusqu’à sa fermeture.',
  openSheet: 'Ouvrir la fiche d’orientation',
  mandateTitle: 'Agir pour le compte d’une personne : le mandat',
  mandateText:
    'Si vous faites une démarche à la place de la personne, avec ses informations ou ses identifiants, son accord doit être clair et écrit. La CNIL propose un modèle de mandat pour encadrer cet accompagnement : il dit ce que vous faites, pourquoi, et comment la personne peut changer d’avis. Cherchez « modèle de mandat » ou « aidants numériques » sur le site de la CNIL.',
  cnilSite: 'Site de la CNIL (cnil.fr)',
  charterTitle: 'La Charte de l’aidant numérique',
  charterText:
    'Cette charte rappelle les règles de conduite des aidants : respecter le choix de la personne, l’aider à faire elle-même quand c’est possible, ne pas garder ses mots de passe ni ses papiers, et rester discret sur sa situation. Demandez-la à votre structure ou à votre réseau d’aidants.',
  aidantsConnectTitle: 'Aidants Connect',
  aidantsConnectText:
    'Aidants Connect est un service public qui permet à un aidant professionnel habilité de faire une démarche en ligne pour une personne, de façon sûre et légale, avec un mandat enregistré. L’aidant n’utilise jamais les identifiants de la personne.',
  aidantsConnectSite: 'Site d’Aidants Connect',
  aidantsConnectMap: 'Voir sur la carte les lieux habilités Aidants Connect',
  securityTitle: 'Ordinateurs publics et mots de passe',
  securityText:
    'Sur un poste partagé, aidez la personne à se déconnecter et à fermer le navigateur. Ne notez pas ses mots de passe. Apprenez-lui à reconnaître les faux messages. La CNIL donne des conseils simples :',
  resourcesTitle: 'Ressources gratuites pour former',
  resourcesText:
    'Les Bons Clics propose des fiches et des exercices gratuits, classés par niveau, pour aider une personne à devenir plus autonome sur internet.',
  resourcesSite: 'Les Bons Clics (lesbonsclics.fr)',
};

type Messages = typeof fr;

const en: Messages = {
  ...entryEn,

  pageTitle: 'Orientation sheet',
  documentTitle: 'Orientation sheet — Repères',
  backToMap: 'Back to the map of places',
  intro:
    'Prepare a sheet for the person you are helping: print it, or give them the link or the QR code. Nothing about the person is stored.',
  empty: 'The sheet is empty. On the map or in the list, choose “Add to the orientation sheet” on useful places.',
  selectionTitle: 'Places on the sheet',
  selectionHelp: (max) => `${max} places at most. The order of this list is the order on the sheet.`,
  selectionFull: (max) => `The sheet is full: ${max} places at most. Remove a place to add another.`,
  up: 'Move up',
  down: 'Move down',
  removeShort: 'Remove',
  clear: 'Clear the sheet',
  cleared: 'The sheet is cleared.',
  optionsTitle: 'Options',
  sheetLang: 'Language of the sheet',
  largePrint: 'Large print',
  noteLabel: 'Note for the person (optional)',
  noteHelp: 'This note is neither saved nor sent: it is only printed.',
  shareTitle: 'Print or share',
  print: 'Print the sheet',
  copyLink: 'Copy the link',
  copied: 'The link is copied.',
  copyFailed: 'Copying failed: select the link below and copy it.',
  linkLabel: 'Link to the sheet',
  sms: 'Send by text message',
  email: 'Send by email',
  shareHelp: 'The link and the QR code only hold the chosen places, never the note.',
  helpersLink: 'Advice for helpers',
  loading: 'Loading places…',
  notFound: (n, ids) => (n === 1 ? `1 place was not found: ${ids}.` : `${formatNumber(n, 'en')} places were not found: ${ids}.`),
  notFoundHelp: 'They may have been removed from the map. The other places are shown.',
  malformed: (ids) => `This link holds unreadable ids, ignored: ${ids}.`,
  tooMany: (max, n) => `This link holds ${n} places. A sheet holds ${max} at most: only the first ${max} are shown.`,
  loadError: 'This place could not be loaded.',
  retry: 'Try again',

  sheetHeading: 'Where to go for help',
  sheetIntro: 'These places can help you. Call before you go.',
  note: 'Note',
  address: 'Address',
  approximate: 'Approximate location: check the address by phone.',
  phone: 'Phone',
  hours: 'Opening hours',
  hoursUnknown: 'Opening hours not given: call before you go.',
  services: 'This place can help you with',
  mapAlt: (name, town) => `Location map of ${name}${town ? ', ' + town : ''}`,
  informationOf: (date) => `Information as of ${date}`,
  qrAlt: 'QR code: opens this sheet on a phone',
  qrCaption: 'Scan this code with a phone to find this sheet again.',
  adviceTitle: 'Advice for your online procedures',
  advice: [
    'On a shared computer (library, public space), log out of every site when you are done, then close the browser.',
    'Do not let the browser remember your passwords on a computer that is not yours.',
    'Choose a long password, different for each important site.',
    'A real public service never asks for your password or bank code by phone, text message or email.',
    'Go through the official sites below rather than a link received in a message.',
  ],
  adviceSources: 'CNIL advice (in French):',
  cnilPasswords: 'A good password',
  cnilReflexes: 'Good security habits',
  officialSites: 'Official sites:',
  caf: 'CAF (family benefits)',
  ameli: 'Health insurance (ameli)',
  francetravail: 'France Travail (jobs)',
  impots: 'Taxes',
  ants: 'ANTS (identity papers, driving licence, vehicle registration)',
  madeWith: 'Sheet prepared with Repères.',

  helpersDocumentTitle: 'For helpers — Repères',
  helpersIntro:
    'You help someone with their procedures: librarian, digital helper, social worker, volunteer. Here is how to use Repères with them, and where to find the official rules and resources.',
  helpersSheetTitle: 'Preparing an orientation sheet',
  helpersSheetSteps: [
    'On the map or in the list, look for useful places near where the person lives.',
    'On each place, choose “Add to the orientation sheet” (6 places at most).',
    'Open the sheet from the top of the page: put the places in order, choose the language and, if needed, large print.',
    'Add a note if you wish (an appointment, a paper to bring): it is printed but never saved or sent.',
    'Print the sheet, or give the link: by QR code, text message or email.',
    'On a shared computer, choose “Clear the sheet” at the end. Closing the browser clears it too.',
  ],
  helpersPrivacy:
    'Repères keeps nothing about the person: no name, no note, no list of places on a server. The list of places stays only in this browser tab, until it is closed.',
  openSheet: 'Open the orientation sheet',
  mandateTitle: 'Acting on behalf of someone: the mandate',
  mandateText:
    'If you carry out a procedure for the person, with their information or their login, their agreement must be clear and written. The CNIL offers a model mandate for this kind of help: it says what you do, why, and how the person can change their mind. Search for “modèle de mandat” or “aidants numériques” on the CNIL website.',
  cnilSite: 'CNIL website (cnil.fr, in French)',
  charterTitle: 'The digital helper’s charter (Charte de l’aidant numérique)',
  charterText:
    'This charter sets out how helpers behave: respect the person’s choices, help them do things themselves when possible, never keep their passwords or papers, and stay discreet about their situation. Ask your organisation or your network of helpers for it.',
  aidantsConnectTitle: 'Aidants Connect',
  aidantsConnectText:
    'Aidants Connect is a public service that lets an authorised professional helper carry out an online procedure for someone, safely and legally, with a registered mandate. The helper never uses the person’s login.',
  aidantsConnectSite: 'Aidants Connect website (in French)',
  aidantsConnectMap: 'See on the map the places authorised for Aidants Connect',
  securityTitle: 'Public computers and passwords',
  securityText:
    'On a shared computer, help the person log out and close the browser. Do not write down their passwords. Teach them to spot fake messages. The CNIL gives simple advice (in French):',
  resourcesTitle: 'Free training resources',
  resourcesText:
    'Les Bons Clics offers free guides and exercises, sorted by level, to help someone become more independent online (in French).',
  resourcesSite: 'Les Bons Clics (lesbonsclics.fr)',
};

export type SheetMessages = Messages;
export const SHEET_MESSAGES: Record<Lang, SheetMessages> = { fr, en };

/** Messages in the interface language. */
export function useSheetMessages(): SheetMessages {
  return SHEET_MESSAGES[useI18n().lang];
}
