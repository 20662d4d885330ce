-- Which transaction last changed what the public sees of a document, for the list's sync
-- (GET /api/v1/documents?updated_since=). A poll hands back the oldest transaction still running
-- when it read (pg_snapshot_xmin) and the next poll asks from there: a transaction that started
-- before a poll and commits after it has an id at or above that mark, so its change is in the next
-- poll even though its timestamp is older than the poll. A timestamp alone cannot promise that.
--
-- Triggers, not the code paths, keep the columns: visibility changes in DocumentService, public
-- copies in Processing, embargoes and status in RequestService, and whatever SQL comes later; a
-- change made any other way is still seen.
ALTER TABLE document
    ADD COLUMN changed_xid xid8        NOT NULL DEFAULT pg_current_xact_id(),
    ADD COLUMN changed_at  timestamptz NOT NULL DEFAULT now();
-- Existing rows all take the migration's own transaction, so the first sync sees every document.
CREATE INDEX document_changed ON document (changed_xid);

-- A document's own columns that the public sees or that decide whether it is public. Columns only
-- its reviewers see (status_reason, processed_at) do not count: a poll would resend it unchanged.
-- An UPDATE that sets changed_xid itself (the triggers below) keeps the value it set.
CREATE FUNCTION document_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.visibility, NEW.published_at, NEW.request_id, NEW.agency_id, NEW.original_name, NEW.file_type,
        NEW.page_count, NEW.blob_sha256, NEW.public_blob_sha256)
       IS DISTINCT FROM
       (OLD.visibility, OLD.published_at, OLD.request_id, OLD.agency_id, OLD.original_name, OLD.file_type,
        OLD.page_count, OLD.blob_sha256, OLD.public_blob_sha256) THEN
        NEW.changed_xid := pg_current_xact_id();
        NEW.changed_at := now();
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER document_changed BEFORE UPDATE ON document FOR EACH ROW EXECUTE FUNCTION document_changed();

-- A page withheld or released changes which file the public gets, or whether it gets one.
CREATE FUNCTION document_page_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.withheld IS NOT DISTINCT FROM OLD.withheld THEN
        RETURN NULL;
    END IF;
    IF (TG_OP = 'INSERT' AND NOT NEW.withheld) OR (TG_OP = 'DELETE' AND NOT OLD.withheld) THEN
        RETURN NULL;
    END IF;
    UPDATE document SET changed_xid = pg_current_xact_id(), changed_at = now()
     WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.document_id ELSE NEW.document_id END;
    RETURN NULL;
END $$;
CREATE TRIGGER document_page_changed AFTER INSERT OR DELETE OR UPDATE OF withheld ON document_page
    FOR EACH ROW EXECUTE FUNCTION document_page_changed();

-- A request leaving or entering draft, or its embargo set, moved or lifted, changes whether its
-- documents are public (RequestAccess.PUBLIC). An embargo that simply runs out changes nothing in
-- the database: the sync query asks for those by date instead.
CREATE FUNCTION request_documents_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.status = 'draft') IS DISTINCT FROM (OLD.status = 'draft')
       OR NEW.embargo_until IS DISTINCT FROM OLD.embargo_until THEN
        UPDATE document SET changed_xid = pg_current_xact_id(), changed_at = now() WHERE request_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER request_documents_changed AFTER UPDATE OF status, embargo_until ON records_request
    FOR EACH ROW EXECUTE FUNCTION request_documents_changed();
