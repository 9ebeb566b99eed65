import type { CommuneRow } from '@reperes/data/communes-table.ts';
import { foldWords } from '@reperes/data/normalise.ts';
import type { Db } from '../../db/client.ts';

/** Replaces the communes; to run inside the import's write transaction. */
export function writeCommunes(db: Db, rows: CommuneRow[]): void {
  const insertCommune = db.prepare(`INSERT INTO communes (code_insee, nom, nom_recherche, departement, departement_nom,
    codes_postaux, latitude, longitude, precision, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertPostcode = db.prepare('INSERT INTO commune_codes_postaux (code_postal, code_insee) VALUES (?, ?)');
  db.exec('DELETE FROM commune_codes_postaux; DELETE FROM communes;');
  for (const c of rows) {
    insertCommune.run(
      c.codeInsee, c.nom, foldWords(c.nom), c.departement, c.departementNom, JSON.stringify(c.codesPostaux),
      c.latitude, c.longitude, c.precision, c.population,
    );
    for (const cp of c.codesPostaux) insertPostcode.run(cp, c.codeInsee);
  }
  // An external-content FTS table does not follow its table by itself.
  db.exec("INSERT INTO communes_fts (communes_fts) VALUES ('rebuild')");
}
