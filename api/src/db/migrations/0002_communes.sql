-- Communes, to search help by place name or postcode without leaving the app.
-- `nom_recherche` holds the folded words of the name ("L'Haÿ-les-Roses" → 'l hay les roses'), the
-- same folding the API applies to what people type, so hyphens, apostrophes and accents never matter.

CREATE TABLE communes (
  code_insee      TEXT PRIMARY KEY,
  nom             TEXT NOT NULL,
  nom_recherche   TEXT NOT NULL,
  departement     TEXT NOT NULL,
  departement_nom TEXT NOT NULL,
  codes_postaux   TEXT NOT NULL DEFAULT '[]',   -- JSON array, for output
  latitude        REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude       REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  -- 'commune': the commune's own point; 'departement': unknown, the centre of its département instead
  precision       TEXT NOT NULL CHECK (precision IN ('commune', 'departement')),
  population      INTEGER NOT NULL DEFAULT 0
);

-- Postcode prefixes ("420") are a range scan on this table.
CREATE TABLE commune_codes_postaux (
  code_postal TEXT NOT NULL,
  code_insee  TEXT NOT NULL REFERENCES communes (code_insee) ON DELETE CASCADE,
  PRIMARY KEY (code_postal, code_insee)
) WITHOUT ROWID;

-- Word-prefix search on the folded name; rebuilt by the import after it fills `communes`.
CREATE VIRTUAL TABLE communes_fts USING fts5 (
  nom_recherche, content = 'communes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
