import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createJournal } from './journal.ts';

const db = openDb(':memory:');
migrate(db);
afterAll(() => db.close());

const apiSrc = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The import (data/src) writes an entry per run too.
const dataSrc = join(apiSrc, '..', '..', 'data', 'src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );

describe('the history of changes', () => {
  const journal = createJournal(db);
  const id = journal.append({
    lieuId: 'lieu-test', action: 'modification', version: 2, userId: null, at: '2026-03-03T09:00:00.000Z',
    avant: { nom: 'Avant' }, apres: { nom: 'Après' },
  });

  it('keeps every entry: the database refuses to change one', () => {
    expect(() => db.prepare("UPDATE journal SET commentaire = 'effacé' WHERE id = ?").run(id)).toThrow(/ajout seul/);
    expect(() => db.prepare('UPDATE journal SET apres = ?').run('{}')).toThrow(/ajout seul/);
  });

  it('keeps every entry: the database refuses to delete one', () => {
    expect(() => db.prepare('DELETE FROM journal WHERE id = ?').run(id)).toThrow(/ajout seul/);
    expect(() => db.exec('DELETE FROM journal')).toThrow(/ajout seul/);
    expect(journal.history('lieu-test')).toMatchObject([{ id, avant: { nom: 'Avant' }, apres: { nom: 'Après' } }]);
  });

  it('is never updated or deleted by the application code or the import', () => {
    const files = [...sourceFiles(apiSrc), ...sourceFiles(dataSrc)];
    expect(files.length).toBeGreaterThan(20);
    const offending = files.filter((f) => /\b(UPDATE\s+journal|DELETE\s+FROM\s+journal|REPLACE\s+INTO\s+journal)\b/i.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
