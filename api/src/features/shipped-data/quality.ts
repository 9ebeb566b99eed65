import type { Db } from '../../db/client.ts';

/**
 * What the data a person will read is worth, measured on the database as it is now (shipped data
 * and coordinators' work alike): `npm run data:quality`. Each line is a count of the public places.
 */
export type TypeQuality = {
  type: string;
  lieux: number;
  /** Known only by their commune: shown at its centre, ranked 2 km farther. */
  centreCommune: number;
  /** Hours the app can read (OSM syntax), only as the source's text, or none. */
  horairesLus: number;
  horairesTexte: number;
  sansHoraires: number;
};

export type DataQuality = {
  lieux: number;
  centreCommune: number;
  sansCommune: number;
  horairesLus: number;
  horairesTexte: number;
  /** Places shown under the current name of a renamed network (Pôle emploi → France Travail). */
  renommes: number;
  /** Places that several source rows describe, merged into one entry. */
  fusionnes: number;
  /** Characters no reader can see (C1 controls, U+FFFD) left in any text: 0 once repaired. */
  caracteresIllisibles: number;
  types: TypeQuality[];
};

const LIVE = 'FROM lieux WHERE archived_at IS NULL';
const HOURS = `count(*) AS lieux, sum(precision = 'commune') AS centreCommune,
  sum(horaires_osm IS NOT NULL) AS horairesLus,
  sum(horaires_osm IS NULL AND horaires_texte IS NOT NULL) AS horairesTexte,
  sum(horaires_osm IS NULL AND horaires_texte IS NULL) AS sansHoraires`;

export function dataQuality(db: Db): DataQuality {
  const all = db.prepare(`SELECT ${HOURS}, sum(commune IS NULL) AS sansCommune,
      sum(json_extract(details, '$.ancien_nom') IS NOT NULL) AS renommes ${LIVE}`).get() as Omit<TypeQuality, 'type'> & {
    sansCommune: number; renommes: number;
  };
  const types = db
    .prepare(`SELECT t.value AS type, ${HOURS} FROM lieux, json_each(lieux.types) t WHERE archived_at IS NULL GROUP BY t.value ORDER BY lieux DESC, type`)
    .all() as TypeQuality[];
  const fusionnes = db
    .prepare(`SELECT count(*) FROM (SELECT lieu_num FROM lieu_sources JOIN lieux ON num = lieu_num WHERE archived_at IS NULL
      GROUP BY lieu_num HAVING count(*) > 1)`)
    .pluck()
    .get() as number;
  // The same characters the import repairs (normalise.ts repairText), looked for in every place's texts.
  const texts = db.prepare(`SELECT nom || char(10) || coalesce(adresse, '') || char(10) || coalesce(complement_adresse, '') || char(10) ||
      coalesce(horaires_texte, '') || char(10) || details ${LIVE}`).pluck().all() as string[];
  // eslint-disable-next-line no-control-regex -- these characters are what is counted
  const unreadable = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;
  const caracteresIllisibles = texts.reduce((n, t) => n + (t.match(unreadable)?.length ?? 0), 0);
  return {
    lieux: all.lieux, centreCommune: all.centreCommune, sansCommune: all.sansCommune, horairesLus: all.horairesLus,
    horairesTexte: all.horairesTexte, renommes: all.renommes, fusionnes, caracteresIllisibles, types,
  };
}

const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1).replace('.', ',')} %`);

/** The report in French, for a terminal. */
export function formatQuality(q: DataQuality): string {
  const lines = [
    `Lieux publics : ${q.lieux}`,
    `  connus par leur commune seulement (centre de la commune) : ${q.centreCommune} (${pct(q.centreCommune, q.lieux)})`,
    `  sans commune connue : ${q.sansCommune}`,
    `  horaires lisibles : ${q.horairesLus} (${pct(q.horairesLus, q.lieux)}) · texte de la source seulement : ${q.horairesTexte} · aucun : ${q.lieux - q.horairesLus - q.horairesTexte}`,
    `  plusieurs sources fusionnées en un lieu : ${q.fusionnes}`,
    `  nom actuel d’un réseau renommé (ancien nom gardé pour la recherche) : ${q.renommes}`,
    `  caractères illisibles restants : ${q.caracteresIllisibles}`,
    '',
    'type                         lieux  centre commune  horaires lisibles  texte seul   aucun',
    ...q.types.map(
      (t) =>
        `${t.type.padEnd(26)}${String(t.lieux).padStart(8)}${pct(t.centreCommune, t.lieux).padStart(16)}` +
        `${pct(t.horairesLus, t.lieux).padStart(19)}${pct(t.horairesTexte, t.lieux).padStart(12)}${pct(t.sansHoraires, t.lieux).padStart(8)}`,
    ),
  ];
  return lines.join('\n');
}
