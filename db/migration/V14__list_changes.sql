-- Which transaction last changed what the public sees of a request, an agreement or an agency,
-- for the lists' sync (updated_since), as V12 does for documents: a poll hands back the oldest
-- transaction still running when it read, so a change committed after the poll by a transaction
-- that began before it is in the next poll. Triggers keep the columns, whatever code or SQL
-- makes the change. Any update of the row counts: a poll may send a row again, never miss one.
-- (V13 is the dumps'.)

CREATE FUNCTION row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_xid := pg_current_xact_id();
    NEW.changed_at := now();
    RETURN NEW;
END $$;

-- A part's change moves its parent: TG_ARGV names the parent table and the part's column that
-- points at it (one function for every such pair below).
CREATE FUNCTION parent_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    part   jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    EXECUTE format('UPDATE %I SET changed_xid = pg_current_xact_id() WHERE id = $1', TG_ARGV[0])
        USING (part ->> TG_ARGV[1])::bigint;
    RETURN NULL;
END $$;

ALTER TABLE records_request
    ADD COLUMN changed_xid xid8        NOT NULL DEFAULT pg_current_xact_id(),
    ADD COLUMN changed_at  timestamptz NOT NULL DEFAULT now();
CREATE INDEX records_request_changed ON records_request (changed_xid);
CREATE TRIGGER records_request_changed BEFORE UPDATE ON records_request
    FOR EACH ROW EXECUTE FUNCTION row_changed();

-- A request's log and its tracking numbers are part of it as the API shows it.
CREATE TRIGGER request_event_changed AFTER INSERT OR UPDATE OR DELETE ON request_event
    FOR EACH ROW EXECUTE FUNCTION parent_changed('records_request', 'request_id');
CREATE TRIGGER request_tracking_number_changed AFTER INSERT OR UPDATE OR DELETE ON request_tracking_number
    FOR EACH ROW EXECUTE FUNCTION parent_changed('records_request', 'request_id');
-- The documents that came with it are part of it too, but a document's change does not touch the
-- request's row: that would lock document then request where RequestService locks request then
-- documents (V12), and two such transactions could deadlock. The sync asks documents.changed_xid.

ALTER TABLE agreement
    ADD COLUMN changed_xid   xid8        NOT NULL DEFAULT pg_current_xact_id(),
    ADD COLUMN changed_at    timestamptz NOT NULL DEFAULT now(),
    -- Once published, unpublishing it is a tombstone in a sync; a draft never published is not:
    -- the public never saw it, and a tombstone would say it exists.
    ADD COLUMN was_published boolean     NOT NULL DEFAULT false;
UPDATE agreement SET was_published = true WHERE visibility = 'published';
CREATE INDEX agreement_changed ON agreement (changed_xid);

CREATE FUNCTION agreement_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_xid := pg_current_xact_id();
    NEW.changed_at := now();
    NEW.was_published := NEW.was_published OR NEW.visibility = 'published';
    RETURN NEW;
END $$;
CREATE TRIGGER agreement_changed BEFORE INSERT OR UPDATE ON agreement
    FOR EACH ROW EXECUTE FUNCTION agreement_changed();

CREATE TRIGGER agreement_clause_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_clause
    FOR EACH ROW EXECUTE FUNCTION parent_changed('agreement', 'agreement_id');
CREATE TRIGGER agreement_date_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_date
    FOR EACH ROW EXECUTE FUNCTION parent_changed('agreement', 'agreement_id');
CREATE TRIGGER agreement_signatory_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_signatory
    FOR EACH ROW EXECUTE FUNCTION parent_changed('agreement', 'agreement_id');
CREATE TRIGGER agreement_document_changed AFTER INSERT OR UPDATE OR DELETE ON agreement_document
    FOR EACH ROW EXECUTE FUNCTION parent_changed('agreement', 'agreement_id');

-- Agencies are public from the moment they are seeded; their facts, links and counties are part
-- of them as the API shows them.
ALTER TABLE agency
    ADD COLUMN changed_xid xid8        NOT NULL DEFAULT pg_current_xact_id(),
    ADD COLUMN changed_at  timestamptz NOT NULL DEFAULT now();
CREATE INDEX agency_changed ON agency (changed_xid);
CREATE TRIGGER agency_changed BEFORE UPDATE ON agency FOR EACH ROW EXECUTE FUNCTION row_changed();

CREATE TRIGGER partnership_fact_changed AFTER INSERT OR UPDATE OR DELETE ON partnership_fact
    FOR EACH ROW EXECUTE FUNCTION parent_changed('agency', 'agency_id');
CREATE TRIGGER agency_link_changed AFTER INSERT OR UPDATE OR DELETE ON agency_link
    FOR EACH ROW EXECUTE FUNCTION parent_changed('agency', 'agency_id');
CREATE TRIGGER agency_county_changed AFTER INSERT OR UPDATE OR DELETE ON agency_county
    FOR EACH ROW EXECUTE FUNCTION parent_changed('agency', 'agency_id');
