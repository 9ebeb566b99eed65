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

  it('lists the national labels that places carry, each counted as the list counts it', async () => {
    const { body } = await getJson(app, '/api/services');
    expect(body.labels.map((l: { id: string }) => l.id)).toEqual(
      expect.arrayContaining(['aidants-connect', 'conseillers-numeriques', 'france-services']),
    );
    expect(body.labels).toContainEqual(expect.objectContaining({ id: 'aidants-connect', label: 'Aidants Connect' }));
    for (const l of body.labels) {
      expect(l.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(l.count).toBeGreaterThan(0);
    }
    const ac = body.labels.find((l: { id: string }) => l.id === 'aidants-connect');
    const list = await getJson(app, '/api/lieux?labels=aidants-connect&limit=1');
    expect(list.body.total).toBe(ac.count);
  });

  it('counts each label within the other ticked filters, and the other boxes within the ticked labels', async () => {
    const facets = await getJson(app, `/api/services?bbox=${BOBIGNY}&types=france-services,mediation-numerique&labels=aidants-connect`);
    const ac = facets.body.labels.find((l: { id: string }) => l.id === 'aidants-connect');
    const list = await getJson(app, `/api/lieux?bbox=${BOBIGNY}&types=france-services,mediation-numerique&labels=aidants-connect&limit=1`);
    expect(list.body.total).toBe(ac.count);
    const fs = facets.body.types.find((t: { id: string }) => t.id === 'france-services');
    const typed = await getJson(app, `/api/lieux?bbox=${BOBIGNY}&types=france-services&labels=aidants-connect&limit=1`);
    expect(typed.body.total).toBe(fs.count);
  });

  it('refuses an unknown label with 400', async () => {
    const { status, body } = await getJson(app, '/api/services?labels=xyz');
    expect(status).toBe(400);
    expect(body.code).toBe('label_inconnu');
  });

  it('refuses an unknown service with 400', async () => {
    const { status, body } = await getJson(app, '/api/services?services=xyz');
    expect(status).toBe(400);
    expect(body.code).toBe('service_inconnu');
  });
});
