-- Bilateral remittance flows (World Bank/KNOMAD matrix) that weight the global average. Append-only per batch:
-- the latest batch ingested before a moment gives the flows in force at that moment.
CREATE TABLE remittance_flows (
    sender      TEXT COLLATE "C" NOT NULL,
    receiver    TEXT COLLATE "C" NOT NULL,
    year        BIGINT NOT NULL,
    usd_million TEXT COLLATE "C" NOT NULL,
    batch_id    BIGINT NOT NULL REFERENCES batches (id),
    PRIMARY KEY (sender, receiver, year, batch_id)
);

-- Indicators and exports read one period at a time.
CREATE INDEX ix_quote_observations_period ON quote_observations (period, ingested_at);
