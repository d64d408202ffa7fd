-- Live feeds: every fetch attempt of a configured source, and the raw payloads kept for audit.
CREATE TABLE source_fetches (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    error        TEXT,
    batch_id     INTEGER REFERENCES batches (id),
    accepted     INTEGER NOT NULL,
    quarantined  INTEGER NOT NULL
);
CREATE INDEX ix_source_fetches_source ON source_fetches (source, id DESC);

-- Content-addressed: the same payload fetched twice is kept once.
CREATE TABLE feed_payloads (
    payload_sha256 TEXT PRIMARY KEY,
    source         TEXT NOT NULL,
    fetched_at     TEXT NOT NULL,
    body           BLOB NOT NULL
) WITHOUT ROWID;
