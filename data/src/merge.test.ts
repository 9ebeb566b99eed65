import { beforeAll, describe, expect, it } from 'vitest';
import { Communes } from './communes.ts';
import { buildLieu } from './lieux.ts';
import { mergePlaces } from './merge.ts';
import { bibliothequesPlaces } from './sources/bibliotheques.ts';
import type { ImportContext } from './sources/context.ts';
import { franceServicesPlaces } from './sources/france-services.ts';
import { mediationNumeriquePlaces } from './sources/mediation-numerique.ts';
import { pimmsPlaces } from './sources/pimms.ts';
import type { SourcePlace } from './source-place.ts';
import { loadVocabulary } from './vocabulary.ts';

// Real rows, trimmed to the columns the import reads.
const FS = {
  pierrefort: { id_fs: '102', lib_fs: 'France services Pierrefort', adresse: "6 Rue de l'Aubrac", insee_com: '15152', code_postal: '15230', lib_com: 'Pierrefort', latitude: '44.92519', longitude: '2.841721', mail: 'msappierrefort@saintflourco.fr', telephone: '04 71 23 23 54', h_lundi: '09:00 - 12:00', h_mardi: '09:00 - 12:00', h_mercredi: '09:00 - 12:00 / 14:00 - 17:00', h_jeudi: '09:00 - 12:00 / 14:00 - 17:00', h_vendredi: '09:00 - 12:00 / 14:00 - 17:00', prise_rdv: 'Oui', type_fs: 'Principal', format_fs: 'Fixe' },
  arnac: { id_fs: '510', lib_fs: "France services La Poste d'Arnac-la-Poste", adresse: '15 Place du Champ de Foire', complement_adresse: 'Bureau de Poste', insee_com: '87003', code_postal: '87160', lib_com: 'Arnac-la-Poste', latitude: '46.265978', longitude: '1.375725', mail: 'arnac-la-poste@france-services.gouv.fr', type_fs: 'Principal', format_fs: 'Fixe' },
  essaimeur: { id_fs: '2469', lib_fs: "France services L'Essaimeur", adresse: '9 Route de Brioude', insee_com: '63352', code_postal: '63340', lib_com: 'Saint-Germain-Lembron', latitude: '45.457153', longitude: '3.238435', type_fs: 'Principal', format_fs: 'Fixe' },
  draguignan: { id_fs: '1968', lib_fs: 'France services Draguignan', adresse: '53 Bd des martyrs de la résistance', insee_com: '83050', code_postal: '83300', lib_com: 'Draguignan', latitude: '43.534469', longitude: '6.465072', type_fs: 'Principal', format_fs: 'Fixe' },
  narbonne: { id_fs: '62', lib_fs: 'France services Pimms Médiation du Narbonnais - Narbonne', adresse: '8 Avenue du Maréchal Foch', insee_com: '11262', code_postal: '11000', lib_com: 'Narbonne', latitude: '43.18723', longitude: '3.005378', type_fs: 'Principal', format_fs: 'Fixe' },
};
const BIB = {
  tallard: { code_bib: '163.0', Libelle1: 'Médiathèque municipale Michel Serres', voie: '1 rue des sapins', CP: '05130', Ville: 'Tallard', INSEE: '05170', coordonnees_ban: '44.46214, 6.053804', coordonnees_insee: '44.459122073, 6.04485602868', coordonnees_finales: '44.46214,6.053804', Statut: 'Bibliothèque municipale', type_adresse: 'Bibliothèque ouverte au public', amplitude_horaire: '18.0' },
  arnac: { code_bib: '9924.0', Libelle1: 'Bibliothèque de Arnac La Poste', voie: 'PLACE DE LA MAIRIE', CP: '87160', Ville: 'Arnac-la-Poste', INSEE: '87003', coordonnees_ban: '46.265393, 1.37403', coordonnees_insee: '46.2639834442, 1.37338277352', coordonnees_finales: '46.265393,1.37403', Statut: 'Bibliothèque municipale', type_adresse: 'Bibliothèque ouverte au public' },
  saintGermain: { code_bib: '12043.0', Libelle1: 'Médiathèque De Saint-Germain-Lembron', voie: '9 route de Brioude', CP: '63340', Ville: 'Saint-Germain-Lembron', INSEE: '63352', coordonnees_ban: '45.457153, 3.238435', coordonnees_insee: '45.4533133864, 3.24296692377', coordonnees_finales: '45.457153,3.238435', Statut: 'Bibliothèque municipale', type_adresse: 'Bibliothèque ouverte au public' },
  eperlecques: { code_bib: '11134.0', Libelle1: 'Bibliothèque Municipale', voie: '4 RUE DE LA MAIRIE', CP: '62910', Ville: 'Éperlecques', INSEE: '62297', coordonnees_ban: '50.804963, 2.152904', coordonnees_insee: '50.8183914819, 2.16069366951', coordonnees_finales: '50.804963,2.152904', Statut: 'Bibliothèque municipale', type_adresse: 'Bibliothèque ouverte au public' },
  tampon: { code_bib: '10346.0', Libelle1: 'Médiathèque Du Tampon', voie: '16 rue Victor le Vigoureux', CP: '97430', Ville: 'LE TAMPON', INSEE: '97422', coordonnees_ban: '-21.280789, 55.518471', coordonnees_insee: '-21.223274585, 55.5584875266', coordonnees_finales: '-21.280789,55.518471', Statut: 'Bibliothèque municipale', type_adresse: 'Bibliothèque ouverte au public' },
};
const LMN = {
  pierrefort: { uid: 'cnfs-2022-12:62b0267f8255a806e299dfc9', source_dataset: 'cnfs-2022-12', nom: 'Maison France Services de Pierrefort', adresse: "6 Rue de l'Aubrac", code_postal: '15230', commune: 'Pierrefort', latitude: '44.925529', longitude: '2.842041', horaires: 'Tu-Th 09:00-12:00,13:30-17:30; Mo,Fr 09:00-12:00', services: 'Prendre en main un smartphone ou une tablette;Prendre en main un ordinateur;Utiliser le numérique au quotidien;Approfondir ma culture numérique', labels_nationaux: 'CNFS;Aidants Connect;France Services', date_maj: '2022-06-20' },
  tallard: { uid: 'paca-raw-2023-02:13087', source_dataset: 'paca-raw-2023-02', nom: 'Médiathèque Michel Serres', adresse: '1 rue des sapins', code_postal: '5130', commune: 'TALLARD', latitude: '44.46214', longitude: '6.053804', typologie: 'Bibliothèque / Médiathèque' },
  serques: { uid: 'cnfs-2022-12:62a74408fb528f06e3b3e5f0', source_dataset: 'cnfs-2022-12', nom: 'Bibliothèque Municipale', adresse: 'Mairie de serques Rue de la mairie', code_postal: '62910', commune: 'Serques', latitude: '50.793662', longitude: '2.200933', services: 'Prendre en main un ordinateur', labels_nationaux: 'CNFS;France Services', date_maj: '2022-06-13' },
  tamponMediatheque: { uid: 'ultra-num-outre-mer-raw-2023-04:15657', source_dataset: 'ultra-num-outre-mer-raw-2023-04', nom: 'Médiathèque du Tampon', adresse: '16 Rue Victor le Vigoureux', code_postal: '97430', commune: 'LE TAMPON', code_insee: '97422', latitude: '-21.280867', longitude: '55.518398', courriel: 'contact@mediatheque-tampon.fr', typologie: 'Espace Public Numérique autre' },
  tamponMissionLocale: { uid: 'ultra-num-outre-mer-raw-2023-04:15668', source_dataset: 'ultra-num-outre-mer-raw-2023-04', nom: 'Mission locale du Tampon', adresse: '2 Rue V. le Vigoureux', code_postal: '97430', commune: 'LE TAMPON', code_insee: '97422', latitude: '-21.281253', longitude: '55.517783', typologie: 'Espace Public Numérique autre' },
  draguignanBoth: { uid: 'cnfs-2022-12:627a2544ad1bdb06edc489a2', source_dataset: 'cnfs-2022-12', nom: "FRANCE SERVICES DRAGUIGNAN - L'ESPLANADE DE L'INTERNET", adresse: '53 Bd des Martyrs de la Résistance', code_postal: '83300', commune: 'DRAGUIGNAN', latitude: '43.534469', longitude: '6.465072' },
  draguignanEpn: { uid: 'hub-du-sud-paca-2023-05:mediation-numerique-cr93-938', source_dataset: 'hub-du-sud-paca-2023-05', nom: "Esplanade de L'Internet", adresse: '53 boulevard des martyrs de la resistance', code_postal: '83300', commune: 'DRAGUIGNAN', latitude: '43.534469', longitude: '6.465072' },
  narbonne: { uid: 'cnfs-2022-12:6273a8f705457b0790818ecb', source_dataset: 'cnfs-2022-12', nom: 'PIMMS DU NARBONNAIS', adresse: '8 AV MAL FOCH', code_postal: '11100', commune: 'NARBONNE', latitude: '43.187224', longitude: '3.005371', services: 'Prendre en main un ordinateur', date_maj: '2022-05-05' },
};
const PIMMS_FS62 = { id: 'fs-62', name: 'France services Pimms Médiation du Narbonnais - Narbonne', postcode: '11000', commune: 'Narbonne', insee_code: '11262', latitude: '43.18723', longitude: '3.005378' };

let ctx: ImportContext;
beforeAll(() => {
  ctx = { vocab: loadVocabulary(), communes: Communes.load() };
});

const fs = (...rows: Record<string, string>[]) => franceServicesPlaces(rows, ctx).places;
const bib = (...rows: Record<string, string>[]) => bibliothequesPlaces(rows, ctx).places;
const lmn = (...rows: Record<string, string>[]) => mediationNumeriquePlaces(rows, ctx).places;
const groups = (places: SourcePlace[]) =>
  mergePlaces(places, ctx.vocab.nameRules).clusters.map((c) => c.map((p) => p.nom).sort());

describe('merging the same place across sources', () => {
  it('merges a France Services of the 2024 list with its LMN row (Pierrefort, 45 m apart)', () => {
    const { clusters } = mergePlaces([...fs(FS.pierrefort), ...lmn(LMN.pierrefort)], ctx.vocab.nameRules);
    expect(clusters).toHaveLength(1);
    const lieu = buildLieu(clusters[0]!, ctx.vocab);
    expect(lieu.id).toBe('fs-102');
    expect(lieu.nom).toBe('France services Pierrefort');
    expect(lieu.types).toEqual(['france-services']);
    // The LMN row brings its digital-help services; France Services brings its démarches.
    expect(lieu.services).toEqual(expect.arrayContaining(['aide-aux-demarches-administratives', 'maitrise-des-outils-numeriques-du-quotidien', 'famille-allocations', 'impots']));
    expect(lieu.labels).toEqual(['France Services', 'Conseillers numériques', 'Aidants Connect']);
    expect(lieu.sources.map((s) => s.source)).toEqual(['france-services-2024-08-01', 'lmn-cnfs-2022-12']);
    expect(lieu.horairesOsm).toBe('Mo,Tu 09:00-12:00; We-Fr 09:00-12:00,14:00-17:00'); // the 2024 hours win
    expect(lieu.dateMaj).toBe('2024-08-01');
  });

  it('merges a library of the ministry list with its LMN row (Tallard), keeping the building point', () => {
    const { clusters } = mergePlaces([...bib(BIB.tallard), ...lmn(LMN.tallard)], ctx.vocab.nameRules);
    expect(clusters).toHaveLength(1);
    const lieu = buildLieu(clusters[0]!, ctx.vocab);
    expect(lieu.id).toBe('bib-163');
    expect(lieu.types).toEqual(['bibliotheque']);
    expect(lieu.precision).toBe('adresse');
  });

  it('attaches a PIMMS row to the France Services it describes, and a France Services to its LMN row', () => {
    const pimms = pimmsPlaces([PIMMS_FS62], ctx).places;
    const { clusters } = mergePlaces([...fs(FS.narbonne), ...lmn(LMN.narbonne), ...pimms], ctx.vocab.nameRules);
    expect(clusters).toHaveLength(1);
    const lieu = buildLieu(clusters[0]!, ctx.vocab);
    expect(lieu.types).toEqual(['france-services', 'pimms']);
    expect(lieu.sources.map((s) => s.source)).toEqual(['france-services-2024-08-01', 'lmn-cnfs-2022-12', 'pimms-2024']);
  });
});

describe('keeping different places apart', () => {
  it('does not merge two "Bibliothèque municipale" of one postcode 3.6 km apart (Éperlecques, Serques)', () => {
    expect(groups([...bib(BIB.eperlecques), ...lmn(LMN.serques)])).toHaveLength(2);
  });

  it('does not merge two structures at the same address with different names (Saint-Germain-Lembron)', () => {
    expect(groups([...fs(FS.essaimeur), ...bib(BIB.saintGermain)])).toHaveLength(2);
  });

  it('does not take a commune name for a kind of place: the library of Arnac-la-Poste is not its post office', () => {
    expect(groups([...fs(FS.arnac), ...bib(BIB.arnac)])).toHaveLength(2);
  });

  it('does not merge a library and a mission locale 70 m apart that their source types alike (Le Tampon)', () => {
    const result = groups([...bib(BIB.tampon), ...lmn(LMN.tamponMediatheque, LMN.tamponMissionLocale)]);
    expect(result).toEqual([['Médiathèque Du Tampon', 'Médiathèque du Tampon'], ['Mission locale du Tampon']]);
  });

  it('does not let a row naming two structures chain them (France services Draguignan, Esplanade de l\'Internet)', () => {
    const result = groups([...fs(FS.draguignan), ...lmn(LMN.draguignanBoth, LMN.draguignanEpn)]);
    expect(result).toEqual([["FRANCE SERVICES DRAGUIGNAN - L'ESPLANADE DE L'INTERNET", 'France services Draguignan'], ["Esplanade de L'Internet"]]);
  });

  it('does not merge two rows of one registry, whatever their names', () => {
    const twice = { ...FS.pierrefort, id_fs: '9999' };
    expect(groups(fs(FS.pierrefort, twice))).toHaveLength(2);
  });

  it('keeps a "France Services" claim only when the 2024 list has the place', () => {
    const [serques] = mergePlaces(lmn(LMN.serques), ctx.vocab.nameRules).clusters;
    const lieu = buildLieu(serques!, ctx.vocab);
    expect(lieu.labels).not.toContain('France Services');
    expect(lieu.types).toEqual(['bibliotheque']);
    expect(lieu.unconfirmedFranceServices).toBe(false);
    const [pierrefort] = mergePlaces(lmn(LMN.pierrefort), ctx.vocab.nameRules).clusters;
    const alone = buildLieu(pierrefort!, ctx.vocab);
    expect(alone.types).toEqual(['mediation-numerique']);
    expect(alone.labels).toEqual(['Conseillers numériques', 'Aidants Connect']);
    expect(alone.unconfirmedFranceServices).toBe(true);
  });
});
