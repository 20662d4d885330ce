-- First-run setup (account/FirstRunSetup): while no admin exists, each start of the service
-- prints a one-time link to create one in the browser. Only the token's SHA-256 is kept. A newer
-- link replaces every unused older one, so a restart prints a fresh link and the old one stops
-- working; a used one stays, with the admin it made.
CREATE TABLE setup_token (
    id              bigserial   PRIMARY KEY,
    token_hash      text        NOT NULL UNIQUE,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    used_by         bigint      REFERENCES account (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);
