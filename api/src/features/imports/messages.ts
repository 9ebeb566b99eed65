import { LMN_LIST_COLUMNS } from '@reperes/data/formats/lmn.ts';
import type { Lang } from '../../i18n/messages.ts';
import type { ChangeValue, ImportReport } from './plan.ts';
import type { FileProblem } from './read-file.ts';
import type { RowIssue } from './rows.ts';

/** Words of the import report, French first; `en` must have exactly the same keys. */
const fr = {
  fichier_vide: 'Le fichier est vide.',
  fichier_binaire: 'Ce fichier n’est pas un fichier texte CSV.',
  aucune_ligne: 'Le fichier ne contient que la ligne d’en-tête : aucun lieu à importer.',
  json_invalide: 'Le fichier JSON est mal formé : {detail}',
  json_inconnu: 'Ce fichier JSON n’est ni une liste de lieux (LMN) ni un objet data·inclusion { "structures": […] }.',
  csv_mal_forme: 'Le fichier CSV est mal formé à la ligne {line} (guillemet non fermé ?).',
  encodage_mixte: 'Le fichier mélange plusieurs encodages de caractères. Enregistrez-le en UTF-8, puis réessayez.',
  colonnes_manquantes: 'Colonnes obligatoires absentes : {columns}.',
  ligne: 'Ligne {line}',
  element: 'Élément {line}',
  colonne: 'colonne {column}',
  requis: 'la valeur est obligatoire.',
  motif: '« {value} » ne respecte pas le format attendu.',
  motif_code_postal: '« {value} » n’est pas un code postal (5 chiffres).',
  motif_code_insee: '« {value} » n’est pas un code INSEE de commune.',
  motif_telephone: '« {value} » n’est pas un numéro au format international (par exemple +33123456789).',
  motif_pivot: '« {value} » n’est pas un numéro SIREN ou SIRET (9 à 14 chiffres).',
  motif_liste: '« {value} » contient une valeur hors de la liste du schéma.',
  nombre: '« {value} » n’est pas un nombre.',
  date: '« {value} » n’est pas une date au format AAAA-MM-JJ.',
  longueur: 'la valeur est trop longue ou trop courte.',
  valeurs: '« {value} » n’est pas une valeur autorisée.',
  champ_json: '« {value} » est refusé par le schéma ({detail}).',
  element_json: 'cet élément n’est pas un objet JSON.',
  id_en_double: 'l’identifiant « {value} » est déjà utilisé ligne {ligne}.',
  position_introuvable: 'impossible de placer le lieu sur la carte ({raison}).',
  courriel_personnel_retire: 'un courriel personnel a été retiré (Repères n’affiche pas les adresses des personnes).',
  coordonnees_inversees: 'latitude et longitude étaient inversées : elles ont été remises dans l’ordre.',
  position_commune: 'le point ne correspond pas à la commune : le lieu sera placé au centre de la commune.',
  adresse_absente: 'valeur absente : le lieu est gardé, connu par sa commune seulement.',
  commune_deduite: 'valeur absente : la commune est celle du code INSEE ou du point.',
  titre: 'Rapport d’import ({format}, {encoding}{delimiter})',
  lignes: '{rows} lignes lues, {valid} valides, {errors} en erreur.',
  colonnes_ignorees: 'Colonnes inconnues, ignorées : {columns}.',
  nouveaux: 'Nouveaux lieux : {count}',
  modifies: 'Lieux modifiés : {count}',
  inchanges: 'Lieux inchangés : {count}',
  fusionnes: 'dont {count} reconnus par les règles de fusion (même nom, même adresse ou point proche)',
  hors_perimetre: 'Hors de votre périmètre, refusés : {count}',
  erreurs: 'Erreurs : {count}',
  avertissements: 'Avertissements : {count}',
  et_autres: '… et {count} autres.',
  import_possible: 'Toutes les lignes peuvent être importées.',
  import_impossible: 'Des lignes ne peuvent pas être importées : corrigez le fichier, puis relancez.',
  applique: 'Import appliqué : {created} lieux créés, {updated} lieux modifiés.',
  duree: 'Durée : {seconds} s, mémoire maximale : {peak} Mo.',
};

const en: Record<keyof typeof fr, string> = {
  fichier_vide: 'The file is empty.',
  fichier_binaire: 'This file is not a CSV text file.',
  aucune_ligne: 'The file only has its header line: no place to import.',
  json_invalide: 'The JSON file is malformed: {detail}',
  json_inconnu: 'This JSON file is neither a list of places (LMN) nor a data·inclusion object { "structures": […] }.',
  csv_mal_forme: 'The CSV file is malformed at line {line} (unclosed quote?).',
  encodage_mixte: 'The file mixes several character encodings. Save it as UTF-8, then try again.',
  colonnes_manquantes: 'Required columns missing: {columns}.',
  ligne: 'Line {line}',
  element: 'Item {line}',
  colonne: 'column {column}',
  requis: 'a value is required.',
  motif: '“{value}” does not have the expected format.',
  motif_code_postal: '“{value}” is not a postcode (5 digits).',
  motif_code_insee: '“{value}” is not an INSEE commune code.',
  motif_telephone: '“{value}” is not an international phone number (for example +33123456789).',
  motif_pivot: '“{value}” is not a SIREN or SIRET number (9 to 14 digits).',
  motif_liste: '“{value}” holds a value outside the schema’s list.',
  nombre: '“{value}” is not a number.',
  date: '“{value}” is not a date in the YYYY-MM-DD format.',
  longueur: 'the value is too long or too short.',
  valeurs: '“{value}” is not an allowed value.',
  champ_json: '“{value}” is refused by the schema ({detail}).',
  element_json: 'this item is not a JSON object.',
  id_en_double: 'the id “{value}” is already used at line {ligne}.',
  position_introuvable: 'the place cannot be put on the map ({raison}).',
  courriel_personnel_retire: 'a personal e-mail address was removed (Repères does not show people’s addresses).',
  coordonnees_inversees: 'latitude and longitude were swapped: they were put back in order.',
  position_commune: 'the point does not fit the commune: the place will be shown at the commune centre.',
  adresse_absente: 'no value: the place is kept, known by its commune only.',
  commune_deduite: 'no value: the commune is the one of the INSEE code or of the point.',
  titre: 'Import report ({format}, {encoding}{delimiter})',
  lignes: '{rows} rows read, {valid} valid, {errors} with errors.',
  colonnes_ignorees: 'Unknown columns, ignored: {columns}.',
  nouveaux: 'New places: {count}',
  modifies: 'Updated places: {count}',
  inchanges: 'Unchanged places: {count}',
  fusionnes: 'of which {count} recognised by the merge rules (same name, same address or nearby point)',
  hors_perimetre: 'Outside your scope, refused: {count}',
  erreurs: 'Errors: {count}',
  avertissements: 'Warnings: {count}',
  et_autres: '… and {count} more.',
  import_possible: 'Every row can be imported.',
  import_impossible: 'Some rows cannot be imported: fix the file, then run again.',
  applique: 'Import applied: {created} places created, {updated} places updated.',
  duree: 'Time: {seconds} s, peak memory: {peak} MB.',
};

export type ReportKey = keyof typeof fr;
const catalogues: Record<Lang, Record<ReportKey, string>> = { fr, en };

export function text(lang: Lang, key: ReportKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function problemMessage(lang: Lang, p: FileProblem): string {
  const params: Record<string, string | number> =
    p.code === 'json_invalide' ? { detail: p.detail } : p.code === 'csv_mal_forme' ? { line: p.line } : p.code === 'colonnes_manquantes' ? { columns: p.columns.join(', ') } : {};
  return text(lang, p.code, params);
}

const COLUMN_PATTERNS: Partial<Record<string, ReportKey>> = {
  code_postal: 'motif_code_postal',
  code_insee: 'motif_code_insee',
  telephone: 'motif_telephone',
  pivot: 'motif_pivot',
};

/** "Ligne 14, colonne code_postal : « 750 » n'est pas un code postal (5 chiffres)." */
export function issueMessage(lang: Lang, issue: RowIssue, json = false): string {
  const params = { value: (issue.value ?? '').slice(0, 80), ...issue.params };
  let key: ReportKey = issue.code;
  if (issue.code === 'motif' && issue.column) {
    key = COLUMN_PATTERNS[issue.column] ?? (!json && LMN_LIST_COLUMNS.has(issue.column) ? 'motif_liste' : 'motif');
  }
  const where = text(lang, json ? 'element' : 'ligne', { line: issue.line });
  const column = issue.column ? `, ${text(lang, 'colonne', { column: issue.column })}` : '';
  return `${where}${column}${lang === 'fr' ? ' : ' : ': '}${text(lang, key, params)}`;
}

const LIMIT = 50;

const shown = (v: ChangeValue) => (Array.isArray(v) ? v.join(' | ') : String(v ?? ''));

/** The report as lines of text, for the command line. */
export function reportLines(lang: Lang, r: ImportReport): string[] {
  const json = r.format === 'lmn-json' || r.format === 'data-inclusion';
  const out: string[] = [];
  const delimiter = r.delimiter ? `, « ${r.delimiter === '\t' ? 'tab' : r.delimiter} »` : '';
  out.push(text(lang, 'titre', { format: r.format, encoding: r.encoding, delimiter }));
  out.push(text(lang, 'lignes', { rows: r.rows, valid: r.valid, errors: r.rows - r.valid }));
  if (r.unknownColumns.length) out.push(text(lang, 'colonnes_ignorees', { columns: r.unknownColumns.join(', ') }));
  const list = <T>(items: T[], line: (item: T) => string, total = items.length) => {
    for (const item of items.slice(0, LIMIT)) out.push(`  ${line(item)}`);
    if (total > LIMIT) out.push(`  ${text(lang, 'et_autres', { count: total - LIMIT })}`);
  };
  out.push('', text(lang, 'erreurs', { count: r.errorCount }));
  list(r.errors, (i) => issueMessage(lang, i, json), r.errorCount);
  out.push('', text(lang, 'avertissements', { count: r.warningCount }));
  list(r.warnings, (i) => issueMessage(lang, i, json), r.warningCount);
  out.push('', text(lang, 'nouveaux', { count: r.created.length }));
  list(r.created, (c) => `${text(lang, json ? 'element' : 'ligne', { line: c.line })} : ${c.nom}${c.commune ? ` (${c.commune})` : ''} → ${c.id}`);
  out.push('', text(lang, 'modifies', { count: r.updated.length }));
  list(r.updated, (u) =>
    [`${text(lang, json ? 'element' : 'ligne', { line: u.line })} : ${u.nom} (${u.id})`,
      ...u.changes.map((c) => `      ${c.field} : « ${shown(c.before)} » → « ${shown(c.after)} »`)].join('\n'),
  );
  out.push('', text(lang, 'inchanges', { count: r.unchanged }));
  if (r.matchedByMerge) out.push(`  ${text(lang, 'fusionnes', { count: r.matchedByMerge })}`);
  if (r.outOfScope.length) {
    out.push('', text(lang, 'hors_perimetre', { count: r.outOfScope.length }));
    list(r.outOfScope, (o) => `${text(lang, 'ligne', { line: o.line })} : ${o.nom} (${o.id})`);
  }
  return out;
}
