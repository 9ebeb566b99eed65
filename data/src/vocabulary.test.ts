import { describe, expect, it } from 'vitest';
import { readCsv, splitPipe } from './csv.ts';
import { loadVocabulary } from './vocabulary.ts';

const vocab = loadVocabulary();

describe('vocabularies (a contract with the API and the web app)', () => {
  it('has the 9 v1.0.2 numérique services on bits 0–8, labels as in the schema', () => {
    const numerique = vocab.services.filter((s) => s.axe === 'numerique');
    expect(numerique.map((s) => [s.id, s.bit])).toEqual([
      ['aide-aux-demarches-administratives', 0],
      ['maitrise-des-outils-numeriques-du-quotidien', 1],
      ['insertion-professionnelle-via-le-numerique', 2],
      ['utilisation-securisee-du-numerique', 3],
      ['parentalite-et-education-avec-le-numerique', 4],
      ['loisirs-et-creations-numeriques', 5],
      ['comprehension-du-monde-numerique', 6],
      ['acces-internet-et-materiel-informatique', 7],
      ['acquisition-de-materiel-informatique-a-prix-solidaire', 8],
    ]);
    expect(numerique.map((s) => s.label)).toEqual([
      'Aide aux démarches administratives',
      'Maîtrise des outils numériques du quotidien',
      'Insertion professionnelle via le numérique',
      'Utilisation sécurisée du numérique',
      'Parentalité et éducation avec le numérique',
      'Loisirs et créations numériques',
      'Compréhension du monde numérique',
      'Accès internet et matériel informatique',
      'Acquisition de matériel informatique à prix solidaire',
    ]);
  });

  it('has the 12 démarches domains of reference/demarches.csv from bit 16, with their labels', () => {
    const reference = readCsv('mappings/reference/demarches.csv');
    const demarches = vocab.services.filter((s) => s.axe === 'demarches');
    expect(demarches.map((s) => [s.id, s.label, s.labelEn])).toEqual(reference.map((r) => [r.id, r.libelle, r.libelle_en]));
    expect(demarches.map((s) => s.bit)).toEqual(demarches.map((_, i) => 16 + i));
  });

  it('keeps every bit below 53, so masks stay exact as JavaScript numbers', () => {
    for (const bit of [...vocab.services.map((s) => s.bit), ...vocab.types.map((t) => t.bit)]) expect(bit).toBeLessThan(53);
    expect(new Set(vocab.types.map((t) => t.bit)).size).toBe(vocab.types.length);
  });

  it('gives France Services the domains of its verified national partners', () => {
    const partners = readCsv('mappings/reference/france-services-partenaires.csv').filter((p) => p.verifie === 'oui');
    const domains = new Set(partners.flatMap((p) => splitPipe(p.domaines_demarches)));
    const fs = vocab.types.find((t) => t.id === 'france-services')!;
    expect(new Set(fs.demarches)).toEqual(domains);
    expect(fs.label).toBe('France Services');
    expect(fs.servicesNumerique).toContain('aide-aux-demarches-administratives');
  });

  it('uses data·inclusion v0 typology codes that exist', () => {
    const codes = new Set(readCsv('mappings/reference/di-v0-typologies-de-structures.csv').map((r) => r.value));
    for (const t of vocab.types) if (t.codeDi) expect(codes, t.id).toContain(t.codeDi);
  });

  it('has a source row for every médiation numérique dataset', () => {
    const datasets = [...vocab.sources.values()].filter((s) => s.jeu).map((s) => s.jeu);
    expect(datasets).toHaveLength(20);
    for (const s of vocab.sources.values()) expect(s.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });
});
