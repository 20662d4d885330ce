-- Documents (issue #4): what type parsing found, duplicates, processing attempts, and the
-- page flags a reviewer needs. The tables themselves came with V1.

ALTER TABLE document
    ADD COLUMN file_type       text CHECK (file_type IN ('pdf', 'png', 'jpeg', 'tiff', 'text', 'eml', 'docx', 'xlsx', 'csv')),
    ADD COLUMN duplicate_of    bigint REFERENCES document (id),
    ADD COLUMN processed_at    timestamptz;
CREATE INDEX document_visibility ON document (visibility, id);

-- One extraction per document may be queued at a time.
CREATE UNIQUE INDEX job_one_pending_per_document ON job ((payload ->> 'document_id'))
    WHERE kind = 'extract' AND status IN ('pending', 'running');

-- Search reads published pages only; the condition lives in the query, the index serves it.
CREATE INDEX document_page_document ON document_page (document_id);
