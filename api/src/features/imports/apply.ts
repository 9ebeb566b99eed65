import type { ImportContext } from '@reperes/data/sources/context.ts';
import type { Db } from '../../db/client.ts';
import { createJournal } from '../audit/journal.ts';
import { createLieuWrites, rowOfLieu } from '../lieux/lieux.writes.ts';
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

/**
 * Writes a plan in one transaction: every row or none. A failure anywhere (a constraint, a full
 * disk) rolls back and leaves the places and their history as they were. Each created or changed
 * place gets its history entry and a new version, as an edit by hand would; the run itself gets a
 * summary entry. The caller invalidates the in-memory index.
 */
export function applyPlan(db: Db, ctx: ImportContext, plan: ImportPlan, author: ImportAuthor): ApplyResult {
  const journal = createJournal(db);
  const places = createLieuWrites(db);
  const insertSource = db.prepare('INSERT OR IGNORE INTO sources (id, nom, licence, url, date) VALUES (?, ?, ?, ?, ?)');
  const insertType = db.prepare('INSERT OR IGNORE INTO types (id, bit, code_di, label, label_en, position) VALUES (?, ?, ?, ?, ?, ?)');
  const commentaire = `Import du fichier « ${author.fileName} »`;

  const write = db.transaction(() => {
    const s = plan.source;
    insertSource.run(s.id, s.nom, s.licence, s.url, s.date);
    let num = places.nextNum();
    for (const { lieu, ref } of plan.inserts) {
      for (const t of ctx.vocab.types.filter((t) => lieu.types.includes(t.id))) {
        insertType.run(t.id, t.bit, t.codeDi, t.label, t.labelEn, t.position);
      }
      places.insert(rowOfLieu(lieu), { modifie_le: author.at }, num);
      places.link(num, s.id, ref, lieu.dateMaj);
      const { sources: _s, servicesMask: _sm, typesMask: _tm, unconfirmedFranceServices: _u, ...apres } = lieu;
      journal.append({ lieuId: lieu.id, action: 'creation', version: 1, userId: author.userId, at: author.at, commentaire, apres });
      num++;
    }
    for (const u of plan.updates) {
      const fields: Record<string, unknown> = Object.fromEntries(u.changes.map((c) => [c.field, c.after]));
      if (u.dateMaj) fields.date_maj = u.dateMaj;
      const version = places.updateFields(u.num, fields, author.at);
      places.link(u.num, s.id, u.ref, u.dateMaj);
      journal.append({
        lieuId: u.id, action: 'modification', version, userId: author.userId, at: author.at, commentaire,
        avant: Object.fromEntries(u.changes.map((c) => [c.field, c.before])),
        apres: Object.fromEntries(u.changes.map((c) => [c.field, c.after])),
      });
    }
    for (const l of plan.links) places.link(l.num, s.id, l.ref, null);
    const r = plan.report;
    journal.append({
      lieuId: null, action: 'import', version: null, userId: author.userId, at: author.at, commentaire,
      apres: { fichier: author.fileName, format: r.format, lignes: r.rows, crees: r.created.length, modifies: r.updated.length, inchanges: r.unchanged },
    });
  });
  write.immediate();
  return { created: plan.inserts.length, updated: plan.updates.length };
}
