-- Decimal amounts and rates are TEXT so SQLite never turns them into binary floating point.
CREATE TABLE currencies (
    code          TEXT PRIMARY KEY,
    numeric_code  TEXT NOT NULL,
    minor_units   INTEGER NOT NULL,
    name          TEXT NOT NULL
);

CREATE TABLE countries (
    iso3          TEXT PRIMARY KEY,
    iso2          TEXT NOT NULL,
    name          TEXT NOT NULL,
    currency_code TEXT,
    region        TEXT,
    sub_region    TEXT
);

CREATE TABLE batches (
    id               INTEGER PRIMARY KEY,
    source           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    file_name        TEXT,
    payload_sha256   TEXT NOT NULL,
    payload_bytes    INTEGER NOT NULL,
    started_at       TEXT NOT NULL,
    finished_at      TEXT NOT NULL,
    rows_read        INTEGER NOT NULL,
    rows_accepted    INTEGER NOT NULL,
    rows_quarantined INTEGER NOT NULL,
    UNIQUE (source, payload_sha256)
);

CREATE TABLE providers (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE,
    firm_type TEXT NOT NULL
);

CREATE TABLE corridors (
    id           INTEGER PRIMARY KEY,
    from_country TEXT NOT NULL REFERENCES countries (iso3),
    to_country   TEXT NOT NULL REFERENCES countries (iso3),
    UNIQUE (from_country, to_country)
);

CREATE TABLE services (
    id              INTEGER PRIMARY KEY,
    provider_id     INTEGER NOT NULL REFERENCES providers (id),
    corridor_id     INTEGER NOT NULL REFERENCES corridors (id),
    funding_method  TEXT NOT NULL,
    payout_method   TEXT NOT NULL,
    send_currency   TEXT NOT NULL REFERENCES currencies (code),
    payout_currency TEXT NOT NULL REFERENCES currencies (code),
    UNIQUE (provider_id, corridor_id, funding_method, payout_method, send_currency, payout_currency)
);

-- Append-only: one row per observed price. Nothing updates or deletes these rows.
CREATE TABLE quote_observations (
    id                 INTEGER PRIMARY KEY,
    service_id         INTEGER NOT NULL REFERENCES services (id),
    batch_id           INTEGER NOT NULL REFERENCES batches (id),
    source_row         INTEGER,
    row_hash           TEXT NOT NULL,
    collected_at       TEXT NOT NULL,
    ingested_at        TEXT NOT NULL,
    period             TEXT,
    firm_type          TEXT NOT NULL,
    speed              TEXT,
    fee_schedule       TEXT NOT NULL,
    fee_placement      TEXT NOT NULL,
    receive_fee        TEXT,
    rate               TEXT,
    interbank_rate     TEXT,
    transparent        INTEGER NOT NULL,
    promotion          INTEGER NOT NULL,
    surveyed_low       TEXT,
    surveyed_high      TEXT,
    cc1_amount         TEXT,
    cc1_fee            TEXT,
    cc1_rate           TEXT,
    cc1_margin_pct     TEXT,
    cc1_total_cost_pct TEXT,
    cc2_amount         TEXT,
    cc2_fee            TEXT,
    cc2_rate           TEXT,
    cc2_margin_pct     TEXT,
    cc2_total_cost_pct TEXT,
    inference          TEXT,
    UNIQUE (service_id, row_hash)
);
CREATE INDEX ix_quote_observations_latest ON quote_observations (service_id, collected_at DESC, id DESC);
CREATE INDEX ix_quote_observations_batch ON quote_observations (batch_id);

CREATE TABLE reference_rates (
    source     TEXT NOT NULL,
    base       TEXT NOT NULL,
    quote      TEXT NOT NULL,
    rate_date  TEXT NOT NULL,
    rate       TEXT NOT NULL,
    batch_id   INTEGER NOT NULL REFERENCES batches (id),
    PRIMARY KEY (source, base, quote, rate_date)
) WITHOUT ROWID;

CREATE TABLE quarantine (
    id         INTEGER PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES batches (id),
    row_number INTEGER NOT NULL,
    field      TEXT,
    reason     TEXT NOT NULL,
    raw        TEXT NOT NULL
);
CREATE INDEX ix_quarantine_batch ON quarantine (batch_id);
