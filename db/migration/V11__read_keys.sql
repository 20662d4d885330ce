-- Read keys for the journalists' API. A read key is an api_token row of its own kind: shown once,
-- kept as its SHA-256, revocable like a personal token, but it proves no identity and allows no
-- write; it only lets its holder read at a higher rate than an anonymous address
-- (account/ReadLimits).
ALTER TABLE api_token
    ADD COLUMN kind text NOT NULL DEFAULT 'personal' CHECK (kind IN ('personal', 'read'));

-- An admin's limit for one read key, in requests per ringwatch.rate-limit.window; null means
-- the configured ringwatch.rate-limit.key.
ALTER TABLE api_token
    ADD COLUMN rate_limit integer CHECK (rate_limit > 0);
