-- Documents obtained elsewhere ("outside evidence"): an agreement record also cites copies that
-- never came through a RingWatch request, such as council minutes or a newspaper's published
-- copy of an MOU. Such a document belongs to an agency instead of a request, and says where it
-- was published and by whom, so a reader can check it against its source.

-- Every document names its agency, so one query finds an agency's documents whichever way they
-- came. For a request's documents it is the request's agency; the composite key below keeps it so.
ALTER TABLE document ADD COLUMN agency_id bigint REFERENCES agency (id);
UPDATE document d SET agency_id = r.agency_id FROM records_request r WHERE r.id = d.request_id;
ALTER TABLE document ALTER COLUMN agency_id SET NOT NULL;
CREATE INDEX document_agency ON document (agency_id);

-- A document's agency cannot disagree with its request's (checked only when there is a request).
ALTER TABLE records_request ADD CONSTRAINT records_request_id_agency UNIQUE (id, agency_id);
ALTER TABLE document ADD CONSTRAINT document_request_agency FOREIGN KEY (request_id, agency_id)
    REFERENCES records_request (id, agency_id) ON UPDATE CASCADE;

ALTER TABLE document ALTER COLUMN request_id DROP NOT NULL;

-- Where the copy was published: an http(s) address only, because it is shown as a link and a
-- javascript: or data: address there would run in the reader's browser. The publisher is the
-- name the public sees beside it ("City of Fairhaven clerk", "The Gazette").
ALTER TABLE document
    ADD COLUMN source_url       text CHECK (source_url ~ '^https?://' AND length(source_url) <= 2000),
    ADD COLUMN source_publisher text CHECK (length(source_publisher) <= 200);

-- One provenance per document: a request (and maybe its log entry), or no request and a source
-- with a publisher. An e-mail's attachments (parent_id) take their parent's, so they pass too.
ALTER TABLE document ADD CONSTRAINT document_provenance CHECK (
    (request_id IS NOT NULL AND source_url IS NULL AND source_publisher IS NULL)
    OR (request_id IS NULL AND event_id IS NULL AND source_url IS NOT NULL
        AND source_publisher IS NOT NULL AND btrim(source_publisher) <> ''));
