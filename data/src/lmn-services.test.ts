import { beforeAll, describe, expect, it } from 'vitest';
import { mapServices, tokeniseServices } from './lmn-services.ts';
import { loadVocabulary, type Vocabulary } from './vocabulary.ts';

let vocab: Vocabulary;
beforeAll(() => {
  vocab = loadVocabulary();
});
const map = (raw: string, dataset: string) => mapServices(raw, dataset, vocab).services.sort();

describe('LMN services → v1 services and démarches', () => {
  it('maps the v0 labels of the CNFS export', () => {
    expect(
      map('Prendre en main un smartphone ou une tablette;Prendre en main un ordinateur;Utiliser le numérique au quotidien;Approfondir ma culture numérique', 'cnfs-2022-12'),
    ).toEqual(['comprehension-du-monde-numerique', 'maitrise-des-outils-numeriques-du-quotidien']);
  });

  it('reads v1 labels whatever their accents: "Comprehension" is "Compréhension" (le-havre-2024)', () => {
    expect(map('Comprehension du monde numérique', 'le-havre-2024')).toEqual(['comprehension-du-monde-numerique']);
    expect(map('Maîtrise des outils numériques du quotidien|Compréhension du monde numérique', 'charente-2023-07')).toEqual([
      'comprehension-du-monde-numerique',
      'maitrise-des-outils-numeriques-du-quotidien',
    ]);
  });

  it('adds the démarches domain a raw label names (hinaura-raw "Accompagnement CAF")', () => {
    expect(map('Accompagnement CAF (caf.fr)","Accompagnement CPAM (ameli.fr)', 'hinaura-raw-2023-01')).toEqual([
      'aide-aux-demarches-administratives',
      'famille-allocations',
      'sante',
    ]);
  });

  it('splits the leftover JSON quoting of hinaura-raw and the slashes of le-havre', () => {
    expect(tokeniseServices('Accès libre avec un accompagnement",Impression', 'hinaura-raw-2023-01')).toEqual([
      'Accès libre avec un accompagnement',
      'Impression',
    ]);
    expect(map('Accéder à une connexion Internet / Accéder à du matériel', 'le-havre-2024')).toEqual([
      'acces-internet-et-materiel-informatique',
    ]);
  });

  it('finds v0 labels glued together (mednum-hub-antilles) and data·inclusion codes (numi)', () => {
    expect(
      map('Devenir autonome dans les démarches administratives Accéder à du matériel Accéder à une connexion internet', 'mednum-hub-antilles-2023'),
    ).toEqual(['acces-internet-et-materiel-informatique', 'aide-aux-demarches-administratives']);
    expect(map('numerique;numerique--prendre-en-main-un-ordinateur', 'numi-normandie-2023')).toEqual([
      'maitrise-des-outils-numeriques-du-quotidien',
    ]);
  });

  it('falls back on keywords for free-text answers, and reports what it cannot map', () => {
    expect(map('Accompagnement pour les demande de carte grise et de permis de conduire', 'paca-raw-2023-02')).toEqual([
      'aide-aux-demarches-administratives',
    ]);
    expect(mapServices('Référent', 'hub-lo-centre-val-de-loire-raw-2023-02', vocab)).toEqual({ services: [], unmapped: ['Référent'] });
  });

  it('treats ways of being helped as no service (hinaura-raw modalities)', () => {
    expect(mapServices('Accompagnement individuel sur rendez-vous', 'hinaura-raw-2023-01', vocab)).toEqual({ services: [], unmapped: [] });
  });
});
