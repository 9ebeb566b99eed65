import { afterAll, describe, expect, it } from 'vitest';
import { getJson, realApp } from '../../testing/real-db.ts';

const { app, db } = realApp();
afterAll(() => db.close());

const FRANCE = '-5.5,41.2,9.8,51.3';

describe('GET /api/clusters', () => {
  it('groups the whole of France into a few hundred clusters that add up to the total', async () => {
    const clusters = await getJson(app, `/api/clusters?bbox=${FRANCE}&zoom=5`);
    const list = await getJson(app, `/api/lieux?bbox=${FRANCE}&limit=1`);
    expect(clusters.status).toBe(200);
    expect(clusters.body.total).toBe(list.body.total);
    expect(clusters.body.clusters.length).toBeGreaterThan(10);
    expect(clusters.body.clusters.length).toBeLessThan(1500);
    const sum = clusters.body.clusters.reduce((s: number, c: { count: number }) => s + c.count, 0);
    expect(sum).toBe(list.body.total);
  });

  it('shows single places with their id at town zoom', async () => {
    const { body } = await getJson(app, `/api/clusters?bbox=2.40,48.89,2.47,48.93&zoom=14&types=france-services`);
    const singles = body.clusters.filter((c: { count: number }) => c.count === 1);
    expect(singles.length).toBeGreaterThan(0);
    for (const s of singles) expect(s.id).toEqual(expect.any(String));
  });

  it('groups only the places of the ticked label', async () => {
    const clusters = await getJson(app, `/api/clusters?bbox=${FRANCE}&zoom=5&labels=aidants-connect`);
    const list = await getJson(app, `/api/lieux?bbox=${FRANCE}&labels=aidants-connect&limit=1`);
    expect(clusters.body.total).toBe(list.body.total);
    expect(clusters.body.total).toBeGreaterThan(100);
  });

  it.each(['zoom=abc', 'zoom=30', '', 'zoom=5&services=nope', 'zoom=5&labels=nope'])('answers 400 for %s', async (q) => {
    const { status, body } = await getJson(app, `/api/clusters?${q}`);
    expect(status).toBe(400);
    expect(typeof body.message).toBe('string');
  });
});
