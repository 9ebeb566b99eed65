import type { Motif } from '@reperes/api/contract/coordination.ts';

/** The public "Signaler une erreur" form and the freshness line; `en` must have exactly fr's keys. */
const fr = {
  reportButton: 'Signaler une erreur',
  reportTitle: 'Signaler une erreur',
  reportIntro: 'Une information est fausse ? Dites-le à l’équipe qui tient cette fiche à jour.',
  motifLegend: 'Qu’est-ce qui est faux ?',
  motifs: {
    'ferme-definitivement': 'Le lieu a fermé définitivement',
    horaires: 'Les horaires sont faux',
    telephone: 'Le téléphone est faux',
    adresse: 'L’adresse est fausse',
    services: 'Les services sont faux',
    autre: 'Autre chose',
  } satisfies Record<Motif, string>,
  motifRequired: 'Choisissez ce qui est faux.',
  comment: 'Précisez si vous le souhaitez',
  commentHint: 'N’écrivez pas d’informations personnelles.',
  trapLabel: 'Ne remplissez pas ce champ',
  send: 'Envoyer le signalement',
  sending: 'Envoi…',
  cancel: 'Annuler',
  thanks: 'Merci, votre signalement a été transmis.',
  errorPrefix: 'Erreur :',
  verifiedOn: (date: string) => `Vérifié le ${date}`,
  maybeOutdated: (year: string) => `Informations de ${year}, peut-être dépassées`,
};

export type ReportMessages = typeof fr;

const en: ReportMessages = {
  reportButton: 'Report a mistake',
  reportTitle: 'Report a mistake',
  reportIntro: 'Is something wrong? Tell the team who keeps this page up to date.',
  motifLegend: 'What is wrong?',
  motifs: {
    'ferme-definitivement': 'The place has closed for good',
    horaires: 'The opening hours are wrong',
    telephone: 'The phone number is wrong',
    adresse: 'The address is wrong',
    services: 'The services are wrong',
    autre: 'Something else',
  },
  motifRequired: 'Choose what is wrong.',
  comment: 'Give details if you wish',
  commentHint: 'Do not write any personal information.',
  trapLabel: 'Do not fill in this field',
  send: 'Send the report',
  sending: 'Sending…',
  cancel: 'Cancel',
  thanks: 'Thank you, your report has been sent.',
  errorPrefix: 'Error:',
  verifiedOn: (date) => `Checked on ${date}`,
  maybeOutdated: (year) => `Information from ${year}, may be out of date`,
};

export const reportMessages = { fr, en };
