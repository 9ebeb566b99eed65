import { afterAll, describe, expect, it } from 'vitest';
import { realApp } from '../../testing/real-db.ts';
import { dataQuality, formatQuality } from './quality.ts';

const { db } = realApp();
afterAll(() => db.close());

describe('the data quality report', () => {
  const q = dataQuality(db);

  it('counts every public place once, and each type’s places add up to its hours coverage', () => {
    expect(q.lieux).toBe(db.prepare('SELECT count(*) FROM lieux WHERE archived_at IS NULL').pluck().get());
    for (const t of q.types) expect(t.horairesLus + t.horairesTexte + t.sansHoraires, t.type).toBe(t.lieux);
    const france = q.types.find((t) => t.type === 'france-services')!;
    expect(france.lieux).toBeGreaterThan(2800);
  });

  it('says what the import repaired: no unreadable character, the renamed networks, the merged places', () => {
    expect(q.caracteresIllisibles).toBe(0);
    expect(q.renommes).toBeGreaterThan(800);
    expect(q.fusionnes).toBeGreaterThan(5000);
    expect(q.sansCommune).toBeLessThan(60);
    expect(formatQuality(q)).toMatch(/^Lieux publics : \d+/);
    expect(formatQuality(q)).toContain('france-services');
  });
});
