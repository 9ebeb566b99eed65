import { fullDate, type ExportPlace } from './export-place.ts';

/** data·inclusion v1 structure fields this project reads, as the LMN columns they carry the same thing as. */
export function diStructureToLmnRecord(s: Record<string, unknown>): Record<string, string> {
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  return {
    id: text(s.id),
    pivot: text(s.siret),
    nom: text(s.nom),
    commune: text(s.commune),
    code_postal: text(s.code_postal),
    code_insee: text(s.code_insee),
    adresse: text(s.adresse),
    complement_adresse: text(s.complement_adresse),
    latitude: text(s.latitude),
    longitude: text(s.longitude),
    telephone: text(s.telephone),
    courriels: text(s.courriel),
    site_web: text(s.site_web),
    horaires: text(s.horaires_accueil),
    date_maj: text(s.date_maj),
  };
}

export const DI_SOURCE = 'reperes';

/** A place as a data·inclusion v1 structure; `horaires_accueil` is in OSM syntax as the schema asks. */
export function placeToDiStructure(p: ExportPlace): Record<string, unknown> {
  const pivot = p.details.pivot;
  return {
    source: DI_SOURCE,
    id: p.id,
    nom: p.nom,
    date_maj: fullDate(p.dateMaj),
    siret: typeof pivot === 'string' && /^\d{14}$/.test(pivot) ? pivot : null,
    adresse: p.adresse,
    complement_adresse: p.complementAdresse,
    code_postal: p.codePostal,
    commune: p.commune,
    code_insee: p.codeInsee,
    latitude: p.latitude,
    longitude: p.longitude,
    telephone: p.telephone,
    courriel: p.courriel,
    site_web: p.siteWeb,
    horaires_accueil: p.horairesOsm,
  };
}

export interface DiServiceDef {
  id: string;
  label: string;
  description: string | null;
}

/** One data·inclusion service per service the place offers, described by the project's own words. */
export function placeToDiServices(p: ExportPlace, defs: Map<string, DiServiceDef>): Record<string, unknown>[] {
  return p.services.flatMap((id) => {
    const def = defs.get(id);
    if (!def) return [];
    return [{
      source: DI_SOURCE,
      structure_id: p.id,
      id: `${p.id}--${id}`,
      nom: def.label,
      description: def.description && def.description.length >= 5 ? def.description : def.label,
      date_maj: fullDate(p.dateMaj),
      adresse: p.adresse,
      code_postal: p.codePostal,
      commune: p.commune,
      code_insee: p.codeInsee,
      latitude: p.latitude,
      longitude: p.longitude,
    }];
  });
}
