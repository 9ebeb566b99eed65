-- Coordinators edit places: accounts, sessions, invitations, an append-only history, public reports.

ALTER TABLE lieux ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE lieux ADD COLUMN archived_at TEXT;          -- ISO date-time; NULL: on the public map
ALTER TABLE lieux ADD COLUMN verifie_le TEXT;           -- last coordinator change or "toujours exact" check
ALTER TABLE lieux ADD COLUMN modifie_le TEXT;           -- last change of the data by a person

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  courriel      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,                        -- scrypt$N$r$p$salt$hash (base64)
  role          TEXT NOT NULL CHECK (role IN ('administrateur', 'coordinateur')),
  territoires   TEXT NOT NULL DEFAULT '[]',           -- JSON array of département codes
  reseaux       TEXT NOT NULL DEFAULT '[]',           -- JSON array of types.id
  created_at    TEXT NOT NULL,
  disabled_at   TEXT
);

-- The cookie carries a random 256-bit id; only its SHA-256 is stored, so a leaked table opens nothing.
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  csrf         TEXT NOT NULL,
  created_at   INTEGER NOT NULL,                      -- epoch ms
  expires_at   INTEGER NOT NULL,                      -- absolute limit
  last_seen_at INTEGER NOT NULL                       -- idle limit counts from here
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE invitations (
  token_hash  TEXT PRIMARY KEY,
  courriel    TEXT NOT NULL COLLATE NOCASE,
  role        TEXT NOT NULL CHECK (role IN ('administrateur', 'coordinateur')),
  territoires TEXT NOT NULL DEFAULT '[]',
  reseaux     TEXT NOT NULL DEFAULT '[]',
  created_by  INTEGER NOT NULL REFERENCES users (id),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  used_at     INTEGER
);

-- Places are referred to by their public id, so the history outlives anything the import does.
CREATE TABLE signalements (
  id          INTEGER PRIMARY KEY,
  lieu_id     TEXT NOT NULL,
  motif       TEXT NOT NULL CHECK (motif IN ('ferme-definitivement', 'horaires', 'telephone', 'adresse', 'services', 'autre')),
  commentaire TEXT,
  statut      TEXT NOT NULL DEFAULT 'ouvert' CHECK (statut IN ('ouvert', 'corrige', 'rejete')),
  created_at  TEXT NOT NULL,
  resolved_at TEXT,
  resolved_by INTEGER REFERENCES users (id),
  reponse     TEXT
);
CREATE INDEX signalements_statut ON signalements (statut, lieu_id);
CREATE INDEX signalements_lieu ON signalements (lieu_id);

CREATE TABLE journal (
  id             INTEGER PRIMARY KEY,
  lieu_id        TEXT,                                -- NULL for an import run's summary
  action         TEXT NOT NULL CHECK (action IN ('creation', 'modification', 'archivage', 'desarchivage',
                   'restauration', 'verification', 'import', 'signalement')),
  version        INTEGER,                             -- the place's version after the change
  user_id        INTEGER REFERENCES users (id),       -- NULL: the import
  created_at     TEXT NOT NULL,
  commentaire    TEXT,
  avant          TEXT NOT NULL DEFAULT '{}',          -- JSON: changed fields before
  apres          TEXT NOT NULL DEFAULT '{}',          -- JSON: changed fields after
  signalement_id INTEGER REFERENCES signalements (id)
);
CREATE INDEX journal_lieu ON journal (lieu_id, id);

-- Nothing is ever lost: the history can only grow.
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
  SELECT RAISE(ABORT, 'journal est en ajout seul');
END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
  SELECT RAISE(ABORT, 'journal est en ajout seul');
END;
