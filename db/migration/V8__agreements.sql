-- Agreements (issue #8): the record the public and journalists come for. V1's two tables were
-- never used by any code and held too little (one date, one document, no precision, no clause
-- states), so they are replaced rather than altered.

DROP TABLE agreement_clause;
DROP TABLE agreement;

CREATE TABLE agreement (
    id                  bigserial PRIMARY KEY,
    agency_id           bigint  NOT NULL REFERENCES agency (id),
    -- The records request the evidence came from, when there is one.
    request_id          bigint  REFERENCES records_request (id),
    kind                text    NOT NULL CHECK (kind IN ('mou', 'acknowledgement_form', 'portal_terms',
                                    'subsidy_program', 'data_sharing', 'community_requests_integration',
                                    'council_resolution', 'other')),
    title               text    NOT NULL CHECK (title <> ''),
    -- "Law Enforcement Neighborhood Portal", "Neighbors Portal"...: lists of text, kept as JSON arrays.
    program_names       jsonb   NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(program_names) = 'array'),
    -- Other public parties that signed, such as the city beside its police department.
    public_parties      jsonb   NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(public_parties) = 'array'),
    counterparties      jsonb   NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(counterparties) = 'array'),
    counterparty_other  text,
    execution           text    NOT NULL DEFAULT 'unknown'
                                CHECK (execution IN ('ink', 'docusign', 'click_through', 'unknown')),
    approval_body       text,
    votes_for           integer CHECK (votes_for >= 0),
    votes_against       integer CHECK (votes_against >= 0),
    end_reason          text    CHECK (end_reason IN ('agency_left', 'program_retired', 'superseded', 'unknown')),
    visibility          text    NOT NULL DEFAULT 'draft' CHECK (visibility IN ('draft', 'published')),
    -- The agreement its kind's others are compared with; only a published one can be.
    is_template         boolean NOT NULL DEFAULT false CHECK (NOT is_template OR visibility = 'published'),
    created_by          bigint  NOT NULL REFERENCES account (id),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          bigint  REFERENCES account (id),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    published_by        bigint  REFERENCES account (id),
    published_at        timestamptz,
    CHECK ((visibility = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX agreement_agency ON agreement (agency_id);
CREATE INDEX agreement_visibility ON agreement (visibility, id);
CREATE UNIQUE INDEX agreement_one_template_per_kind ON agreement (kind) WHERE is_template;

-- The documents that are its evidence; every citation points into one of them.
CREATE TABLE agreement_document (
    agreement_id        bigint  NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    document_id         bigint  NOT NULL REFERENCES document (id),
    PRIMARY KEY (agreement_id, document_id)
);
CREATE INDEX agreement_document_document ON agreement_document (document_id);

-- Signed, approved, announced, effective, ended: each known to its precision and cited.
-- "Active on Ring's portal" is a partnership fact of the agency, not one of these.
CREATE TABLE agreement_date (
    id                  bigserial PRIMARY KEY,
    agreement_id        bigint  NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    kind                text    NOT NULL CHECK (kind IN ('signed', 'approved', 'announced', 'effective', 'ended')),
    occurred_on         date    NOT NULL,
    precision           text    NOT NULL CHECK (precision IN ('day', 'month', 'year')),
    document_id         bigint  NOT NULL REFERENCES document (id),
    page_number         integer NOT NULL CHECK (page_number >= 1),
    CHECK (precision = 'day' OR extract(day FROM occurred_on) = 1),
    CHECK (precision <> 'year' OR extract(month FROM occurred_on) = 1),
    UNIQUE (agreement_id, kind)
);
CREATE INDEX agreement_date_kind ON agreement_date (kind, occurred_on);

CREATE TABLE agreement_signatory (
    id                  bigserial PRIMARY KEY,
    agreement_id        bigint  NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    ordinal             integer NOT NULL,
    name                text    NOT NULL CHECK (name <> ''),
    title               text,
    party               text    NOT NULL CHECK (party <> ''),
    UNIQUE (agreement_id, ordinal)
);

-- One row per clause of the fixed vocabulary the editor said something about. A present or
-- struck clause is quoted and cited; an absent or unknown one has nothing to quote.
CREATE TABLE agreement_clause (
    id                  bigserial PRIMARY KEY,
    agreement_id        bigint  NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    topic               text    NOT NULL,
    state               text    NOT NULL CHECK (state IN ('present', 'absent', 'struck', 'unknown')),
    quote               text,
    document_id         bigint  REFERENCES document (id),
    page_number         integer CHECK (page_number >= 1),
    -- Counts and dollars ({"devices": 15}), numbers so that they can be summed.
    figures             jsonb   NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(figures) = 'object'),
    -- Who saved a quote that the page's text (OCR noise) did not contain.
    checked_by_eye_by   bigint  REFERENCES account (id),
    UNIQUE (agreement_id, topic),
    CHECK ((state IN ('present', 'struck')) = (quote IS NOT NULL AND document_id IS NOT NULL AND page_number IS NOT NULL))
);
CREATE INDEX agreement_clause_topic ON agreement_clause (topic, state);
CREATE INDEX agreement_clause_document ON agreement_clause (document_id);
