import { afterAll, describe, expect, it } from 'vitest';
import { getJson, realApp } from '../../testing/real-db.ts';

const { app, db } = realApp();
afterAll(() => db.close());

const BOBIGNY = '2.40,48.89,2.47,48.93';

describe('GET /api/services', () => {
  it('lists both service axes and the types with stable ids and French labels', async () => {
    const { status, body } = await getJson(app, '/api/services');
    expect(status).toBe(200);
    expect(body.numerique.map((s: { id: string }) => s.id)).toEqual([
      'aide-aux-demarches-administratives',
      'maitrise-des-outils-numeriques-du-quotidien',
      'insertion-professionnelle-via-le-numerique',
      'utilisation-securisee-du-numerique',
      'parentalite-et-education-avec-le-numerique',
      'loisirs-et-creations-numeriques',
      'comprehension-du-monde-numerique',
      'acces-internet-et-materiel-informatique',
      'acquisition-de-materiel-informatique-a-prix-solidaire',
    ]);
    expect(body.demarches.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['famille-allocations', 'sante', 'emploi', 'retraite', 'impots', 'papiers-vehicule', 'justice-droits', 'jeunesse-orientation']),
    );
    expect(body.types).toContainEqual(expect.objectContaining({ id: 'france-services', label: 'France Services' }));
    for (const entry of [...body.numerique, ...body.demarches, ...body.types]) {
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.label.length).toBeGreaterThan(2);
      expect(entry.label_en.length).toBeGreaterThan(2);
      expect(entry.count).toBeGreaterThanOrEqual(0);
    }
  });

  it('gives counts that match what the list returns once the box is ticked', async () => {
    const facets = await getJson(app, `/api/services?bbox=${BOBIGNY}&types=france-services,mediation-numerique`);
    for (const s of facets.body.demarches.slice(0, 4)) {
      const list = await getJson(app, `/api/lieux?bbox=${BOBIGNY}&types=france-services,mediation-numerique&services=${s.id}&limit=1`);
      expect(list.body.total).toBe(s.count);
    }
    const caf = facets.body.types.find((t: { id: string }) => t.id === 'france-services');
    const list = await getJson(app, `/api/lieux?bbox=${BOBIGNY}&types=france-services&limit=1`);
    expect(list.body.total).toBe(caf.count);
  });

  it('refuses an unknown service with 400', async () => {
    const { status, body } = await getJson(app, '/api/services?services=xyz');
    expect(status).toBe(400);
    expect(body.code).toBe('service_inconnu');
  });
});
