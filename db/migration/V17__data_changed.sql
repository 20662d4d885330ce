-- Public pages are rendered once and served from memory until something they show changes
-- (pagecache/): every committed change to a table the public pages read sends a notification on
-- the channel ringwatch_data, which every instance listens to. NOTIFY is transactional: it is
-- delivered at commit and not at all on rollback, and a transaction's identical notifications
-- fold into one.
-- (V15 is the setup token's; V16 is search's.)

CREATE FUNCTION data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ringwatch_data', '');
    RETURN NULL;
END $$;

-- One statement-level trigger per table, for writes of any size (a seed of 1,500 rows notifies
-- once). Left out are the tables no public page shows that change often on their own: queued
-- jobs, the audit trail, sign-in throttling, tokens (their last use is written on every call),
-- invitations, setup links and the seed bookkeeping. pagecache/DataVersion reads this list back
-- from pg_trigger, so it is stated here only.
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                AND c.relname NOT IN ('job', 'audit_log', 'login_throttle', 'api_token', 'invitation',
                                      'setup_token', 'seed_file', 'flyway_schema_history')
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION data_changed()', t || '_data_changed', t);
    END LOOP;
END $$;
