-- API keys for write access. Only a salted SHA-256 of each key's secret is kept; the secret is shown once, at creation.
CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    scope      TEXT NOT NULL CHECK (scope IN ('upload', 'admin')),
    key_id     TEXT NOT NULL UNIQUE,
    salt       TEXT NOT NULL,
    hash       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
-- A name is reusable once the key that held it is revoked.
CREATE UNIQUE INDEX ux_api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;

-- The key an uploaded batch was sent with; null for batches ingested by the command line.
ALTER TABLE batches ADD COLUMN api_key_id INTEGER REFERENCES api_keys (id);
