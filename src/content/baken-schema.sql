-- SPDX-License-Identifier: GPL-3.0-or-later
-- Baken content DB, written by `baken-bundle build`, read-only on the kiosk.
-- The schema version is PRAGMA user_version (BAKEN_SCHEMA_VERSION in baken-content.h).
-- Every resident-facing text lives in a *_text table, one row per language; Dutch ('nl')
-- is always present.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,   -- serial, created, expires, publisher, region, format
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE icon (
  name TEXT PRIMARY KEY NOT NULL,
  svg  BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE life_event (
  id        TEXT PRIMARY KEY NOT NULL,
  parent_id TEXT REFERENCES life_event (id),
  position  INTEGER NOT NULL,
  icon      TEXT REFERENCES icon (name),
  depth     INTEGER NOT NULL             -- 0 for the home screen
);
CREATE INDEX life_event_parent ON life_event (parent_id, position);

CREATE TABLE life_event_text (
  life_event_id TEXT NOT NULL REFERENCES life_event (id),
  lang          TEXT NOT NULL,
  title         TEXT,
  summary       TEXT,
  question      TEXT,
  body          TEXT,
  PRIMARY KEY (life_event_id, lang)
) WITHOUT ROWID;

CREATE TABLE organization (
  id      TEXT PRIMARY KEY NOT NULL,
  website TEXT,
  email   TEXT
);

CREATE TABLE organization_text (
  organization_id TEXT NOT NULL REFERENCES organization (id),
  lang            TEXT NOT NULL,
  name            TEXT,
  description     TEXT,
  PRIMARY KEY (organization_id, lang)
) WITHOUT ROWID;

CREATE TABLE service (
  id              TEXT PRIMARY KEY NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organization (id),
  url             TEXT,
  email           TEXT,
  status          TEXT NOT NULL,         -- only 'active' is shown
  assured_date    TEXT,                  -- YYYY-MM-DD, last checked
  handover        TEXT,                  -- staff only: what to pass on at a warm handover
  minimum_age     INTEGER,               -- years; NULL: no lower limit
  maximum_age     INTEGER                -- years; NULL: no upper limit
);

CREATE TABLE service_text (
  service_id     TEXT NOT NULL REFERENCES service (id),
  lang           TEXT NOT NULL,
  name           TEXT,
  description    TEXT,                   -- what they help with
  what_to_expect TEXT,                   -- HSDS application_process
  cost           TEXT,                   -- HSDS fees_description
  eligibility    TEXT,
  alert          TEXT,
  fees           TEXT,                   -- short: "gratis", "25 euro"
  wait_time      TEXT,                   -- "ongeveer 2 weken"
  PRIMARY KEY (service_id, lang)
) WITHOUT ROWID;

CREATE TABLE required_document (
  id         TEXT PRIMARY KEY NOT NULL,
  service_id TEXT NOT NULL REFERENCES service (id),
  position   INTEGER NOT NULL
);
CREATE INDEX required_document_service ON required_document (service_id, position);

CREATE TABLE required_document_text (
  required_document_id TEXT NOT NULL REFERENCES required_document (id),
  lang                 TEXT NOT NULL,
  document             TEXT,
  PRIMARY KEY (required_document_id, lang)
) WITHOUT ROWID;

CREATE TABLE service_language (
  service_id TEXT NOT NULL REFERENCES service (id),
  code       TEXT NOT NULL,              -- ISO 639-1
  PRIMARY KEY (service_id, code)
) WITHOUT ROWID;

CREATE TABLE location (
  id          TEXT PRIMARY KEY NOT NULL,
  latitude    REAL,
  longitude   REAL,
  address_1   TEXT,
  address_2   TEXT,
  postal_code TEXT,
  city        TEXT
);

CREATE TABLE location_text (
  location_id   TEXT NOT NULL REFERENCES location (id),
  lang          TEXT NOT NULL,
  name          TEXT,
  description   TEXT,
  transportation TEXT,
  accessibility TEXT,
  PRIMARY KEY (location_id, lang)
) WITHOUT ROWID;

CREATE TABLE service_at_location (
  id          TEXT PRIMARY KEY NOT NULL,
  service_id  TEXT NOT NULL REFERENCES service (id),
  location_id TEXT NOT NULL REFERENCES location (id)
);
CREATE INDEX service_at_location_service ON service_at_location (service_id);

-- Phones (HSDS phones.csv) and the other channels (channels.csv) in one table.
CREATE TABLE channel (
  id          TEXT PRIMARY KEY NOT NULL,
  service_id  TEXT NOT NULL REFERENCES service (id),
  kind        TEXT NOT NULL CHECK (kind IN ('phone', 'chat', 'appointment', 'walk_in',
                                             'email', 'website')),
  value       TEXT,                      -- number, URL or e-mail address
  audience    TEXT NOT NULL CHECK (audience IN ('public', 'staff')),
  location_id TEXT REFERENCES location (id),
  position    INTEGER NOT NULL
);
CREATE INDEX channel_service ON channel (service_id, position);

CREATE TABLE channel_text (
  channel_id TEXT NOT NULL REFERENCES channel (id),
  lang       TEXT NOT NULL,
  label      TEXT,
  cost_note  TEXT,
  PRIMARY KEY (channel_id, lang)
) WITHOUT ROWID;

-- Weekly slots. owner_kind is 'service', 'channel' or 'service_at_location'.
-- days is a bit mask, bit 0 = Monday … bit 6 = Sunday. Times are minutes after local
-- midnight; closes < opens means the slot runs past midnight; closes may be 1440.
CREATE TABLE schedule (
  id         TEXT PRIMARY KEY NOT NULL,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('service', 'channel', 'service_at_location')),
  owner_id   TEXT NOT NULL,
  days       INTEGER NOT NULL,
  opens      INTEGER NOT NULL,
  closes     INTEGER NOT NULL,
  valid_from TEXT,
  valid_to   TEXT
);
CREATE INDEX schedule_owner ON schedule (owner_kind, owner_id);

CREATE TABLE schedule_exception (
  id         TEXT PRIMARY KEY NOT NULL,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('service', 'channel', 'service_at_location')),
  owner_id   TEXT NOT NULL,
  date       TEXT NOT NULL,              -- YYYY-MM-DD
  closed     INTEGER NOT NULL,           -- 1: closed all day; 0: open opens..closes
  opens      INTEGER,
  closes     INTEGER
);
CREATE INDEX schedule_exception_owner ON schedule_exception (owner_kind, owner_id);

CREATE TABLE schedule_exception_text (
  schedule_exception_id TEXT NOT NULL REFERENCES schedule_exception (id),
  lang                  TEXT NOT NULL,
  note                  TEXT,
  PRIMARY KEY (schedule_exception_id, lang)
) WITHOUT ROWID;

CREATE TABLE life_event_service (
  life_event_id TEXT NOT NULL REFERENCES life_event (id),
  service_id    TEXT NOT NULL REFERENCES service (id),
  position      INTEGER NOT NULL,
  PRIMARY KEY (life_event_id, service_id)
) WITHOUT ROWID;

CREATE TABLE life_event_service_text (
  life_event_id TEXT NOT NULL,
  service_id    TEXT NOT NULL,
  lang          TEXT NOT NULL,
  note          TEXT,
  PRIMARY KEY (life_event_id, service_id, lang)
) WITHOUT ROWID;

CREATE TABLE synonym (
  term          TEXT NOT NULL,
  lang          TEXT NOT NULL,
  life_event_id TEXT NOT NULL REFERENCES life_event (id),
  PRIMARY KEY (term, lang, life_event_id)
) WITHOUT ROWID;

-- Full-text search over life events (with their synonyms), services and organisations.
-- kind is 'life_event', 'service' or 'organization'; one row per record and language.
-- The texts are folded for finding (baken-search-fold.h); never shown.
CREATE VIRTUAL TABLE search USING fts5 (
  kind UNINDEXED,
  id UNINDEXED,
  lang UNINDEXED,
  title,
  body,
  terms,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
