import { useI18n } from '../../i18n';

/**
 * The few sheet strings the map page shows (the button in lists and panels, the header counter,
 * the footer link), apart from the sheet's own page: they travel with the first screen, the rest
 * only when the sheet or the helpers' page is opened.
 */
export const entryFr = {
  add: 'Ajouter à la fiche d’orientation',
  remove: 'Retirer de la fiche',
  full: (max: number) => `Fiche complète (${max} lieux au plus)`,
  counter: (x: number) => `Fiche d’orientation (${x})`,
  helpersTitle: 'Pour les aidants',
};

export type EntryMessages = typeof entryFr;

export const entryEn: EntryMessages = {
  add: 'Add to the orientation sheet',
  remove: 'Remove from the sheet',
  full: (max) => `Sheet full (${max} places at most)`,
  counter: (x) => `Orientation sheet (${x})`,
  helpersTitle: 'For helpers',
};

const MESSAGES = { fr: entryFr, en: entryEn };

export function useEntryMessages(): EntryMessages {
  return MESSAGES[useI18n().lang];
}
