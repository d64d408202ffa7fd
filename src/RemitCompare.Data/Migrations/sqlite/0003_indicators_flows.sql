-- Bilateral remittance flows (World Bank/KNOMAD matrix) that weight the global average. Append-only per batch:
-- the latest batch ingested before a moment gives the flows in force at that moment.
CREATE TABLE remittance_flows (
    sender      TEXT NOT NULL,
    receiver    TEXT NOT NULL,
    year        INTEGER NOT NULL,
    usd_million TEXT NOT NULL,
    batch_id    INTEGER NOT NULL REFERENCES batches (id),
    PRIMARY KEY (sender, receiver, year, batch_id)
) WITHOUT ROWID;

-- Indicators and exports read one period at a time.
CREATE INDEX ix_quote_observations_period ON quote_observations (period, ingested_at);
