import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataDir } from '@reperes/data/csv.ts';
import { lmnSchema } from '@reperes/data/formats/lmn.ts';
import { getJson, realApp } from '../../testing/real-db.ts';
import { call, coordinationTestApp } from '../auth/testing.ts';
import { dryRun } from '../imports/run-import.ts';

const { app, db } = realApp();
afterAll(() => db.close());

const BBOX = '-1.8,47.0,-1.4,47.4';

describe('GET /api/export', () => {
  it('gives the places of the same filter as /api/lieux in LMN v1.0.2 CSV, licence and date in the headers', async () => {
    const { body: page } = await getJson(app, `/api/lieux?bbox=${BBOX}&types=france-services&limit=1`);
    const res = await app.request(`/api/export?format=lmn-csv&bbox=${BBOX}&types=france-services`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="reperes-lieux-mediation-numerique.csv"');
    expect(res.headers.get('link')).toBe('<https://www.etalab.gouv.fr/licence-ouverte-open-licence/>; rel="license"');
    expect(res.headers.get('x-date-export')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(page.total);
    expect(Object.keys(rows[0]!)).toEqual(lmnSchema.columns);
    const complete = rows.filter((r) => r.adresse && r.code_postal && r.commune);
    expect(complete.flatMap((r) => lmnSchema.check(r))).toEqual([]);
  });

  it('gives a GeoJSON FeatureCollection with the licence and date in its metadata', async () => {
    const res = await app.request(`/api/export?format=geojson&bbox=${BBOX}`);
    expect(res.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const body = (await res.json()) as any;
    const { body: page } = await getJson(app, `/api/lieux?bbox=${BBOX}&limit=1`);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(page.total);
    expect(body.metadata).toMatchObject({ licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)', date: expect.any(String) });
    expect(body.metadata.sources.length).toBeGreaterThan(0);
    expect(body.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Point' }, properties: { nom: expect.any(String) } });
  });

  it('gives data·inclusion v1 structures and services that pass the official JSON Schemas', async () => {
    const res = await app.request(`/api/export?format=data-inclusion&bbox=${BBOX}`);
    const body = (await res.json()) as any;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
    const schema = (name: string) => JSON.parse(readFileSync(join(dataDir, 'schemas', 'data-inclusion-v1', name), 'utf8'));
    const structure = ajv.compile(schema('structure.json'));
    const service = ajv.compile(schema('service.json'));
    expect(body.metadata.licence).toBe('Licence Ouverte / Open Licence 2.0 (Etalab)');
    expect(body.structures.length).toBeGreaterThan(50);
    expect(body.structures.filter((s: unknown) => !structure(s)).map((s: { id: string }) => s.id)).toEqual([]);
    expect(body.services.filter((s: unknown) => !service(s)).map((s: { id: string }) => s.id)).toEqual([]);
  });

  it('exports only the places of the ticked label, as many as the list gives', async () => {
    const { body: page } = await getJson(app, '/api/lieux?labels=aidants-connect&limit=1');
    const res = await app.request('/api/export?format=geojson&labels=aidants-connect');
    const body = (await res.json()) as any;
    expect(body.features).toHaveLength(page.total);
    for (const f of body.features) expect(f.properties.labels).toContain('Aidants Connect');
  });

  it('answers 400 in French for an unknown format', async () => {
    const { status, body } = await getJson(app, '/api/export?format=xls');
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'format_export_invalide', message: 'Le paramètre format doit valoir lmn-csv, geojson ou data-inclusion.' });
  });
});

describe('the CSV export, opened in a spreadsheet', { timeout: 60_000 }, () => {
  it('runs no formula: a name written as one is exported inert, and reads back as it was', async () => {
    const t = coordinationTestApp();
    try {
      const admin = await t.account('export@reperes.test', 'administrateur');
      const id = t.db.prepare("SELECT id FROM lieux WHERE id LIKE 'lmn-%' AND adresse IS NOT NULL LIMIT 1").pluck().get() as string;
      const place = await call(t.app, 'GET', `/api/coordination/lieux/${id}`, admin);
      const nom = '=HYPERLINK("https://exemple.invalid","Cliquez ici")';
      expect((await call(t.app, 'PATCH', `/api/lieux/${id}`, admin, { version: place.body.version, nom })).status).toBe(200);
      const box = `${place.body.longitude - 0.001},${place.body.latitude - 0.001},${place.body.longitude + 0.001},${place.body.latitude + 0.001}`;
      const text = await (await t.app.request(`/api/export?format=lmn-csv&bbox=${box}`)).text();
      const row = (parse(text, { columns: true }) as Record<string, string>[]).find((r) => r.id === id)!;
      expect(row.nom).toBe(`'${nom}`);
      // Numbers stay numbers: a negative longitude, an E.164 phone.
      expect(text).not.toMatch(/'\+33\d{9}|'-\d/);
      const file = join(mkdtempSync(join(tmpdir(), 'reperes-inert-')), 'export.csv');
      writeFileSync(file, text);
      const plan = await dryRun(t.db, file);
      expect(plan.report.updated.filter((u) => u.changes.some((c) => c.field === 'nom'))).toEqual([]);
    } finally {
      t.close();
    }
  });
});
