-- A PNG of each document's first page (or a scaled image), stored as a blob like the file itself.
ALTER TABLE document ADD COLUMN thumbnail_sha256 char(64) REFERENCES blob (sha256);
CREATE INDEX document_parent ON document (parent_id);
