-- Full public dumps (issue 10): one ZIP of every public table as CSV with its datapackage.json, and
-- a second ZIP of the published pages' texts, made once a day (or on demand by an admin). The files
-- live in the blob store like documents; a row here is written only once both are stored, so a dump
-- that failed half-way is never listed (its files are unreferenced and the sweeper removes them).
CREATE TABLE dump (
    -- One dump per day: the daily job and an admin's button on the same day make one, never two.
    made_on           date        PRIMARY KEY,
    created_at        timestamptz NOT NULL DEFAULT now(),
    sha256            char(64)    NOT NULL REFERENCES blob (sha256),
    size_bytes        bigint      NOT NULL CHECK (size_bytes > 0),
    pages_sha256      char(64)    NOT NULL REFERENCES blob (sha256),
    pages_size_bytes  bigint      NOT NULL CHECK (pages_size_bytes > 0),
    -- {"agencies": 1501, ...}: rows per table, so a reader can check a download is whole.
    row_counts        jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(row_counts) = 'object'),
    -- How long the dump took to make, for operators and the benchmark against pg_dump.
    duration_ms       bigint      NOT NULL CHECK (duration_ms >= 0)
);
