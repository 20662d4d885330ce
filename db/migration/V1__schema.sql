-- RingWatch schema, version 1: the whole roadmap (design.md §4) in one place, so later
-- capabilities extend these tables instead of rewriting them. Every enumeration is a CHECK,
-- every natural key a UNIQUE, every name NFC-normalised.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change), so it cannot back an index or a
-- generated column. Naming the dictionary makes the result fixed; we declare it IMMUTABLE.
CREATE FUNCTION rw_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- ---------------------------------------------------------------------------------------
-- States and their public-records law
-- ---------------------------------------------------------------------------------------

CREATE TABLE state (
    code        char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),
    name        text    NOT NULL UNIQUE CHECK (name IS NFC NORMALIZED AND name <> ''),
    kind        text    NOT NULL CHECK (kind IN ('federal', 'state', 'district'))
);

-- One law per jurisdiction today; effective_from lets a later amendment be a new row.
CREATE TABLE records_law (
    id                         bigserial PRIMARY KEY,
    state_code                 char(2)  NOT NULL REFERENCES state (code),
    effective_from             date,
    law_name                   text     NOT NULL,
    citation                   text     NOT NULL,
    -- Exactly as the source wrote it ("10 / 15", "none (≤20)"), next to what we parsed.
    deadline_as_written        text     NOT NULL,
    day_type_as_written        text     NOT NULL,
    -- NULL days = no statutory number of days ("promptly"): never 0, never a guess.
    first_deadline_days        integer  CHECK (first_deadline_days > 0),
    first_deadline_day_type    text     CHECK (first_deadline_day_type IN ('business', 'calendar')),
    second_deadline_days       integer  CHECK (second_deadline_days > 0),
    second_deadline_day_type   text     CHECK (second_deadline_day_type IN ('business', 'calendar')),
    what_is_due                text     NOT NULL,
    extension                  text,
    administrative_appeal      text,
    judicial_review            text,
    requester_restriction      text,    -- NULL when anyone may ask
    confidence                 char(1)  NOT NULL CHECK (confidence IN ('H', 'M')),
    notes                      text,
    source_id                  bigint   NOT NULL,
    CHECK ((first_deadline_days IS NULL) = (first_deadline_day_type IS NULL)),
    CHECK ((second_deadline_days IS NULL) = (second_deadline_day_type IS NULL)),
    UNIQUE NULLS NOT DISTINCT (state_code, effective_from)
);

-- Legal holidays as rules, so any year can be computed. jurisdiction 'US' is the federal
-- set, which is the floor every state calendar starts from.
CREATE TABLE holiday_rule (
    id              bigserial PRIMARY KEY,
    state_code      char(2)  NOT NULL REFERENCES state (code),
    name            text     NOT NULL,
    kind            text     NOT NULL CHECK (kind IN ('fixed_date', 'nth_weekday', 'last_weekday')),
    month           smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
    day_of_month    smallint CHECK (day_of_month BETWEEN 1 AND 31),
    day_of_week     smallint CHECK (day_of_week BETWEEN 1 AND 7),     -- ISO: 1 = Monday
    nth             smallint CHECK (nth BETWEEN 1 AND 5),
    observed        text     NOT NULL CHECK (observed IN ('none', 'federal', 'sunday_to_monday')),
    first_year      smallint,
    last_year       smallint,
    citation        text     NOT NULL,
    CHECK (kind <> 'fixed_date'   OR (day_of_month IS NOT NULL AND day_of_week IS NULL AND nth IS NULL)),
    CHECK (kind <> 'nth_weekday'  OR (day_of_week IS NOT NULL AND nth IS NOT NULL AND day_of_month IS NULL)),
    CHECK (kind <> 'last_weekday' OR (day_of_week IS NOT NULL AND nth IS NULL AND day_of_month IS NULL)),
    CHECK (first_year IS NULL OR last_year IS NULL OR first_year <= last_year),
    UNIQUE (state_code, name)
);

-- ---------------------------------------------------------------------------------------
-- Sources: every dated fact and every claim says where it comes from
-- ---------------------------------------------------------------------------------------

CREATE TABLE source (
    id          bigserial PRIMARY KEY,
    url         text CHECK (url ~ '^https?://'),    -- NULL for a compilation with no one address
    title       text NOT NULL,
    publisher   text NOT NULL,
    licence     text,
    retrieved   text,          -- snapshot or retrieval date as the source gives it
    UNIQUE NULLS NOT DISTINCT (url, title)
);

ALTER TABLE records_law ADD FOREIGN KEY (source_id) REFERENCES source (id);

-- ---------------------------------------------------------------------------------------
-- Places and agencies
-- ---------------------------------------------------------------------------------------

CREATE TABLE jurisdiction (
    id          bigserial PRIMARY KEY,
    state_code  char(2)  NOT NULL REFERENCES state (code),
    kind        text     NOT NULL CHECK (kind IN ('county', 'city')),
    name        text     NOT NULL CHECK (name IS NFC NORMALIZED AND name <> ''),
    slug        text     NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    geoid       text     CHECK (geoid ~ '^[0-9]{2,12}$'),           -- Census FIPS / GEOID
    population  integer  CHECK (population >= 0),
    latitude    numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude   numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    name_folded text GENERATED ALWAYS AS (rw_fold(name)) STORED,
    UNIQUE (state_code, slug),
    UNIQUE (state_code, kind, name)
);
CREATE INDEX jurisdiction_name_trgm ON jurisdiction USING gin (name_folded gin_trgm_ops);

CREATE TABLE agency (
    id                      bigserial PRIMARY KEY,
    state_code              char(2)  NOT NULL REFERENCES state (code),
    name                    text     NOT NULL CHECK (name IS NFC NORMALIZED AND name <> ''),
    slug                    text     NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    kind                    text     NOT NULL CHECK (kind IN ('police', 'sheriff', 'other')),
    kind_as_written         text,    -- "Constables", "District Attorney": kept from the source
    jurisdiction_level      text     NOT NULL CHECK (jurisdiction_level IN ('municipal', 'county', 'parish', 'regional', 'state')),
    city_id                 bigint   REFERENCES jurisdiction (id),   -- where it sits; browse by city
    records_email           text     CHECK (records_email ~ '^[^@\s]+@[^@\s]+$'),
    records_portal_url      text     CHECK (records_portal_url ~ '^https?://'),
    records_postal_address  text,
    website_url             text     CHECK (website_url ~ '^https?://'),
    name_folded             text GENERATED ALWAYS AS (rw_fold(name)) STORED,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    -- Names repeat across states ("Aurora Police Department", CO and IL): key on both.
    UNIQUE (state_code, name),
    UNIQUE (state_code, slug)
);
CREATE INDEX agency_name_trgm ON agency USING gin (name_folded gin_trgm_ops);
CREATE INDEX agency_city ON agency (city_id);
CREATE INDEX agency_updated ON agency (updated_at, id);

-- Counties an agency serves: sources list several for one agency ("Montgomery County,
-- Fort Bend County, Harris County" for Houston).
CREATE TABLE agency_county (
    agency_id       bigint  NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
    county_id       bigint  NOT NULL REFERENCES jurisdiction (id),
    PRIMARY KEY (agency_id, county_id)
);
CREATE INDEX agency_county_county ON agency_county (county_id);

-- A partnership is a set of dated facts, each with its own precision and source.
CREATE TABLE partnership_fact (
    id              bigserial PRIMARY KEY,
    agency_id       bigint  NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
    kind            text    NOT NULL CHECK (kind IN ('portal_active', 'agreement_signed', 'council_approval',
                                                     'announced', 'ended')),
    occurred_on     date    NOT NULL,
    precision       text    NOT NULL CHECK (precision IN ('day', 'month', 'year')),
    source_id       bigint  NOT NULL REFERENCES source (id),
    source_record   text    NOT NULL DEFAULT '',   -- the row's id in its source (Atlas "AOS3711")
    statement       text,                          -- the source's own sentence for the fact
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- A month- or year-precise date is stored as its first day, never a guessed day.
    CHECK (precision = 'day' OR extract(day FROM occurred_on) = 1),
    CHECK (precision <> 'year' OR extract(month FROM occurred_on) = 1),
    UNIQUE (agency_id, kind, occurred_on, source_id, source_record)
);
CREATE INDEX partnership_fact_kind_date ON partnership_fact (kind, occurred_on);

-- Links to records published elsewhere (DocumentCloud projects, city pages, press).
CREATE TABLE agency_link (
    id              bigserial PRIMARY KEY,
    agency_id       bigint  NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
    url             text    NOT NULL CHECK (url ~ '^https?://'),
    publisher       text,
    dated           date,
    source_id       bigint  NOT NULL REFERENCES source (id),
    UNIQUE (agency_id, url)
);

-- ---------------------------------------------------------------------------------------
-- Accounts (volunteers, moderators, admins)
-- ---------------------------------------------------------------------------------------

CREATE TABLE account (
    id              bigserial PRIMARY KEY,
    email           text    NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    display_name    text    NOT NULL CHECK (display_name IS NFC NORMALIZED AND display_name <> ''),
    password_hash   text    NOT NULL,
    role            text    NOT NULL CHECK (role IN ('volunteer', 'moderator', 'admin')),
    disabled_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_email ON account (lower(email));

CREATE TABLE invitation (
    id              bigserial PRIMARY KEY,
    token_hash      text    NOT NULL UNIQUE,
    email           text,
    role            text    NOT NULL CHECK (role IN ('volunteer', 'moderator', 'admin')),
    invited_by      bigint  NOT NULL REFERENCES account (id),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    used_by         bigint  REFERENCES account (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_token (
    id              bigserial PRIMARY KEY,
    account_id      bigint  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash      text    NOT NULL UNIQUE,    -- SHA-256 of the token; the token is shown once
    label           text    NOT NULL,
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------
-- Records requests and their correspondence
-- ---------------------------------------------------------------------------------------

CREATE TABLE records_request (
    id              bigserial PRIMARY KEY,
    agency_id       bigint  NOT NULL REFERENCES agency (id),
    requester_id    bigint  NOT NULL REFERENCES account (id),
    title           text    NOT NULL CHECK (title <> ''),
    records_sought  text    NOT NULL,
    letter_text     text,
    status          text    NOT NULL DEFAULT 'draft' CHECK (status IN (
                        'draft', 'filed', 'acknowledged', 'processing', 'fee_requested',
                        'clarification_requested', 'partially_fulfilled', 'fulfilled',
                        'no_responsive_records', 'denied', 'appealed', 'withdrawn')),
    filed_on        date,
    embargo_until   date,
    private_notes   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (status = 'draft' OR filed_on IS NOT NULL)
);
CREATE INDEX records_request_agency ON records_request (agency_id);
CREATE INDEX records_request_requester ON records_request (requester_id);
CREATE INDEX records_request_updated ON records_request (updated_at, id);

CREATE TABLE request_follower (
    request_id      bigint  NOT NULL REFERENCES records_request (id) ON DELETE CASCADE,
    account_id      bigint  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    PRIMARY KEY (request_id, account_id)
);

CREATE TABLE request_event (
    id              bigserial PRIMARY KEY,
    request_id      bigint  NOT NULL REFERENCES records_request (id) ON DELETE CASCADE,
    occurred_on     date    NOT NULL,
    direction       text    NOT NULL CHECK (direction IN ('sent', 'received', 'note')),
    channel         text    CHECK (channel IN ('email', 'portal', 'mail', 'fax', 'phone', 'in_person')),
    subject         text,
    body            text,
    status_to       text    CHECK (status_to IN (
                        'draft', 'filed', 'acknowledged', 'processing', 'fee_requested',
                        'clarification_requested', 'partially_fulfilled', 'fulfilled',
                        'no_responsive_records', 'denied', 'appealed', 'withdrawn')),
    exemption_cited text,
    fee_quoted      numeric(12, 2) CHECK (fee_quoted >= 0),
    fee_paid        numeric(12, 2) CHECK (fee_paid >= 0),
    is_private      boolean NOT NULL DEFAULT false,
    author_id       bigint  NOT NULL REFERENCES account (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_event_request ON request_event (request_id, occurred_on, id);

-- An agency may split one request into several tracked ones.
CREATE TABLE request_tracking_number (
    request_id      bigint  NOT NULL REFERENCES records_request (id) ON DELETE CASCADE,
    event_id        bigint  REFERENCES request_event (id) ON DELETE SET NULL,
    tracking_number text    NOT NULL CHECK (tracking_number <> ''),
    PRIMARY KEY (request_id, tracking_number)
);

-- ---------------------------------------------------------------------------------------
-- Documents: content-addressed files, their pages, their text
-- ---------------------------------------------------------------------------------------

CREATE TABLE blob (
    sha256          char(64) PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes      bigint   NOT NULL CHECK (size_bytes >= 0),
    media_type      text     NOT NULL,          -- decided by magic bytes and parsing
    stored_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE document (
    id              bigserial PRIMARY KEY,
    request_id      bigint   NOT NULL REFERENCES records_request (id),
    event_id        bigint   REFERENCES request_event (id),
    parent_id       bigint   REFERENCES document (id),      -- an e-mail's attachment
    blob_sha256     char(64) NOT NULL REFERENCES blob (sha256),
    original_name   text     NOT NULL,
    uploaded_by     bigint   NOT NULL REFERENCES account (id),
    status          text     NOT NULL DEFAULT 'processing'
                             CHECK (status IN ('processing', 'ready', 'quarantined', 'ocr_unavailable')),
    status_reason   text,
    visibility      text     NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'published', 'withheld')),
    withheld_reason text,
    page_count      integer  CHECK (page_count >= 0),
    published_at    timestamptz,
    published_by    bigint   REFERENCES account (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_request ON document (request_id);
CREATE INDEX document_blob ON document (blob_sha256);

-- One row per page: a 500-page PDF would exceed tsvector limits as one document.
CREATE TABLE document_page (
    document_id     bigint   NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    page_number     integer  NOT NULL CHECK (page_number >= 1),
    text_content    text     NOT NULL DEFAULT '',
    text_source     text     CHECK (text_source IN ('text_layer', 'ocr', 'parser')),
    withheld        boolean  NOT NULL DEFAULT false,
    personal_data_flags jsonb NOT NULL DEFAULT '[]',
    search_vector   tsvector,
    PRIMARY KEY (document_id, page_number)
);
CREATE INDEX document_page_search ON document_page USING gin (search_vector);

-- ---------------------------------------------------------------------------------------
-- Agreements: documents turned into records with clauses cited to document and page
-- ---------------------------------------------------------------------------------------

CREATE TABLE agreement (
    id              bigserial PRIMARY KEY,
    agency_id       bigint  NOT NULL REFERENCES agency (id),
    kind            text    NOT NULL CHECK (kind IN ('mou', 'terms_acceptance', 'acknowledgement_form',
                                                     'letter', 'other')),
    title           text    NOT NULL,
    signed_on       date,
    ended_on        date,
    document_id     bigint  REFERENCES document (id),
    summary         text,
    created_by      bigint  REFERENCES account (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (ended_on IS NULL OR signed_on IS NULL OR ended_on >= signed_on)
);
CREATE INDEX agreement_agency ON agreement (agency_id);

CREATE TABLE agreement_clause (
    id              bigserial PRIMARY KEY,
    agreement_id    bigint  NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    topic           text    NOT NULL CHECK (topic IN ('free_cameras', 'subsidy', 'app_promotion',
                                                      'confidentiality', 'statement_approval',
                                                      'video_requests', 'data_retention', 'term',
                                                      'other')),
    quoted_text     text    NOT NULL,
    document_id     bigint  NOT NULL REFERENCES document (id),
    page_number     integer NOT NULL CHECK (page_number >= 1),
    differs_from_template boolean,
    ordinal         integer NOT NULL DEFAULT 0
);
CREATE INDEX agreement_clause_agreement ON agreement_clause (agreement_id, ordinal);

-- ---------------------------------------------------------------------------------------
-- Audit log and background jobs
-- ---------------------------------------------------------------------------------------

CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor_id        bigint   REFERENCES account (id),     -- NULL for the system itself
    action          text     NOT NULL,
    entity_type     text     NOT NULL,
    entity_id       text     NOT NULL,
    before_state    jsonb,
    after_state     jsonb
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, occurred_at);

-- Work that must survive restarts; claimed with FOR UPDATE SKIP LOCKED.
CREATE TABLE job (
    id              bigserial PRIMARY KEY,
    kind            text     NOT NULL,
    payload         jsonb    NOT NULL DEFAULT '{}',
    status          text     NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts        integer  NOT NULL DEFAULT 0,
    run_after       timestamptz NOT NULL DEFAULT now(),
    locked_by       text,
    locked_until    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_ready ON job (run_after) WHERE status = 'pending';

-- Which seed files were loaded, and what they looked like, so a start-up can skip them.
CREATE TABLE seed_file (
    name            text PRIMARY KEY,
    sha256          char(64) NOT NULL,
    row_count       integer  NOT NULL,
    loaded_at       timestamptz NOT NULL DEFAULT now()
);
