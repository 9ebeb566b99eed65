import { describe, expect, it } from 'vitest';
import { lmnSchema } from './lmn.ts';
import { compileTableSchema } from './table-schema.ts';

describe('checks compiled from a Table Schema', () => {
  const schema = compileTableSchema({
    fields: [
      { name: 'id', type: 'string', constraints: { required: true, unique: true } },
      { name: 'cp', type: 'string', constraints: { pattern: '\\d{5}' } },
      { name: 'lat', type: 'number' },
      { name: 'maj', type: 'date' },
      { name: 'resume', type: 'string', constraints: { maxLength: 5 } },
      { name: 'frais', type: 'string', constraints: { enum: ['Gratuit', 'Payant'] } },
    ],
  });

  it('report each broken constraint with its column, and nothing for a valid row', () => {
    expect(schema.check({ id: 'a', cp: '75001', lat: '48.8', maj: '2024-02-29', resume: 'court', frais: 'Gratuit' })).toEqual([]);
    expect(schema.check({ id: ' ', cp: '750011', lat: 'nord', maj: '2023-02-29', resume: 'trop long', frais: 'Offert' })).toEqual([
      { column: 'id', value: '', rule: 'requis' },
      { column: 'cp', value: '750011', rule: 'motif' },
      { column: 'lat', value: 'nord', rule: 'nombre' },
      { column: 'maj', value: '2023-02-29', rule: 'date' },
      { column: 'resume', value: 'trop long', rule: 'longueur' },
      { column: 'frais', value: 'Offert', rule: 'valeurs' },
    ]);
    expect(schema.required).toEqual(['id']);
    expect(schema.unique).toEqual(['id']);
  });

  it('read the national LMN schema file: its required columns and its list patterns', () => {
    expect(lmnSchema.required).toEqual(['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj']);
    expect(lmnSchema.accepts('services', 'Aide aux démarches administratives|Loisirs et créations numériques')).toBe(true);
    expect(lmnSchema.accepts('services', 'Jardinage')).toBe(false);
    expect(lmnSchema.accepts('telephone', '+262262123456')).toBe(true);
    expect(lmnSchema.accepts('telephone', '0262123456')).toBe(false);
  });
});
