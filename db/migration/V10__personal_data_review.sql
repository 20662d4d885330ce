-- Readable moderation (issue 9): every personal-data flag on a page is resolved before its
-- document is published, either by withholding the page (document_page.withheld, nothing to
-- store here) or by a moderator saying why the flagged text is not personal ("an officer's
-- work address"). The flag is the page's own "kind:value" string, so a flag that a later
-- reading of the file (OCR installed afterwards) no longer finds simply stops mattering, and
-- a new one starts unresolved.
CREATE TABLE personal_data_clearance (
    document_id   bigint      NOT NULL,
    page_number   integer     NOT NULL,
    flag          text        NOT NULL CHECK (flag ~ '^(email|phone):.+'),
    note          text        NOT NULL CHECK (note IS NFC NORMALIZED AND length(note) BETWEEN 1 AND 300),
    cleared_by    bigint      NOT NULL REFERENCES account (id),
    cleared_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document_id, page_number, flag),
    FOREIGN KEY (document_id, page_number) REFERENCES document_page (document_id, page_number) ON DELETE CASCADE
);

-- The review queue reads what waits, oldest first.
CREATE INDEX document_waiting ON document (created_at, id) WHERE visibility = 'private';
CREATE INDEX agreement_waiting ON agreement (created_at, id) WHERE visibility = 'draft';
