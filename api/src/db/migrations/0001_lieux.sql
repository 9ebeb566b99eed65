-- Help places, their vocabularies and their provenance.
-- Filters use bit masks: a place's services and types are few and fixed in number (< 63 each),
-- so `mask & ?` on the row beats a join on the hot path of /api/lieux.

CREATE TABLE services (
  id          TEXT PRIMARY KEY,                 -- stable kebab-case id, e.g. 'famille-allocations'
  axe         TEXT NOT NULL CHECK (axe IN ('numerique', 'demarches')),
  bit         INTEGER NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 62),
  label       TEXT NOT NULL,                    -- plain French
  label_en    TEXT NOT NULL,
  description TEXT,
  position    INTEGER NOT NULL
);

CREATE TABLE types (
  id       TEXT PRIMARY KEY,                    -- stable kebab-case id, e.g. 'france-services'
  bit      INTEGER NOT NULL UNIQUE CHECK (bit BETWEEN 0 AND 62),
  code_di  TEXT,                                -- data·inclusion typology code when one exists
  label    TEXT NOT NULL,
  label_en TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE sources (
  id       TEXT PRIMARY KEY,                    -- e.g. 'france-services-2024-08-01'
  nom      TEXT NOT NULL,
  licence  TEXT NOT NULL,
  url      TEXT,
  date     TEXT NOT NULL                        -- snapshot date, ISO 8601
);

CREATE TABLE lieux (
  num                INTEGER PRIMARY KEY,       -- internal; joins the R*Tree
  id                 TEXT NOT NULL UNIQUE,      -- public, stable across imports
  nom                TEXT NOT NULL,
  adresse            TEXT,
  complement_adresse TEXT,
  code_postal        TEXT,
  commune            TEXT,
  code_insee         TEXT,
  departement        TEXT,
  latitude           REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude          REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  -- 'adresse': the building; 'commune': the commune centre, shown as "position approximative"
  precision          TEXT NOT NULL CHECK (precision IN ('adresse', 'commune')),
  telephone          TEXT,
  courriel           TEXT,
  site_web           TEXT,
  horaires_texte     TEXT,                      -- hours exactly as the source gave them
  horaires_osm       TEXT,                      -- OSM opening_hours syntax, when it could be parsed
  services_mask      INTEGER NOT NULL DEFAULT 0,
  types_mask         INTEGER NOT NULL DEFAULT 0,
  services           TEXT NOT NULL DEFAULT '[]', -- JSON array of services.id, for output
  types              TEXT NOT NULL DEFAULT '[]', -- JSON array of types.id
  labels             TEXT NOT NULL DEFAULT '[]', -- JSON array of national labels / dispositifs
  details            TEXT NOT NULL DEFAULT '{}', -- JSON object: publics, modalités, accès, prise de RDV…
  date_maj           TEXT                       -- most recent date among the sources, ISO 8601
);

CREATE INDEX lieux_nom ON lieux (nom);
CREATE INDEX lieux_departement ON lieux (departement);

CREATE VIRTUAL TABLE lieux_geo USING rtree (num, min_lon, max_lon, min_lat, max_lat);

-- Every source row merged into a place: one place, many provenances.
CREATE TABLE lieu_sources (
  lieu_num  INTEGER NOT NULL REFERENCES lieux (num) ON DELETE CASCADE,
  source_id TEXT NOT NULL REFERENCES sources (id),
  source_ref TEXT NOT NULL,                     -- the row's id in its source
  date_maj  TEXT,
  PRIMARY KEY (source_id, source_ref)
);
CREATE INDEX lieu_sources_lieu ON lieu_sources (lieu_num);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
