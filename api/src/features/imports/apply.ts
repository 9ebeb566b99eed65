import type { ImportContext } from '../../../../data/src/sources/context.ts';
import type { Db } from '../../db/client.ts';
import { createJournal } from '../audit/journal.ts';
import { rebuildGeoIndex } from '../lieux/lieux.queries.ts';
import type { ImportPlan } from './plan.ts';

export interface ApplyResult {
  created: number;
  updated: number;
}

/** Who applies the file, for the history: a coordinator's id, or null from the command line. */
export interface ImportAuthor {
  userId: number | null;
  fileName: string;
  at: string; // ISO date-time
}

const INSERT_LIEU = `INSERT INTO lieux (num, id, nom, adresse, complement_adresse, code_postal, commune, code_insee, departement,
  latitude, longitude, precision, telephone, courriel, site_web, horaires_texte, horaires_osm, services_mask, types_mask,
  services, types, labels, details, date_maj, modifie_le)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const mask = (bits: number[]) => bits.reduce((acc, bit) => acc | (1n << BigInt(bit)), 0n);

/**
 * Writes a plan in one transaction: every row or none. A failure anywhere (a constraint, a full
 * disk) rolls back and leaves the places and their history as they were. Each created or changed
 * place gets its history entry and a new version, as an edit by hand would; the run itself gets a
 * summary entry. The caller invalidates the in-memory index.
 */
export function applyPlan(db: Db, ctx: ImportContext, plan: ImportPlan, author: ImportAuthor): ApplyResult {
  const journal = createJournal(db);
  const bitOf = new Map(ctx.vocab.services.map((s) => [s.id, s.bit]));
  const insertLieu = db.prepare(INSERT_LIEU);
  const link = db.prepare('INSERT OR IGNORE INTO lieu_sources (lieu_num, source_id, source_ref, date_maj) VALUES (?, ?, ?, ?)');
  const insertSource = db.prepare('INSERT OR IGNORE INTO sources (id, nom, licence, url, date) VALUES (?, ?, ?, ?, ?)');
  const insertType = db.prepare('INSERT OR IGNORE INTO types (id, bit, code_di, label, label_en, position) VALUES (?, ?, ?, ?, ?, ?)');
  const nextNum = db.prepare('SELECT coalesce(max(num), 0) + 1 FROM lieux').pluck();
  const updates = new Map<string, ReturnType<Db['prepare']>>();
  const commentaire = `Import du fichier « ${author.fileName} »`;

  const write = db.transaction(() => {
    const s = plan.source;
    insertSource.run(s.id, s.nom, s.licence, s.url, s.date);
    let num = nextNum.get() as number;
    for (const { lieu, ref } of plan.inserts) {
      for (const t of ctx.vocab.types.filter((t) => lieu.types.includes(t.id))) {
        insertType.run(t.id, t.bit, t.codeDi, t.label, t.labelEn, t.position);
      }
      insertLieu.run(
        num, lieu.id, lieu.nom, lieu.adresse, lieu.complementAdresse, lieu.codePostal, lieu.commune, lieu.codeInsee,
        lieu.departement, lieu.latitude, lieu.longitude, lieu.precision, lieu.telephone, lieu.courriel, lieu.siteWeb,
        lieu.horairesTexte, lieu.horairesOsm, lieu.servicesMask, lieu.typesMask, JSON.stringify(lieu.services),
        JSON.stringify(lieu.types), JSON.stringify(lieu.labels), JSON.stringify(lieu.details), lieu.dateMaj, author.at,
      );
      link.run(num, s.id, ref, lieu.dateMaj);
      const { sources: _s, servicesMask: _sm, typesMask: _tm, unconfirmedFranceServices: _u, ...apres } = lieu;
      journal.append({ lieuId: lieu.id, action: 'creation', version: 1, userId: author.userId, at: author.at, commentaire, apres });
      num++;
    }
    for (const u of plan.updates) {
      const columns: string[] = u.changes.map((c) => c.field);
      const values: unknown[] = u.changes.map((c) => (Array.isArray(c.after) ? JSON.stringify(c.after) : c.after));
      if (u.services) {
        columns.push('services_mask');
        values.push(mask(u.services.map((id) => bitOf.get(id)!)));
      }
      if (u.dateMaj) {
        columns.push('date_maj');
        values.push(u.dateMaj);
      }
      columns.push('modifie_le');
      values.push(author.at);
      const key = columns.join(',');
      let stmt = updates.get(key);
      if (!stmt) {
        stmt = db.prepare(`UPDATE lieux SET ${columns.map((c) => `${c} = ?`).join(', ')}, version = version + 1 WHERE num = ? RETURNING version`);
        updates.set(key, stmt);
      }
      const { version } = stmt.get([...values, u.num]) as { version: number };
      link.run(u.num, s.id, u.ref, u.dateMaj);
      journal.append({
        lieuId: u.id, action: 'modification', version, userId: author.userId, at: author.at, commentaire,
        avant: Object.fromEntries(u.changes.map((c) => [c.field, c.before])),
        apres: Object.fromEntries(u.changes.map((c) => [c.field, c.after])),
      });
    }
    for (const l of plan.links) link.run(l.num, s.id, l.ref, null);
    if (plan.inserts.length > 0 || plan.updates.some((u) => u.changes.some((c) => c.field === 'latitude' || c.field === 'longitude'))) {
      rebuildGeoIndex(db);
    }
    const r = plan.report;
    journal.append({
      lieuId: null, action: 'import', version: null, userId: author.userId, at: author.at, commentaire,
      apres: { fichier: author.fileName, format: r.format, lignes: r.rows, crees: r.created.length, modifies: r.updated.length, inchanges: r.unchanged },
    });
  });
  write.immediate();
  return { created: plan.inserts.length, updated: plan.updates.length };
}
