import { useI18n } from '../../i18n';

/** Words of the import page, French first; `en` must have exactly the same keys. */
export const fr = {
  title: 'Importer un fichier',
  intro: 'Déposez un fichier de lieux. Repères le vérifie d’abord : rien n’est modifié tant que vous n’avez pas appliqué l’import.',
  formats: 'Formats acceptés : Lieux de médiation numérique (v1.0.2 ou v0, en CSV ou JSON), data·inclusion v1 (JSON), liste France Services (CSV). 60 Mo au plus.',
  file: 'Fichier à importer',
  check: 'Vérifier le fichier',
  checking: 'Vérification en cours…',
  apply: 'Appliquer l’import',
  applying: 'Import en cours…',
  report: 'Rapport de vérification',
  rows: '{rows} lignes lues, {valid} valides.',
  errors: 'Erreurs à corriger ({count})',
  warnings: 'Avertissements ({count})',
  created: 'Nouveaux lieux ({count})',
  updated: 'Lieux modifiés ({count})',
  unchanged: 'Lieux inchangés : {count}.',
  outOfScope: 'Hors de votre périmètre, refusés ({count})',
  unknownColumns: 'Colonnes inconnues, ignorées : {columns}.',
  more: '… et {count} autres.',
  ready: 'Toutes les lignes peuvent être importées.',
  notReady: 'Des lignes ne peuvent pas être importées. Corrigez le fichier, puis vérifiez-le de nouveau.',
  done: 'Import appliqué : {created} lieux créés, {updated} lieux modifiés.',
  seeMap: 'Voir les lieux sur la carte',
  seeHistory: 'Retour à l’espace coordination',
  loading: 'Chargement…',
  chooseFile: 'Choisissez d’abord un fichier.',
  network: 'Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.',
};

export const en: Record<keyof typeof fr, string> = {
  title: 'Import a file',
  intro: 'Drop a file of places. Repères checks it first: nothing changes until you apply the import.',
  formats: 'Accepted formats: Lieux de médiation numérique (v1.0.2 or v0, CSV or JSON), data·inclusion v1 (JSON), France Services list (CSV). 60 MB at most.',
  file: 'File to import',
  check: 'Check the file',
  checking: 'Checking…',
  apply: 'Apply the import',
  applying: 'Importing…',
  report: 'Check report',
  rows: '{rows} rows read, {valid} valid.',
  errors: 'Errors to fix ({count})',
  warnings: 'Warnings ({count})',
  created: 'New places ({count})',
  updated: 'Updated places ({count})',
  unchanged: 'Unchanged places: {count}.',
  outOfScope: 'Outside your scope, refused ({count})',
  unknownColumns: 'Unknown columns, ignored: {columns}.',
  more: '… and {count} more.',
  ready: 'Every row can be imported.',
  notReady: 'Some rows cannot be imported. Fix the file, then check it again.',
  done: 'Import applied: {created} places created, {updated} places updated.',
  seeMap: 'See the places on the map',
  seeHistory: 'Back to the coordination area',
  loading: 'Loading…',
  chooseFile: 'Choose a file first.',
  network: 'The server does not answer. Check your connection, then try again.',
};

export type ImportMessageKey = keyof typeof fr;

export function useImportMessages() {
  const { lang } = useI18n();
  const m = lang === 'en' ? en : fr;
  const f = (key: ImportMessageKey, params: Record<string, string | number> = {}) =>
    m[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  return { lang, f };
}
