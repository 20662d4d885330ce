-- Withheld means withheld (issue #7): a withheld page says why, and the public gets a copy of
-- the file without its withheld pages, stored as a blob of its own like the original.

-- The reason is printed on the page that replaces the withheld one and shown on the document
-- page; a withheld page always has one, a released page none.
ALTER TABLE document_page ADD COLUMN withheld_reason text;
UPDATE document_page SET withheld_reason = 'Withheld before RingWatch recorded reasons.' WHERE withheld;
ALTER TABLE document_page ADD CONSTRAINT document_page_withheld_reason
    CHECK (withheld = (withheld_reason IS NOT NULL AND withheld_reason <> ''));
-- The public rule asks of every document whether any page is withheld: few are, so this stays small.
CREATE INDEX document_page_withheld ON document_page (document_id) WHERE withheld;

-- The public copy of a PDF with withheld pages and the thumbnail of its first page. NULL while
-- no page is withheld (the public gets the original) and while the copy is being made after a
-- change (the public gets nothing until it exists).
ALTER TABLE document
    ADD COLUMN public_blob_sha256      char(64) REFERENCES blob (sha256),
    ADD COLUMN public_thumbnail_sha256 char(64) REFERENCES blob (sha256);
CREATE INDEX document_public_blob ON document (public_blob_sha256) WHERE public_blob_sha256 IS NOT NULL;
CREATE INDEX document_thumbnail ON document (thumbnail_sha256) WHERE thumbnail_sha256 IS NOT NULL;
CREATE INDEX document_public_thumbnail ON document (public_thumbnail_sha256)
    WHERE public_thumbnail_sha256 IS NOT NULL;

-- One public copy per document may be queued or made at a time, like extraction.
CREATE UNIQUE INDEX job_one_pending_public_copy ON job ((payload ->> 'document_id'))
    WHERE kind = 'public_copy' AND status IN ('pending', 'running');

-- PDFs whose pages were withheld before this version: their copies are made once it runs.
INSERT INTO job (kind, payload)
SELECT DISTINCT 'public_copy', jsonb_build_object('document_id', p.document_id::text)
  FROM document_page p JOIN document d ON d.id = p.document_id
 WHERE p.withheld AND d.file_type = 'pdf';
